package io.graphyne.p2p.crypto;

import java.util.Optional;

/**
 * The secp256k1 operations the P2P layer needs: ephemeral keys and ECDH for STCP, compact
 * signing and recovery for hello's signed shared secret. Kept behind this small interface so the
 * implementation can be the project's {@code io.graphyne.crypto.Secp256k1} once it is available.
 */
public interface EcCrypto {
  /** A fresh random private key (32 bytes, in [1, n)). */
  byte[] newPrivateKey();

  /** The 33-byte compressed public key of {@code privateKey}. */
  byte[] publicKey(byte[] privateKey);

  /**
   * The X coordinate (32 bytes, big-endian) of {@code privateKey · peerPublicKey}.
   *
   * @throws IllegalArgumentException if the peer key is not a valid point
   */
  byte[] ecdhX(byte[] privateKey, byte[] peerPublicKey);

  /** fc-canonical compact signature (65 bytes, header 27 + 4 + recid) over a 32-byte digest. */
  byte[] signCompact(byte[] privateKey, byte[] digest32);

  /** The compressed public key recovered from a compact signature, or empty if invalid. */
  Optional<byte[]> recoverCompact(byte[] signature65, byte[] digest32);
}
