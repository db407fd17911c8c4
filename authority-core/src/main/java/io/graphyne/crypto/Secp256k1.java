package io.graphyne.crypto;

/**
 * secp256k1 as bitshares-core and fc use it: public-key recovery from 65-byte compact signatures
 * (the chain identifies signers by recovery), fc's canonical rule, fc-compatible deterministic
 * signing, and fc's ECDH shared secret.
 *
 * <p>Two implementations exist: native libsecp256k1 through JNI ({@code "native"}) and
 * BouncyCastle's custom secp256k1 curve ({@code "java"}). {@link Secp256k1Provider} picks one at
 * start-up. Implementations are stateless and thread-safe. No method lets an exception escape
 * from the native layer: recovery reports failures as {@link RecoveryFailure}.
 */
public interface Secp256k1 {

  /** Length of a compact signature: header byte, r, s. */
  int SIGNATURE_SIZE = 65;

  /** Length of a compressed public key. */
  int PUBLIC_KEY_SIZE = 33;

  /** "native" or "java". */
  String name();

  /**
   * Recovers the signer's compressed key exactly as the chain does (fc {@code public_key(sig,
   * digest, check_canonical = true)}): header 27..34, fc-canonical, r and s in [1, n-1], then the
   * point arithmetic.
   */
  default Recovery recover(byte[] digest32, byte[] sig65) {
    return recover(digest32, sig65, true);
  }

  /** As {@link #recover(byte[], byte[])}, with fc's canonical check optional. */
  Recovery recover(byte[] digest32, byte[] sig65, boolean requireCanonical);

  /**
   * Recovers {@code count} signatures (canonical rule enforced). Key {@code i} is written to
   * {@code keysOut[33 i .. 33 i + 33)} and {@code failuresOut[i]} is set to null; on failure the
   * key bytes are zeroed and {@code failuresOut[i]} holds the reason. Nothing is allocated per
   * signature apart from what the native binding returns. Digests may repeat (one per signature).
   *
   * @return the number of signatures that recovered
   */
  default int recoverBatch(
      byte[][] digests, byte[][] signatures, int count, byte[] keysOut, RecoveryFailure[] failuresOut) {
    return recoverBatch(digests, signatures, 0, count, keysOut, failuresOut, true);
  }

  /**
   * Batch recovery of {@code signatures[from .. from + count)} with their {@code digests} at the
   * same indices; results at {@code keysOut[33 (i - from)]} and {@code failuresOut[i - from]}.
   */
  int recoverBatch(
      byte[][] digests,
      byte[][] signatures,
      int from,
      int count,
      byte[] keysOut,
      RecoveryFailure[] failuresOut,
      boolean requireCanonical);

  /**
   * Plain ECDSA verification of {@code sig65}'s r and s (the header byte is ignored, high s is
   * accepted as fc accepts it) against a compressed key. False for any malformed input.
   */
  boolean verify(byte[] digest32, byte[] sig65, byte[] publicKey33);

  /**
   * Signs as fc's {@code private_key::sign_compact(digest, true)} does (cli_wallet): RFC 6979
   * nonces with fc's attempt counter, low s, repeated until fc-canonical. Header = 31 + recid.
   *
   * @throws IllegalArgumentException if the key is not in [1, n-1] or lengths are wrong
   */
  byte[] sign(byte[] digest32, byte[] privateKey32);

  /** The compressed public key of a private key in [1, n-1]. */
  byte[] publicKey(byte[] privateKey32);

  /**
   * fc's {@code private_key::get_shared_secret}: SHA-512 of the 32-byte x coordinate of
   * {@code priv * pub} (64 bytes). Used for memos and the P2P handshake.
   *
   * @throws IllegalArgumentException if the key is invalid or the point is not on the curve
   */
  byte[] sharedSecret(byte[] privateKey32, byte[] publicKey33);

  /**
   * The raw ECDH x coordinate of {@code priv * pub} (32 bytes, big-endian), which
   * {@link #sharedSecret} hashes; for protocols that derive their own keys from it.
   *
   * @throws IllegalArgumentException if the key is invalid or the point is not on the curve
   */
  byte[] ecdhX(byte[] privateKey32, byte[] publicKey33);

  /**
   * fc's {@code public_key::is_canonical} (spec/chain.md §4.5): r and s each have bit 255 clear
   * and are at least 2^247. Not BIP-62 low-S.
   */
  static boolean isCanonical(byte[] sig65) {
    return sig65.length == SIGNATURE_SIZE
        && (sig65[1] & 0x80) == 0
        && !(sig65[1] == 0 && (sig65[2] & 0x80) == 0)
        && (sig65[33] & 0x80) == 0
        && !(sig65[33] == 0 && (sig65[34] & 0x80) == 0);
  }

  /** The recovery id of a header byte in 27..34, else -1. */
  static int recoveryId(int header) {
    return header < 27 || header > 34 ? -1 : (header - 27) & 3;
  }
}
