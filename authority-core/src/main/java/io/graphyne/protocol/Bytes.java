package io.graphyne.protocol;

import io.graphyne.util.Hex;
import java.util.Arrays;

/**
 * Immutable bytes: hashes (sha256, ripemd160, ...), signatures and {@code vector<char>} payloads.
 * Ordered as fc orders hashes: memcmp, bytes unsigned.
 */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] data;
  private int hash;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /** Wraps a copy of {@code data}. */
  public static Bytes of(byte[] data) {
    return new Bytes(data.clone());
  }

  /** Wraps {@code data} without copying; the caller must never modify it afterwards. */
  public static Bytes wrap(byte[] data) {
    return new Bytes(data);
  }

  public static Bytes fromHex(String hex) {
    return new Bytes(Hex.decode(hex));
  }

  public static Bytes zeros(int n) {
    return new Bytes(new byte[n]);
  }

  public int length() {
    return data.length;
  }

  public byte get(int i) {
    return data[i];
  }

  /** A copy of the bytes. */
  public byte[] toArray() {
    return data.clone();
  }

  /** The backing array; callers must not modify it. */
  public byte[] unsafeArray() {
    return data;
  }

  public boolean isZero() {
    for (byte b : data) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  public String toHex() {
    return Hex.encode(data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(data, b.data);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(data);
      hash = h;
    }
    return h;
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(data, o.data);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
