package io.graphyne.authority;

import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.PublicKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Test-side secp256k1 (BouncyCastle): key derivation, compact signing (fc-canonical) and public
 * key recovery with fc's rules (v in 27..34, canonical r/s). Used until the crypto module's
 * Secp256k1 is on main; deterministic (seeded nonces) so tests are repeatable.
 */
final class TestCrypto {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();

  private TestCrypto() {}

  /** The private key sha256(seed), as the vectors derive theirs. */
  static BigInteger privateKey(String seed) {
    return new BigInteger(1, Hashes.sha256(seed.getBytes(StandardCharsets.UTF_8)));
  }

  static PublicKey publicKey(BigInteger priv) {
    return PublicKey.wrap(CURVE.getG().multiply(priv).normalize().getEncoded(true));
  }

  static PublicKey publicKey(String seed) {
    return publicKey(privateKey(seed));
  }

  /** A 65-byte compact signature [v][r][s] that is fc-canonical. */
  static byte[] sign(byte[] digest32, BigInteger priv) {
    BigInteger e = new BigInteger(1, digest32);
    Random rnd = new Random(Arrays.hashCode(digest32) * 31L + priv.hashCode());
    PublicKey pub = publicKey(priv);
    while (true) {
      BigInteger k = new BigInteger(256, rnd).mod(N);
      if (k.signum() == 0) {
        continue;
      }
      ECPoint r0 = CURVE.getG().multiply(k).normalize();
      BigInteger r = r0.getAffineXCoord().toBigInteger().mod(N);
      if (r.signum() == 0) {
        continue;
      }
      BigInteger s = k.modInverse(N).multiply(e.add(r.multiply(priv))).mod(N);
      if (s.signum() == 0) {
        continue;
      }
      byte[] sig = new byte[65];
      put32(sig, 1, r);
      put32(sig, 33, s);
      if (!isCanonical(sig)) {
        continue;
      }
      for (int rec = 0; rec < 4; rec++) {
        sig[0] = (byte) (27 + 4 + rec);
        try {
          if (recover(digest32, sig).equals(pub)) {
            return sig;
          }
        } catch (IllegalArgumentException ignored) {
          // try the next recovery id
        }
      }
    }
  }

  static byte[] sign(byte[] digest32, String seed) {
    return sign(digest32, privateKey(seed));
  }

  private static void put32(byte[] out, int off, BigInteger v) {
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, off + 32 - n, n);
  }

  /** fc's is_canonical. */
  static boolean isCanonical(byte[] c) {
    return (c[1] & 0x80) == 0
        && !(c[1] == 0 && (c[2] & 0x80) == 0)
        && (c[33] & 0x80) == 0
        && !(c[33] == 0 && (c[34] & 0x80) == 0);
  }

  /** Recovers the compressed public key; throws IllegalArgumentException when fc would throw. */
  static PublicKey recover(byte[] digest32, byte[] sig) {
    if (sig.length != 65) {
      throw new IllegalArgumentException("signature must be 65 bytes");
    }
    int v = sig[0] & 0xff;
    if (v < 27 || v > 34) {
      throw new IllegalArgumentException("unable to reconstruct public key from signature");
    }
    if (!isCanonical(sig)) {
      throw new IllegalArgumentException("signature is not canonical");
    }
    int recId = (v - 27) & 3;
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 1, 33));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 33, 65));
    if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) {
      throw new IllegalArgumentException("invalid r or s");
    }
    BigInteger x = r.add(BigInteger.valueOf(recId >> 1).multiply(N));
    BigInteger p = CURVE.getCurve().getField().getCharacteristic();
    if (x.compareTo(p) >= 0) {
      throw new IllegalArgumentException("unable to reconstruct public key from signature");
    }
    byte[] enc = new byte[33];
    enc[0] = (byte) ((recId & 1) == 1 ? 3 : 2);
    put32(enc, 1, x);
    ECPoint rp;
    try {
      rp = CURVE.getCurve().decodePoint(enc);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unable to reconstruct public key from signature");
    }
    BigInteger e = new BigInteger(1, digest32);
    BigInteger rInv = r.modInverse(N);
    BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), u1, rp, u2).normalize();
    if (q.isInfinity()) {
      throw new IllegalArgumentException("unable to reconstruct public key from signature");
    }
    return PublicKey.wrap(q.getEncoded(true));
  }
}
