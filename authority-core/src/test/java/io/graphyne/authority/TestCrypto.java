package io.graphyne.authority;

import io.graphyne.crypto.Hashes;
import io.graphyne.crypto.Recovery;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.protocol.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-side keys and signatures through the project's {@link Secp256k1} (fc-compatible signing,
 * fc's recovery rules): private key = sha256(seed) as the vectors derive theirs.
 */
final class TestCrypto {
  static final Secp256k1 SECP = Secp256k1Provider.system();
  private static final Map<String, PublicKey> PUBLIC = new ConcurrentHashMap<>();

  private TestCrypto() {}

  static byte[] privateKey(String seed) {
    return Hashes.sha256(seed.getBytes(StandardCharsets.UTF_8));
  }

  static PublicKey publicKey(String seed) {
    return PUBLIC.computeIfAbsent(seed, s -> PublicKey.wrap(SECP.publicKey(privateKey(s))));
  }

  /** fc's sign_compact: canonical, deterministic. */
  static byte[] sign(byte[] digest32, String seed) {
    return SECP.sign(digest32, privateKey(seed));
  }

  /** Recovers the compressed signer key; IllegalArgumentException where fc throws. */
  static PublicKey recover(byte[] digest32, byte[] sig) {
    Recovery r = SECP.recover(digest32, sig);
    if (!r.ok()) {
      throw new IllegalArgumentException("unable to reconstruct public key from signature: " + r.failure());
    }
    return r.key();
  }
}
