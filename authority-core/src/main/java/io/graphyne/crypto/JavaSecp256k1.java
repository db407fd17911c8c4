package io.graphyne.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The pure-Java backend: BouncyCastle's custom secp256k1 curve (specialised field arithmetic and
 * the GLV endomorphism; never the generic {@code SECNamedCurves} one). Thread-safe.
 */
public final class JavaSecp256k1 extends AbstractSecp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECCurve CURVE = PARAMS.getCurve();
  private static final ECPoint G = PARAMS.getG();
  private static final BigInteger N = PARAMS.getN();

  private final FixedPointCombMultiplier baseMultiplier = new FixedPointCombMultiplier();

  @Override
  public String name() {
    return "java";
  }

  @Override
  RecoveryFailure recoverChecked(
      byte[] digest32, byte[] sig65, int recid, byte[] scratch64, byte[] out, int off) {
    BigInteger r = new BigInteger(1, sig65, 1, 32);
    BigInteger s = new BigInteger(1, sig65, 33, 32);
    BigInteger x = (recid & 2) != 0 ? r.add(N) : r;
    ECFieldElement fx = CURVE.fromBigInteger(x);
    ECFieldElement rhs = fx.square().multiply(fx).add(CURVE.getB());
    ECFieldElement fy = rhs.sqrt();
    if (fy == null) {
      return RecoveryFailure.NO_POINT;
    }
    if (fy.testBitZero() != ((recid & 1) != 0)) {
      fy = fy.negate();
    }
    ECPoint bigR = CURVE.createPoint(x, fy.toBigInteger());
    BigInteger e = new BigInteger(1, digest32).mod(N);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = N.subtract(e.multiply(rInv).mod(N)).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(bigR, u2, G, u1).normalize();
    if (q.isInfinity()) {
      return RecoveryFailure.INFINITY;
    }
    byte[] enc = q.getEncoded(true);
    System.arraycopy(enc, 0, out, off, PUBLIC_KEY_SIZE);
    return null;
  }

  @Override
  byte[] multiplyGenerator(byte[] k32) {
    return baseMultiplier.multiply(G, new BigInteger(1, k32)).normalize().getEncoded(false);
  }

  @Override
  byte[] multiplyX(byte[] publicKey33, byte[] k32) {
    ECPoint p = decode(publicKey33);
    if (p == null) {
      throw new IllegalArgumentException("not a point on secp256k1");
    }
    ECPoint q = p.multiply(new BigInteger(1, k32)).normalize();
    if (q.isInfinity()) {
      throw new IllegalArgumentException("shared point is at infinity");
    }
    return q.getAffineXCoord().getEncoded();
  }

  @Override
  boolean verifyLowS(byte[] digest32, byte[] rs, byte[] publicKey33) {
    ECPoint pub = decode(publicKey33);
    if (pub == null) {
      return false;
    }
    BigInteger r = new BigInteger(1, rs, 0, 32);
    BigInteger s = new BigInteger(1, rs, 32, 32);
    BigInteger e = new BigInteger(1, digest32).mod(N);
    BigInteger w = s.modInverse(N);
    ECPoint p =
        ECAlgorithms.sumOfTwoMultiplies(G, e.multiply(w).mod(N), pub, r.multiply(w).mod(N))
            .normalize();
    return !p.isInfinity() && p.getAffineXCoord().toBigInteger().mod(N).equals(r);
  }

  private static ECPoint decode(byte[] publicKey33) {
    return decompress(publicKey33, 0);
  }

  /** The curve, for the other pure-Java users of this package ({@link Pedersen}). */
  static ECCurve curve() {
    return CURVE;
  }

  /** The base point G. */
  static ECPoint generator() {
    return G;
  }

  /**
   * libsecp256k1's {@code secp256k1_eckey_pubkey_parse} of 33 bytes at {@code buf[off]}: header 02
   * or 03, x below p, x^3 + 7 a square; y is the root whose parity the header names. Null if any
   * of these fails. Never throws for a buffer holding 33 bytes at off.
   */
  static ECPoint decompress(byte[] buf, int off) {
    int header = buf[off];
    if (header != 2 && header != 3) {
      return null;
    }
    BigInteger x = new BigInteger(1, buf, off + 1, 32);
    if (x.compareTo(Curve.P) >= 0) {
      return null;
    }
    ECFieldElement fx = CURVE.fromBigInteger(x);
    ECFieldElement fy = fx.square().multiply(fx).add(CURVE.getB()).sqrt();
    if (fy == null) {
      return null;
    }
    if (fy.testBitZero() != (header == 3)) {
      fy = fy.negate();
    }
    return CURVE.createPoint(x, fy.toBigInteger());
  }
}
