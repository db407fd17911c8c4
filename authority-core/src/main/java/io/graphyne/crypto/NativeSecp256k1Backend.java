package io.graphyne.crypto;

import fr.acinq.secp256k1.Secp256k1CFunctions;
import fr.acinq.secp256k1.Secp256k1Context;
import java.math.BigInteger;

/**
 * The native backend: libsecp256k1 (bundled in ACINQ's secp256k1-kmp JNI jar, which ships the
 * shared library for linux x86-64/aarch64) called directly through its JNI functions with one
 * context. Every JNI failure is caught here and turned into a typed outcome.
 *
 * <p>Signing: the binding signs only with libsecp256k1's default nonce (optionally with extra
 * entropy), which is not fc's nonce, so {@link #sign} runs fc's loop in Java and uses the native
 * library only for {@code k * G}.
 *
 * <p>ECDH: the binding's {@code secp256k1_ecdh} hashes the point with SHA-256 (libsecp256k1's
 * default); fc hashes the bare x coordinate with SHA-512, so {@link #sharedSecret} multiplies with
 * {@code secp256k1_ec_pubkey_tweak_mul} and hashes the x coordinate itself.
 */
public final class NativeSecp256k1Backend extends AbstractSecp256k1 {
  private final long ctx;

  private NativeSecp256k1Backend(long ctx) {
    this.ctx = ctx;
  }

  /**
   * Loads the native library (extracting it from the jar) and creates the context.
   *
   * @throws Throwable whatever the loader throws (UnsatisfiedLinkError, IOException, ...)
   */
  static NativeSecp256k1Backend load() throws Throwable {
    // The binding's own entry point: it finds its JVM loader, extracts the bundled library and
    // loads it. (Calling the loader class directly first runs into a class-initialisation cycle.)
    fr.acinq.secp256k1.Secp256k1.get();
    long ctx = Secp256k1Context.getContext();
    if (ctx == 0) {
      throw new IllegalStateException("secp256k1 context could not be created");
    }
    return new NativeSecp256k1Backend(ctx);
  }

  @Override
  public String name() {
    return "native";
  }

  @Override
  RecoveryFailure recoverChecked(
      byte[] digest32, byte[] sig65, int recid, byte[] scratch64, byte[] out, int off) {
    System.arraycopy(sig65, 1, scratch64, 0, 64);
    byte[] pub;
    try {
      pub = Secp256k1CFunctions.secp256k1_ecdsa_recover(ctx, scratch64, digest32, recid);
    } catch (RuntimeException e) {
      pub = null;
    }
    if (pub == null || pub.length != 65) {
      // Ranges and x overflow were checked before: either x has no point or Q is infinity.
      BigInteger x = new BigInteger(1, sig65, 1, 32);
      if ((recid & 2) != 0) {
        x = x.add(Curve.N);
      }
      return Curve.isOnCurveX(x) ? RecoveryFailure.INFINITY : RecoveryFailure.NO_POINT;
    }
    compress(pub, 0, out, off);
    return null;
  }

  @Override
  byte[] multiplyGenerator(byte[] k32) {
    return Secp256k1CFunctions.secp256k1_ec_pubkey_create(ctx, k32);
  }

  @Override
  byte[] multiplyX(byte[] publicKey33, byte[] k32) {
    byte[] p;
    try {
      p = Secp256k1CFunctions.secp256k1_ec_pubkey_tweak_mul(ctx, publicKey33, k32);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a point on secp256k1", e);
    }
    if (p == null || p.length != 65) {
      throw new IllegalArgumentException("not a point on secp256k1");
    }
    return java.util.Arrays.copyOfRange(p, 1, 33);
  }

  @Override
  boolean verifyLowS(byte[] digest32, byte[] rs, byte[] publicKey33) {
    if (publicKey33[0] != 2 && publicKey33[0] != 3) {
      return false;
    }
    try {
      return Secp256k1CFunctions.secp256k1_ecdsa_verify(ctx, rs, digest32, publicKey33) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
