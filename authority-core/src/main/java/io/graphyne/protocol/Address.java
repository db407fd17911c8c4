package io.graphyne.protocol;

import io.graphyne.crypto.Base58;
import io.graphyne.crypto.Hashes;
import io.graphyne.util.Hex;
import java.util.Arrays;

/**
 * A Graphene address: RIPEMD-160 of SHA-512 of a compressed key (spec/chain.md §4.2). Text form:
 * prefix + Base58(addr20 || first 4 bytes of RIPEMD-160(addr20)). Ordered by memcmp.
 */
public final class Address implements Comparable<Address> {
  private final byte[] addr;

  private Address(byte[] addr) {
    this.addr = addr;
  }

  public static Address wrap(byte[] twentyBytes) {
    if (twentyBytes.length != 20) {
      throw new IllegalArgumentException("an address is 20 bytes, got " + twentyBytes.length);
    }
    return new Address(twentyBytes.clone());
  }

  public static Address fromKey(PublicKey key) {
    return key.address();
  }

  /** address(pts_address): RIPEMD-160 of the 25-byte legacy PTS address. */
  public static Address fromPts(byte[] pts25) {
    return new Address(Hashes.ripemd160(pts25));
  }

  /**
   * The legacy PTS address of a key (spec/chain.md §4.2): version || RIPEMD160(SHA256(pubkey)) ||
   * first 4 bytes of SHA256(SHA256(first 21 bytes)); pubkey compressed (33) or uncompressed (65).
   */
  public static byte[] ptsAddress(PublicKey key, boolean compressed, int version) {
    byte[] pub = compressed ? key.toArray() : key.uncompressed();
    byte[] out = new byte[25];
    out[0] = (byte) version;
    System.arraycopy(Hashes.ripemd160(Hashes.sha256(pub)), 0, out, 1, 20);
    byte[] check = Hashes.doubleSha256(Arrays.copyOf(out, 21));
    System.arraycopy(check, 0, out, 21, 4);
    return out;
  }

  /** Parses {@code PREFIX + base58}; the prefix must be {@code prefix} unless it is null. */
  public static Address parse(String text, String prefix) {
    String body = PublicKey.stripPrefix(text, prefix, 24);
    byte[] raw = Base58.decode(body);
    if (raw.length != 24) {
      throw new IllegalArgumentException("address payload is " + raw.length + " bytes, expected 24");
    }
    byte[] a = Arrays.copyOf(raw, 20);
    byte[] check = Hashes.ripemd160(a);
    for (int i = 0; i < 4; i++) {
      if (check[i] != raw[20 + i]) {
        throw new IllegalArgumentException("address checksum mismatch: " + text);
      }
    }
    return new Address(a);
  }

  public byte[] toArray() {
    return addr.clone();
  }

  public String toString(String prefix) {
    byte[] raw = Arrays.copyOf(addr, 24);
    System.arraycopy(Hashes.ripemd160(addr), 0, raw, 20, 4);
    return prefix + Base58.encode(raw);
  }

  @Override
  public int compareTo(Address o) {
    return Arrays.compareUnsigned(addr, o.addr);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && Arrays.equals(addr, a.addr);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(addr);
  }

  @Override
  public String toString() {
    return Hex.encode(addr);
  }
}
