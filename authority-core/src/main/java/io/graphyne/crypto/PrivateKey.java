package io.graphyne.crypto;

import io.graphyne.protocol.PublicKey;
import io.graphyne.util.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secp256k1 private key (32-byte scalar in [1, n-1]) with the WIF text form of
 * bitshares-core's {@code key_to_wif} / {@code wif_to_key} (spec/chain.md §4.3). Tools and tests
 * only: never on chain. {@link #toString()} does not reveal the secret.
 */
public final class PrivateKey {
  private static final int WIF_VERSION = 0x80;

  private final byte[] secret;

  private PrivateKey(byte[] secret) {
    this.secret = secret;
  }

  /** Wraps a copy of a 32-byte secret. */
  public static PrivateKey of(byte[] secret32) {
    AbstractSecp256k1.checkPrivateKey(secret32);
    return new PrivateKey(secret32.clone());
  }

  public static PrivateKey fromHex(String hex) {
    return of(Hex.decode(hex));
  }

  /** A fresh random key from {@code random} (e.g. a {@link java.security.SecureRandom}). */
  public static PrivateKey generate(java.util.Random random) {
    byte[] b = new byte[32];
    do {
      random.nextBytes(b);
    } while (!Curve.isValidScalar(b, 0));
    return new PrivateKey(b);
  }

  /** fc {@code private_key::regenerate(sha256(seed))}: cli_wallet's / genesis keys from a seed. */
  public static PrivateKey fromSeed(String seed) {
    return of(Hashes.sha256(seed.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Parses WIF as {@code wif_to_key} does: Base58-decode, key = bytes [1, len-4), accept if the
   * last four bytes equal the start of SHA256(payload) or of SHA256(SHA256(payload)), where
   * payload is everything before them. The version byte is not checked. The key must be 32 bytes.
   *
   * @throws IllegalArgumentException on any malformed input
   */
  public static PrivateKey fromWif(String wif) {
    byte[] raw = Base58.decode(wif.strip());
    if (raw.length != 37) {
      throw new IllegalArgumentException("a WIF key decodes to 37 bytes, got " + raw.length);
    }
    byte[] check = Hashes.sha256(raw, 0, 33);
    byte[] check2 = Hashes.sha256(check);
    if (!startsWith(check, raw, 33) && !startsWith(check2, raw, 33)) {
      throw new IllegalArgumentException("WIF checksum mismatch");
    }
    return of(Arrays.copyOfRange(raw, 1, 33));
  }

  private static boolean startsWith(byte[] digest, byte[] raw, int off) {
    return MessageDigest.isEqual(Arrays.copyOf(digest, 4), Arrays.copyOfRange(raw, off, off + 4));
  }

  /** {@code key_to_wif}: Base58(0x80 || secret || first 4 bytes of SHA256(SHA256(0x80 || secret))). */
  public String toWif() {
    byte[] raw = new byte[37];
    raw[0] = (byte) WIF_VERSION;
    System.arraycopy(secret, 0, raw, 1, 32);
    byte[] check = Hashes.doubleSha256(Arrays.copyOf(raw, 33));
    System.arraycopy(check, 0, raw, 33, 4);
    return Base58.encode(raw);
  }

  /** A copy of the 32-byte secret. */
  public byte[] toArray() {
    return secret.clone();
  }

  public String toHex() {
    return Hex.encode(secret);
  }

  public PublicKey publicKey(Secp256k1 secp) {
    return PublicKey.wrap(secp.publicKey(secret));
  }

  /** The public key, computed with the process-wide backend. */
  public PublicKey publicKey() {
    return publicKey(Secp256k1Provider.system());
  }

  /** fc {@code sign_compact(digest, true)}: the signature cli_wallet makes. */
  public byte[] sign(byte[] digest32, Secp256k1 secp) {
    return secp.sign(digest32, secret);
  }

  public byte[] sign(byte[] digest32) {
    return sign(digest32, Secp256k1Provider.system());
  }

  /** fc {@code get_shared_secret}: SHA-512 of the x coordinate of {@code this * other}. */
  public byte[] sharedSecret(PublicKey other, Secp256k1 secp) {
    return secp.sharedSecret(secret, other.unsafeArray());
  }

  public byte[] sharedSecret(PublicKey other) {
    return sharedSecret(other, Secp256k1Provider.system());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrivateKey k && MessageDigest.isEqual(secret, k.secret);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(secret);
  }

  @Override
  public String toString() {
    return "PrivateKey[redacted]";
  }
}
