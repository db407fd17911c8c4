package io.graphyne.crypto;

import io.graphyne.protocol.PublicKey;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * What both backends share: the checks bitshares-core makes before the point arithmetic (header,
 * canonical rule, scalar ranges), batch iteration, and fc's signing loop. Subclasses supply the
 * elliptic-curve operations.
 */
abstract class AbstractSecp256k1 implements Secp256k1 {

  /**
   * Recovers from a signature whose header, ranges and x-overflow were already checked; writes
   * the 33-byte compressed key at {@code out[off]}. Returns null, {@link RecoveryFailure#NO_POINT}
   * or {@link RecoveryFailure#INFINITY}. May use {@code scratch64} freely. Must not throw.
   */
  abstract RecoveryFailure recoverChecked(
      byte[] digest32, byte[] sig65, int recid, byte[] scratch64, byte[] out, int off);

  /** {@code k * G} for a valid scalar, as 65 uncompressed bytes (04 || x || y). */
  abstract byte[] multiplyGenerator(byte[] k32);

  /** The x coordinate of {@code k * pub}; IllegalArgumentException if pub is not a point. */
  abstract byte[] multiplyX(byte[] publicKey33, byte[] k32);

  /** ECDSA verification of r, s (both in [1, n-1], s already low) against a compressed key. */
  abstract boolean verifyLowS(byte[] digest32, byte[] r32s32, byte[] publicKey33);

  /**
   * The checks in front of the point arithmetic, in fc's order: length, header 27..34 (fc), the
   * canonical rule (fc), r and s in [1, n-1] (libsecp256k1's compact parse and recover), and
   * r &lt; p - n for recid 2 and 3. Null if all pass.
   */
  static RecoveryFailure precheck(byte[] sig, boolean requireCanonical) {
    if (sig == null || sig.length != SIGNATURE_SIZE) {
      return RecoveryFailure.BAD_LENGTH;
    }
    int recid = Secp256k1.recoveryId(sig[0] & 0xff);
    if (recid < 0) {
      return RecoveryFailure.BAD_HEADER;
    }
    if (requireCanonical && !Secp256k1.isCanonical(sig)) {
      return RecoveryFailure.NON_CANONICAL;
    }
    if (!Curve.isValidScalar(sig, 1)) {
      return RecoveryFailure.R_OUT_OF_RANGE;
    }
    if (!Curve.isValidScalar(sig, 33)) {
      return RecoveryFailure.S_OUT_OF_RANGE;
    }
    if ((recid & 2) != 0 && !Curve.belowPMinusN(sig, 1)) {
      return RecoveryFailure.R_X_OVERFLOW;
    }
    return null;
  }

  private static void checkDigest(byte[] digest32) {
    if (digest32 == null || digest32.length != 32) {
      throw new IllegalArgumentException("a digest is 32 bytes");
    }
  }

  static void checkPrivateKey(byte[] key) {
    if (key == null || key.length != 32 || !Curve.isValidScalar(key, 0)) {
      throw new IllegalArgumentException("a private key is a 32-byte scalar in [1, n-1]");
    }
  }

  @Override
  public Recovery recover(byte[] digest32, byte[] sig65, boolean requireCanonical) {
    checkDigest(digest32);
    RecoveryFailure f = precheck(sig65, requireCanonical);
    if (f != null) {
      return Recovery.failed(f);
    }
    // The key is compressed straight into the array the PublicKey keeps; the 64-byte scratch
    // is this thread's.
    byte[] out = new byte[PUBLIC_KEY_SIZE];
    f = recoverChecked(digest32, sig65, (sig65[0] - 27) & 3, SCRATCH64.get(), out, 0);
    return f != null ? Recovery.failed(f) : Recovery.of(PublicKey.adopt(out));
  }

  /** recoverChecked's scratch for {@link #recover}: it never calls back into recover. */
  private static final ThreadLocal<byte[]> SCRATCH64 = ThreadLocal.withInitial(() -> new byte[64]);

  @Override
  public int recoverBatch(
      byte[][] digests,
      byte[][] signatures,
      int from,
      int count,
      byte[] keysOut,
      RecoveryFailure[] failuresOut,
      boolean requireCanonical) {
    if (from < 0 || count < 0 || from + count > signatures.length || from + count > digests.length) {
      throw new IllegalArgumentException("batch range outside the input arrays");
    }
    if (keysOut.length < count * PUBLIC_KEY_SIZE || failuresOut.length < count) {
      throw new IllegalArgumentException("batch output arrays too small");
    }
    byte[] scratch = new byte[64];
    int recovered = 0;
    for (int i = 0; i < count; i++) {
      byte[] sig = signatures[from + i];
      byte[] digest = digests[from + i];
      checkDigest(digest);
      int off = i * PUBLIC_KEY_SIZE;
      RecoveryFailure f = precheck(sig, requireCanonical);
      if (f == null) {
        f = recoverChecked(digest, sig, (sig[0] - 27) & 3, scratch, keysOut, off);
      }
      failuresOut[i] = f;
      if (f == null) {
        recovered++;
      } else {
        Arrays.fill(keysOut, off, off + PUBLIC_KEY_SIZE, (byte) 0);
      }
    }
    return recovered;
  }

