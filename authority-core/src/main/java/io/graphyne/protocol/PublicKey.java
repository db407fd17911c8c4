package io.graphyne.protocol;

import io.graphyne.crypto.Base58;
import io.graphyne.crypto.Hashes;
import io.graphyne.util.Hex;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * {@code public_key_type}: 33 bytes of a compressed secp256k1 point, as carried on chain (not
 * checked to be on the curve when decoded, as fc does not check it). Ordered the way
 * bitshares-core orders keys in sets and maps: by address (spec/chain.md §1.4), not by bytes.
 */
public final class PublicKey implements Comparable<PublicKey> {
  public static final int SIZE = 33;

  private final byte[] data;
  private volatile Address address;
  private int hash;

  private PublicKey(byte[] data) {
    this.data = data;
  }

  public static PublicKey wrap(byte[] compressed33) {
    if (compressed33.length != SIZE) {
      throw new IllegalArgumentException("a public key is 33 bytes, got " + compressed33.length);
    }
    return new PublicKey(compressed33.clone());
  }

  /**
   * Wraps a fresh array without copying it, for decoders and key recovery that have just filled
   * it: the caller hands the array over and must never modify it afterwards.
   */
  public static PublicKey adopt(byte[] compressed33) {
    if (compressed33.length != SIZE) {
      throw new IllegalArgumentException("a public key is 33 bytes, got " + compressed33.length);
    }
    return new PublicKey(compressed33);
  }

  public static PublicKey fromHex(String hex) {
    return wrap(Hex.decode(hex));
  }

  /**
   * Parses {@code PREFIX + Base58(key33 || ripemd160(key33)[0..4])}. With {@code prefix == null}
   * any alphabetic prefix is accepted.
   */
  public static PublicKey parse(String text, String prefix) {
    String body = stripPrefix(text, prefix, 37);
    byte[] raw = Base58.decode(body);
    if (raw.length != 37) {
      throw new IllegalArgumentException("public key payload is " + raw.length + " bytes, expected 37");
    }
    byte[] key = Arrays.copyOf(raw, SIZE);
    byte[] check = Hashes.ripemd160(key);
    for (int i = 0; i < 4; i++) {
      if (check[i] != raw[SIZE + i]) {
        throw new IllegalArgumentException("public key checksum mismatch: " + text);
      }
    }
    return new PublicKey(key);
  }

  /** Any prefix. */
  public static PublicKey parse(String text) {
    return parse(text, null);
  }

  /**
   * Removes the chain prefix: the given one, or (when null) the longest leading run of letters
   * that leaves a Base58 body of the expected payload size.
   */
  static String stripPrefix(String text, String prefix, int payloadBytes) {
    String t = text.strip();
    if (prefix != null) {
      if (!t.startsWith(prefix)) {
        throw new IllegalArgumentException("expected prefix '" + prefix + "' in '" + t + "'");
      }
      return t.substring(prefix.length());
    }
    for (int i = 1; i <= Math.min(16, t.length() - 1); i++) {
      char c = t.charAt(i - 1);
      if (!Character.isLetter(c)) {
        break;
      }
      String body = t.substring(i);
      try {
        byte[] raw = Base58.decode(body);
        if (raw.length == payloadBytes && checksumOk(raw, payloadBytes - 4)) {
          return body;
        }
      } catch (IllegalArgumentException ignored) {
        // not this split
      }
    }
    throw new IllegalArgumentException("not a prefixed Base58 key or address: '" + t + "'");
  }

  private static boolean checksumOk(byte[] raw, int n) {
    byte[] check = Hashes.ripemd160(raw, 0, n);
    for (int i = 0; i < 4; i++) {
      if (check[i] != raw[n + i]) {
        return false;
      }
    }
    return true;
  }

  public byte[] toArray() {
    return data.clone();
  }

  /** The backing array; callers must not modify it. */
  public byte[] unsafeArray() {
    return data;
  }

  public Address address() {
    Address a = address;
    if (a == null) {
      a = Address.wrap(Hashes.ripemd160(Hashes.sha512(data)));
      address = a;
    }
    return a;
  }

  /** The 65-byte uncompressed form (0x04 || X || Y), for legacy PTS addresses. */
  public byte[] uncompressed() {
    BigInteger p = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16);
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(data, 1, SIZE));
    BigInteger rhs = x.pow(3).add(BigInteger.valueOf(7)).mod(p);
    BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
    if (!y.multiply(y).mod(p).equals(rhs)) {
      throw new IllegalStateException("public key is not on the secp256k1 curve");
    }
    if (y.testBit(0) != ((data[0] & 1) == 1)) {
      y = p.subtract(y);
    }
    byte[] out = new byte[65];
    out[0] = 4;
    System.arraycopy(data, 1, out, 1, 32);
    byte[] yb = y.toByteArray();
    int n = Math.min(yb.length, 32);
    System.arraycopy(yb, yb.length - n, out, 65 - n, n);
    return out;
  }

  public String toString(String prefix) {
    byte[] raw = Arrays.copyOf(data, 37);
    System.arraycopy(Hashes.ripemd160(data), 0, raw, SIZE, 4);
    return prefix + Base58.encode(raw);
  }

  public String toHex() {
    return Hex.encode(data);
  }

  @Override
  public int compareTo(PublicKey o) {
    return address().compareTo(o.address());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKey k && Arrays.equals(data, k.data);
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

  /** Hex; use {@link #toString(String)} for the prefixed text form. */
  @Override
  public String toString() {
    return toHex();
  }
}
