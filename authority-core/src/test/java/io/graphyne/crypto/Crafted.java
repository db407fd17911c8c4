package io.graphyne.crypto;

import java.math.BigInteger;

/** Builds signatures with chosen r, s and digest for rule tests (no private key is needed). */
final class Crafted {
  private Crafted() {}

  static byte[] sig(int header, BigInteger r, BigInteger s) {
    byte[] sig = new byte[65];
    sig[0] = (byte) header;
    Curve.to32(r, sig, 1);
    Curve.to32(s, sig, 33);
    return sig;
  }

  /** A signature and digest. */
  record Signed(byte[] digest, byte[] sig, byte[] key) {}

  /**
   * A valid signature by key d with nonce k whose s is exactly {@code s}: the digest is solved
   * for, e = s k - r d (mod n). Header carries R's recid (no low-S flip).
   */
  static Signed withS(Secp256k1 secp, BigInteger d, BigInteger k, BigInteger s) {
    byte[] point = ((AbstractSecp256k1) secp).multiplyGenerator(Curve.to32(k));
    BigInteger x = new BigInteger(1, point, 1, 32);
    int recid = (x.compareTo(Curve.N) >= 0 ? 2 : 0) | (point[64] & 1);
    BigInteger r = x.mod(Curve.N);
    BigInteger e = s.multiply(k).subtract(r.multiply(d)).mod(Curve.N);
    return new Signed(
        Curve.to32(e), sig(31 + recid, r, s), secp.publicKey(Curve.to32(d)));
  }

  /** The x coordinate of k G. */
  static BigInteger rOf(Secp256k1 secp, BigInteger k) {
    byte[] point = ((AbstractSecp256k1) secp).multiplyGenerator(Curve.to32(k));
    return new BigInteger(1, point, 1, 32).mod(Curve.N);
  }
}
