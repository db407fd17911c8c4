package io.graphyne.chainstore;

/**
 * The few pieces of protobuf's wire format that the hot write path emits by hand (varints and
 * one-byte tags), so that records written there are byte for byte what protobuf writes.
 */
final class Wire {
  private Wire() {}

  static final int VARINT = 0;
  static final int LENGTH_DELIMITED = 2;

  /** The one-byte tag of a field below 16. */
  static byte tag(int field, int wireType) {
    return (byte) (field << 3 | wireType);
  }

  /** Bytes of {@code v} as an unsigned varint (uint64; a uint32 passed as its unsigned value). */
  static int varintSize(long v) {
    int n = 1;
    while ((v & ~0x7fL) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  /** Writes {@code v} as an unsigned varint at {@code p}; returns the position after it. */
  static int writeVarint(byte[] out, int p, long v) {
    while ((v & ~0x7fL) != 0) {
      out[p++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out[p++] = (byte) v;
    return p;
  }

  /** Size of a length-delimited field (tag below 16) holding {@code length} bytes. */
  static int bytesFieldSize(int length) {
    return 1 + varintSize(length) + length;
  }

  /** Writes a length-delimited field (tag below 16); returns the position after it. */
  static int writeBytesField(byte[] out, int p, int field, byte[] value) {
    out[p++] = tag(field, LENGTH_DELIMITED);
    p = writeVarint(out, p, value.length);
    System.arraycopy(value, 0, out, p, value.length);
    return p + value.length;
  }
}
