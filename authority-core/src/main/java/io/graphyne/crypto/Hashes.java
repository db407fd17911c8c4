package io.graphyne.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * The hash functions fc uses (spec/chain.md §1.8). Digests are thread-confined through
 * thread-locals, so every method is safe to call from any thread without allocation of a digest.
 */
public final class Hashes {
  private static final ThreadLocal<MessageDigest> SHA256 = digest("SHA-256");
  private static final ThreadLocal<MessageDigest> SHA512 = digest("SHA-512");
  private static final ThreadLocal<MessageDigest> SHA224 = digest("SHA-224");
  private static final ThreadLocal<MessageDigest> SHA1 = digest("SHA-1");
  private static final ThreadLocal<RIPEMD160Digest> RIPEMD160 =
      ThreadLocal.withInitial(RIPEMD160Digest::new);

  private Hashes() {}

  private static ThreadLocal<MessageDigest> digest(String name) {
    return ThreadLocal.withInitial(
        () -> {
          try {
            return MessageDigest.getInstance(name);
          } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is not available in this JVM", e);
          }
        });
  }

  public static byte[] sha256(byte[] data) {
    return sha256(data, 0, data.length);
  }

  public static byte[] sha256(byte[] data, int offset, int length) {
    MessageDigest md = SHA256.get();
    md.update(data, offset, length);
    return md.digest();
  }

  /**
   * The first {@code n} (at most 32) bytes of SHA-256(data[offset, offset+length)): only the
   * returned array is allocated.
   */
  public static byte[] sha256Prefix(byte[] data, int offset, int length, int n) {
    if (n < 0 || n > 32) {
      throw new IllegalArgumentException("a SHA-256 prefix is 0..32 bytes, not " + n);
    }
    MessageDigest md = SHA256.get();
    md.update(data, offset, length);
    byte[] full = SCRATCH32.get();
    try {
      md.digest(full, 0, 32);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
    return Arrays.copyOf(full, n);
  }

  private static final ThreadLocal<byte[]> SCRATCH32 = ThreadLocal.withInitial(() -> new byte[32]);

  /** SHA-256 of the concatenation {@code a || b}. */
  public static byte[] sha256(byte[] a, byte[] b) {
    MessageDigest md = SHA256.get();
    md.update(a);
    md.update(b);
    return md.digest();
  }

  /** SHA-256 of the concatenation {@code prefix || data[offset, offset+length)}. */
  public static byte[] sha256(byte[] prefix, byte[] data, int offset, int length) {
    MessageDigest md = SHA256.get();
    md.update(prefix);
    md.update(data, offset, length);
    return md.digest();
  }

  public static byte[] doubleSha256(byte[] data) {
    return sha256(sha256(data));
  }

  public static byte[] sha512(byte[] data) {
    MessageDigest md = SHA512.get();
    return md.digest(data);
  }

  public static byte[] sha224(byte[] data) {
    return sha224(data, 0, data.length);
  }

  public static byte[] sha224(byte[] data, int offset, int length) {
    MessageDigest md = SHA224.get();
    md.update(data, offset, length);
    return md.digest();
  }

  public static byte[] sha1(byte[] data) {
    return SHA1.get().digest(data);
  }

  public static byte[] ripemd160(byte[] data) {
    return ripemd160(data, 0, data.length);
  }

  public static byte[] ripemd160(byte[] data, int offset, int length) {
    RIPEMD160Digest d = RIPEMD160.get();
    d.reset();
    d.update(data, offset, length);
    byte[] out = new byte[20];
    d.doFinal(out, 0);
    return out;
  }

  /** fc::hash160 = RIPEMD-160(SHA-256(x)). */
  public static byte[] hash160(byte[] data) {
    return ripemd160(sha256(data));
  }

  /** The first {@code n} bytes of {@code digest}. */
  public static byte[] prefix(byte[] digest, int n) {
    return Arrays.copyOf(digest, n);
  }
}
