package io.graphyne.chainstore;

import io.graphyne.protocol.Bytes;
import java.util.List;

/**
 * Writes a block's undo record ({@code UndoRecordPb} in chainstore.proto) straight from the
 * overlay's touched keys, in protobuf's wire format, without a builder and a message object per
 * key (a full block touches thousands of keys). Fields at their default value are left out, as
 * protobuf does; {@code UndoRecordPb.parseFrom} reads the result (UndoEncoderPropertyTest checks
 * the bytes against protobuf's own).
 */
final class UndoEncoder {
  private static final int RECORD_BLOCK_NUM = 1;
  private static final int RECORD_BLOCK_ID = 2;
  private static final int RECORD_ENTRIES = 3;
  private static final int ENTRY_COLUMN = 1;
  private static final int ENTRY_KEY = 2;
  private static final int ENTRY_EXISTED = 3;
  private static final int ENTRY_VALUE = 4;

  private UndoEncoder() {}

  static byte[] encode(long blockNum, Bytes blockId, List<Overlay.Touch> touches) {
    int size = 0;
    if (blockNum != 0) {
      size += 1 + Wire.varintSize(blockNum);
    }
    byte[] id = blockId.unsafeArray();
    if (id.length > 0) {
      size += Wire.bytesFieldSize(id.length);
    }
    int n = touches.size();
    int[] entrySizes = new int[n];
    for (int i = 0; i < n; i++) {
      int e = entrySize(touches.get(i));
      entrySizes[i] = e;
      size += Wire.bytesFieldSize(e);
    }
    byte[] out = new byte[size];
    int p = 0;
    if (blockNum != 0) {
      out[p++] = Wire.tag(RECORD_BLOCK_NUM, Wire.VARINT);
      p = Wire.writeVarint(out, p, blockNum);
    }
    if (id.length > 0) {
      p = Wire.writeBytesField(out, p, RECORD_BLOCK_ID, id);
    }
    for (int i = 0; i < n; i++) {
      Overlay.Touch t = touches.get(i);
      out[p++] = Wire.tag(RECORD_ENTRIES, Wire.LENGTH_DELIMITED);
      p = Wire.writeVarint(out, p, entrySizes[i]);
      int column = t.column.id();
      if (column != 0) {
        out[p++] = Wire.tag(ENTRY_COLUMN, Wire.VARINT);
        p = Wire.writeVarint(out, p, column);
      }
      if (t.key.length > 0) {
        p = Wire.writeBytesField(out, p, ENTRY_KEY, t.key);
      }
      if (t.previous != null) {
        out[p++] = Wire.tag(ENTRY_EXISTED, Wire.VARINT);
        out[p++] = 1;
        if (t.previous.length > 0) {
          p = Wire.writeBytesField(out, p, ENTRY_VALUE, t.previous);
        }
      }
    }
    if (p != size) {
      throw new IllegalStateException("undo record is " + p + " bytes, computed " + size);
    }
    return out;
  }

  private static int entrySize(Overlay.Touch t) {
    int s = 0;
    int column = t.column.id();
    if (column != 0) {
      s += 1 + Wire.varintSize(column);
    }
    if (t.key.length > 0) {
      s += Wire.bytesFieldSize(t.key.length);
    }
    if (t.previous != null) {
      s += 2;
      if (t.previous.length > 0) {
        s += Wire.bytesFieldSize(t.previous.length);
      }
    }
    return s;
  }
}
