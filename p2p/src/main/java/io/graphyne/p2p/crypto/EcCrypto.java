package io.graphyne.p2p.crypto;

import io.graphyne.crypto.Recovery;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The secp256k1 operations the P2P layer needs, on the project's {@link Secp256k1} (native
 * libsecp256k1 or the BouncyCastle fallback): ephemeral and identity keys, fc's ECDH shared secret
 * for STCP, and compact signing / recovery for hello's signed shared secret.
 */
public final class EcCrypto {
  private static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  private final Secp256k1 secp;
  private final SecureRandom random;

  public EcCrypto(Secp256k1 secp, SecureRandom random) {
    this.secp = secp;
    this.random = random;
  }

  /** On the process-wide backend with a fresh SecureRandom. */
  public static EcCrypto system() {
    return new EcCrypto(Secp256k1Provider.system(), new SecureRandom());
  }

  public Secp256k1 secp() {
    return secp;
  }

  /** A fresh random private key (32 bytes, in [1, n)). */
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

  /** The 33-byte compressed public key. */
  public byte[] publicKey(byte[] privateKey) {
    return secp.publicKey(privateKey);
  }

  /**
   * fc's get_shared_secret: SHA-512 of the X coordinate of {@code privateKey · peerPublicKey}.
   *
   * @throws IllegalArgumentException if the peer key is not a valid compressed point
   */
  public byte[] sharedSecret(byte[] privateKey, byte[] peerPublicKey) {
    if (peerPublicKey.length != 33 || (peerPublicKey[0] != 2 && peerPublicKey[0] != 3)) {
      throw new IllegalArgumentException("peer key is not a 33-byte compressed point");
    }
    try {
      return secp.sharedSecret(privateKey, peerPublicKey);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("peer key is not a curve point: " + e.getMessage(), e);
    }
  }

  /** fc-canonical compact signature (header 31 + recid) over a 32-byte digest. */
  public byte[] signCompact(byte[] privateKey, byte[] digest32) {
    return secp.sign(digest32, privateKey);
  }

  /**
   * The compressed key recovered from a compact signature, canonicality not required (core
   * verifies hello with {@code check_canonical = false}); empty if recovery fails.
   */
  public Optional<byte[]> recoverCompact(byte[] signature65, byte[] digest32) {
    if (signature65.length != 65 || digest32.length != 32) {
      return Optional.empty();
    }
    Recovery r = secp.recover(digest32, signature65, false);
    return r.ok() ? Optional.of(r.key().toArray()) : Optional.empty();
  }
}