  @Override
  public boolean verify(byte[] digest32, byte[] sig65, byte[] publicKey33) {
    if (digest32 == null
        || digest32.length != 32
        || sig65 == null
        || sig65.length != SIGNATURE_SIZE
        || publicKey33 == null
        || publicKey33.length != PUBLIC_KEY_SIZE) {
      return false;
    }
    if (!Curve.isValidScalar(sig65, 1) || !Curve.isValidScalar(sig65, 33)) {
      return false;
    }
    byte[] rs = Arrays.copyOfRange(sig65, 1, 65);
    BigInteger s = new BigInteger(1, rs, 32, 32);
    if (s.compareTo(Curve.HALF_N) > 0) {
      Curve.to32(Curve.N.subtract(s), rs, 32);
    }
    return verifyLowS(digest32, rs, publicKey33);
  }

  @Override
  public byte[] sign(byte[] digest32, byte[] privateKey32) {
    checkDigest(digest32);
    checkPrivateKey(privateKey32);
    BigInteger d = new BigInteger(1, privateKey32);
    BigInteger e = new BigInteger(1, digest32).mod(Curve.N);
    int extra = 0; // fc's counter, shared by every nonce call of every canonical-loop round
    while (true) {
      // One secp256k1_ecdsa_sign_compact call of the zkp library.
      BigInteger r;
      BigInteger s;
      int recid;
      while (true) {
        extra++;
        byte[] nonce = Rfc6979.fcNonce(privateKey32, digest32, extra);
        if (!Curve.isValidScalar(nonce, 0)) {
          continue;
        }
        byte[] point = multiplyGenerator(nonce);
        BigInteger x = new BigInteger(1, point, 1, 32);
        boolean overflow = x.compareTo(Curve.N) >= 0;
        r = overflow ? x.subtract(Curve.N) : x;
        if (r.signum() == 0) {
          continue;
        }
        recid = (overflow ? 2 : 0) | (point[64] & 1);
        BigInteger k = new BigInteger(1, nonce);
        s = k.modInverse(Curve.N).multiply(r.multiply(d).add(e)).mod(Curve.N);
        if (s.signum() == 0) {
          continue;
        }
        if (s.compareTo(Curve.HALF_N) > 0) {
          s = Curve.N.subtract(s);
          recid ^= 1;
        }
        break;
      }
      byte[] sig = new byte[SIGNATURE_SIZE];
      sig[0] = (byte) (27 + 4 + recid);
      Curve.to32(r, sig, 1);
      Curve.to32(s, sig, 33);
      if (Secp256k1.isCanonical(sig)) {
        return sig;
      }
    }
  }

  @Override
  public byte[] publicKey(byte[] privateKey32) {
    checkPrivateKey(privateKey32);
    return compress(multiplyGenerator(privateKey32), 0, new byte[PUBLIC_KEY_SIZE], 0);
  }

  @Override
  public byte[] sharedSecret(byte[] privateKey32, byte[] publicKey33) {
    checkPrivateKey(privateKey32);
    if (publicKey33 == null || publicKey33.length != PUBLIC_KEY_SIZE) {
      throw new IllegalArgumentException("a public key is 33 bytes");
    }
    return Hashes.sha512(ecdhX(privateKey32, publicKey33));
  }

  @Override
  public byte[] ecdhX(byte[] privateKey32, byte[] publicKey33) {
    checkPrivateKey(privateKey32);
    if (publicKey33 == null || publicKey33.length != PUBLIC_KEY_SIZE) {
      throw new IllegalArgumentException("a public key is 33 bytes");
    }
    return multiplyX(publicKey33, privateKey32);
  }

  /** Writes the compressed form of the uncompressed point at {@code in[inOff]} to out. */
  static byte[] compress(byte[] in, int inOff, byte[] out, int outOff) {
    out[outOff] = (byte) (2 | (in[inOff + 64] & 1));
    System.arraycopy(in, inOff + 1, out, outOff + 1, 32);
    return out;
  }

  @Override
  public String toString() {
    return "secp256k1/" + name();
  }
}
