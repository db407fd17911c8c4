package io.graphyne.crypto;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 DRBG of libsecp256k1 (bitshares' secp256k1-zkp {@code
 * secp256k1_rfc6979_hmac_sha256_*}), seeded with {@code key32 || msg32} and no extra data, which is
 * how {@code nonce_function_rfc6979} seeds it. Note the message is used as given, not reduced
 * modulo n. One instance per nonce; not thread-safe.
 */
final class Rfc6979 {
  private static final byte[] ZERO = {0};
  private static final byte[] ONE = {1};

  private final Mac mac;
  private byte[] k = new byte[32];
  private byte[] v = new byte[32];
  private boolean retry;

  Rfc6979(byte[] key32, byte[] msg32) {
    try {
      mac = Mac.getInstance("HmacSHA256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
    java.util.Arrays.fill(v, (byte) 1);
    k = hmac(k, v, ZERO, key32, msg32);
    v = hmac(k, v);
    k = hmac(k, v, ONE, key32, msg32);
    v = hmac(k, v);
  }

  /** The next 32-byte output (RFC 6979 3.2.h, with libsecp256k1's retry step). */
  byte[] next() {
    if (retry) {
      k = hmac(k, v, ZERO);
      v = hmac(k, v);
    }
    v = hmac(k, v);
    retry = true;
    return v.clone();
  }

  /**
   * fc's signing nonce number {@code extra} (1, 2, 3, ...): fc's {@code extended_nonce_function}
   * calls the default nonce function with counter {@code extra}, which returns output number
   * {@code extra + 1} of a freshly seeded generator.
   */
  static byte[] fcNonce(byte[] key32, byte[] msg32, int extra) {
    Rfc6979 rng = new Rfc6979(key32, msg32);
    byte[] out = null;
    for (int i = 0; i <= extra; i++) {
      out = rng.next();
    }
    return out;
  }

  private byte[] hmac(byte[] key, byte[]... parts) {
    try {
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
    for (byte[] p : parts) {
      mac.update(p);
    }
    return mac.doFinal();
  }
}
