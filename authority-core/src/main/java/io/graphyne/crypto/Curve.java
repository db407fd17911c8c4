package io.graphyne.crypto;

import java.math.BigInteger;

/** secp256k1 constants and the byte-level scalar checks both backends share. */
final class Curve {
  static final BigInteger P =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16);
  static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
  static final BigInteger HALF_N = N.shiftRight(1);

  private static final byte[] N_BYTES = to32(N);
  private static final byte[] P_MINUS_N_BYTES = to32(P.subtract(N));

  private Curve() {}

  static byte[] to32(BigInteger x) {
    byte[] raw = x.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  static void to32(BigInteger x, byte[] out, int off) {
    byte[] raw = x.toByteArray();
    int n = Math.min(raw.length, 32);
    java.util.Arrays.fill(out, off, off + 32 - n, (byte) 0);
    System.arraycopy(raw, raw.length - n, out, off + 32 - n, n);
  }

  /** Unsigned comparison of {@code a[off .. off+32)} with {@code b[0..32)}. */
  static int compare32(byte[] a, int off, byte[] b) {
    for (int i = 0; i < 32; i++) {
      int x = a[off + i] & 0xff;
      int y = b[i] & 0xff;
      if (x != y) {
        return x < y ? -1 : 1;
      }
    }
    return 0;
  }

  static boolean isZero32(byte[] a, int off) {
    int acc = 0;
    for (int i = 0; i < 32; i++) {
      acc |= a[off + i];
    }
    return acc == 0;
  }

  /** True if {@code a[off .. off+32)} is a scalar in [1, n-1]. */
  static boolean isValidScalar(byte[] a, int off) {
    return !isZero32(a, off) && compare32(a, off, N_BYTES) < 0;
  }

  /** True if r (at {@code a[off]}) is below p - n, so that r + n is still a field element. */
  static boolean belowPMinusN(byte[] a, int off) {
    return compare32(a, off, P_MINUS_N_BYTES) < 0;
  }

  /** True if {@code x} (32 bytes at off, below p) is the x coordinate of a curve point. */
  static boolean isOnCurveX(BigInteger x) {
    BigInteger rhs = x.pow(3).add(BigInteger.valueOf(7)).mod(P);
    if (rhs.signum() == 0) {
      return true;
    }
    // Euler's criterion.
    return rhs.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
  }
}
