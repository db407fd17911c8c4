package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Native and Java backends agree on 10,000 random keys and digests (signature, recovery,
 * verification, public key, shared secret) and on 10,000 corrupted or random signatures
 * (including invalid ones: same key or same failure reason).
 */
class Secp256k1BackendsPropertyTest {
  private final Secp256k1 nat = Backends.nativeOrFail();
  private final Secp256k1 java = Secp256k1Provider.java();

  @Provide
  Arbitrary<byte[]> bytes32() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  @Provide
  Arbitrary<byte[]> privateKeys() {
    return bytes32().filter(b -> Curve.isValidScalar(b, 0));
  }

  @Property(tries = 10_000)
  void signRecoverVerifyAgree(
      @ForAll("privateKeys") byte[] priv, @ForAll("bytes32") byte[] digest) {
    byte[] pub = nat.publicKey(priv);
    assertThat(java.publicKey(priv)).isEqualTo(pub);
    byte[] sig = nat.sign(digest, priv);
    assertThat(java.sign(digest, priv)).isEqualTo(sig);
    assertThat(Secp256k1.isCanonical(sig)).isTrue();
    assertThat(sig[0] & 0xff).isBetween(31, 34);
    Recovery a = nat.recover(digest, sig);
    Recovery b = java.recover(digest, sig);
    assertThat(a).isEqualTo(b);
    assertThat(a.key().toArray()).isEqualTo(pub);
    assertThat(nat.verify(digest, sig, pub)).isTrue();
    assertThat(java.verify(digest, sig, pub)).isTrue();
    // Deterministic.
    assertThat(nat.sign(digest, priv)).isEqualTo(sig);
    // ECDH with the digest taken as the other side's private key.
    if (Curve.isValidScalar(digest, 0)) {
      byte[] other = java.publicKey(digest);
      byte[] secret = nat.sharedSecret(priv, other);
      assertThat(java.sharedSecret(priv, other)).isEqualTo(secret);
      assertThat(nat.sharedSecret(digest, pub)).isEqualTo(secret);
    }
  }

  @Property(tries = 10_000)
  void corruptedSignaturesAgree(
      @ForAll("privateKeys") byte[] priv,
      @ForAll("bytes32") byte[] digest,
      @ForAll @IntRange(min = 0, max = 64) int position,
      @ForAll byte value,
      @ForAll @IntRange(min = 0, max = 4) int kind,
      @ForAll boolean requireCanonical) {
    byte[] sig = java.sign(digest, priv);
    byte[] bad = sig.clone();
    switch (kind) {
      case 0 -> bad[position] = value; // one byte replaced
      case 1 -> bad[position] ^= (byte) (1 << (value & 7)); // one bit flipped
      case 2 -> bad[0] = (byte) (27 + ((value & 0xff) % 8)); // another header / recid
      case 3 -> { // random r and s under a valid header
        java.util.Random rnd = new java.util.Random(value * 31L + position);
        for (int i = 1; i < 65; i++) {
          bad[i] = (byte) rnd.nextInt();
        }
      }
      default -> digest = Hashes.sha256(digest); // right signature, wrong digest
    }
    Recovery a = nat.recover(digest, bad, requireCanonical);
    Recovery b = java.recover(digest, bad, requireCanonical);
    assertThat(a).isEqualTo(b);
    Statistics.label("outcome").collect(a.ok() ? "recovered" : a.failure().name());
    byte[] pub = java.publicKey(priv);
    assertThat(nat.verify(digest, bad, pub)).isEqualTo(java.verify(digest, bad, pub));
    byte[][] digests = {digest};
    byte[][] sigs = {bad};
    byte[] keys = new byte[33];
    RecoveryFailure[] failures = new RecoveryFailure[1];
    int ok = nat.recoverBatch(digests, sigs, 0, 1, keys, failures, requireCanonical);
    assertThat(ok).isEqualTo(a.ok() ? 1 : 0);
    assertThat(failures[0]).isEqualTo(a.failure());
    if (a.ok()) {
      assertThat(keys).isEqualTo(a.key().toArray());
    }
  }
}
