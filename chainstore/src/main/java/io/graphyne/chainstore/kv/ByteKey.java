package io.graphyne.chainstore.kv;

import java.util.Arrays;

/**
 * A hash-map key over a byte array: equality and hash of the bytes, the hash computed once. The
 * array is not copied and must not change while the key is in use.
 */
public final class ByteKey {
  private final byte[] bytes;
  private final int hash;

  public ByteKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  public byte[] bytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
