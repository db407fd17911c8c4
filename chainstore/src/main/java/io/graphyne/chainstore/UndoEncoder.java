package io.graphyne.chainstore;

import com.google.protobuf.CodedOutputStream;
import io.graphyne.protocol.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a block's undo record ({@code UndoRecordPb} in chainstore.proto) straight from the
 * overlay's touched keys, in protobuf's wire format, without a builder and a message object per
 * key (a full block touches thousands of keys). Fields at their default value are left out, as
 * protobuf does; {@code UndoRecordPb.parseFrom} reads the result.
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
      size += CodedOutputStream.computeUInt64Size(RECORD_BLOCK_NUM, blockNum);
    }
    byte[] id = blockId.unsafeArray();
    if (id.length > 0) {
      size += CodedOutputStream.computeByteArraySize(RECORD_BLOCK_ID, id);
    }
    int[] entrySizes = new int[touches.size()];
    for (int i = 0; i < entrySizes.length; i++) {
      int e = entrySize(touches.get(i));
      entrySizes[i] = e;
      size += CodedOutputStream.computeTagSize(RECORD_ENTRIES) + CodedOutputStream.computeUInt32SizeNoTag(e) + e;
    }
    byte[] out = new byte[size];
    CodedOutputStream w = CodedOutputStream.newInstance(out);
    try {
      if (blockNum != 0) {
        w.writeUInt64(RECORD_BLOCK_NUM, blockNum);
      }
      if (id.length > 0) {
        w.writeByteArray(RECORD_BLOCK_ID, id);
      }
      for (int i = 0; i < entrySizes.length; i++) {
        Overlay.Touch t = touches.get(i);
        w.writeTag(RECORD_ENTRIES, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
        w.writeUInt32NoTag(entrySizes[i]);
        int column = t.column.id();
        if (column != 0) {
          w.writeUInt32(ENTRY_COLUMN, column);
        }
        if (t.key.length > 0) {
          w.writeByteArray(ENTRY_KEY, t.key);
        }
        if (t.previous != null) {
          w.writeBool(ENTRY_EXISTED, true);
          if (t.previous.length > 0) {
            w.writeByteArray(ENTRY_VALUE, t.previous);
          }
        }
      }
      w.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the array has exactly the computed size
    }
    return out;
  }

  private static int entrySize(Overlay.Touch t) {
    int s = 0;
    int column = t.column.id();
    if (column != 0) {
      s += CodedOutputStream.computeUInt32Size(ENTRY_COLUMN, column);
    }
    if (t.key.length > 0) {
      s += CodedOutputStream.computeByteArraySize(ENTRY_KEY, t.key);
    }
    if (t.previous != null) {
      s += CodedOutputStream.computeBoolSize(ENTRY_EXISTED, true);
      if (t.previous.length > 0) {
        s += CodedOutputStream.computeByteArraySize(ENTRY_VALUE, t.previous);
      }
    }
    return s;
  }
}
