package io.graphyne.p2p.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * {@link EcCrypto} on BouncyCastle's {@code CustomNamedCurves} secp256k1 (the fast BC curve).
 * Signing uses random nonces and retries until the signature is fc-canonical, as fc does.
 */
public final class BouncyCastleEcCrypto implements EcCrypto {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  private static final BigInteger N = CURVE.getN();

  private final SecureRandom random;

  public BouncyCastleEcCrypto() {
    this(new SecureRandom());
  }

  public BouncyCastleEcCrypto(SecureRandom random) {
    this.random = random;
  }

  @Override
  public byte[] newPrivateKey() {
    while (true) {
      byte[] k = new byte[32];
      random.nextBytes(k);
      BigInteger d = new BigInteger(1, k);
      if (d.signum() > 0 && d.compareTo(N) < 0) {
        return k;
      }
    }
  }

  private static BigInteger scalar(byte[] privateKey) {
    if (privateKey.length != 32) {
      throw new IllegalArgumentException("private key must be 32 bytes");
    }
    BigInteger d = new BigInteger(1, privateKey);
    if (d.signum() == 0 || d.compareTo(N) >= 0) {
      throw new IllegalArgumentException("private key out of range");
    }
    return d;
  }

  @Override
  public byte[] publicKey(byte[] privateKey) {
    return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), scalar(privateKey)).normalize().getEncoded(true);
  }

  private static ECPoint decodePoint(byte[] compressed) {
    if (compressed.length != 33 || (compressed[0] != 2 && compressed[0] != 3)) {
      throw new IllegalArgumentException("public key must be 33 compressed bytes");
    }
    try {
      ECPoint p = CURVE.getCurve().decodePoint(compressed);
      if (p.isInfinity() || !p.isValid()) {
        throw new IllegalArgumentException("public key is not a curve point");
      }
      return p;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("public key is not a curve point", e);
    }
  }

  @Override
  public byte[] ecdhX(byte[] privateKey, byte[] peerPublicKey) {
    ECPoint q = decodePoint(peerPublicKey);
    ECPoint p = q.multiply(scalar(privateKey)).normalize();
    if (p.isInfinity()) {
      throw new IllegalArgumentException("ECDH result is infinity");
    }
    return p.getAffineXCoord().getEncoded();
  }

  @Override
  public byte[] signCompact(byte[] privateKey, byte[] digest32) {
    BigInteger d = scalar(privateKey);
    byte[] pub = publicKey(privateKey);
    ECDSASigner signer = new ECDSASigner();
    signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(d, DOMAIN), random));
    for (int attempt = 0; attempt < 10_000; attempt++) {
      BigInteger[] rs = signer.generateSignature(digest32);
      byte[] r = toBytes32(rs[0]);
      byte[] s = toBytes32(rs[1]);
      byte[] sig = new byte[65];
      System.arraycopy(r, 0, sig, 1, 32);
      System.arraycopy(s, 0, sig, 33, 32);
      if (!isCanonical(sig)) {
        continue;
      }
      for (int recid = 0; recid < 4; recid++) {
        sig[0] = (byte) (27 + 4 + recid);
        Optional<byte[]> rec = recoverCompact(sig, digest32);
        if (rec.isPresent() && Arrays.equals(rec.get(), pub)) {
          return sig;
        }
      }
    }
    throw new IllegalStateException("could not produce a canonical signature");
  }

  /** fc's is_canonical on a 65-byte compact signature. */
  public static boolean isCanonical(byte[] c) {
    return (c[1] & 0x80) == 0
        && !(c[1] == 0 && (c[2] & 0x80) == 0)
        && (c[33] & 0x80) == 0
        && !(c[33] == 0 && (c[34] & 0x80) == 0);
  }

  @Override
  public Optional<byte[]> recoverCompact(byte[] sig, byte[] digest32) {
    if (sig.length != 65 || digest32.length != 32) {
      return Optional.empty();
    }
    int header = sig[0] & 0xff;
    if (header < 27 || header > 34) {
      return Optional.empty();
    }
    int recid = (header - 27) & 3;
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 1, 33));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 33, 65));
    if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) {
      return Optional.empty();
    }
    BigInteger x = r.add(N.multiply(BigInteger.valueOf(recid / 2)));
    BigInteger p = CURVE.getCurve().getField().getCharacteristic();
    if (x.compareTo(p) >= 0) {
      return Optional.empty();
    }
    byte[] enc = new byte[33];
    enc[0] = (byte) ((recid & 1) == 0 ? 2 : 3);
    System.arraycopy(toBytes32(x), 0, enc, 1, 32);
    ECPoint bigR;
    try {
      bigR = CURVE.getCurve().decodePoint(enc);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    BigInteger e = new BigInteger(1, digest32);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = e.negate().mod(N).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    return Optional.of(q.getEncoded(true));
  }

  private static byte[] toBytes32(BigInteger v) {
    byte[] b = v.toByteArray();
    if (b.length == 32) {
      return b;
    }
    byte[] out = new byte[32];
    if (b.length > 32) {
      System.arraycopy(b, b.length - 32, out, 0, 32);
    } else {
      System.arraycopy(b, 0, out, 32 - b.length, b.length);
    }
    return out;
  }
}
