package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * recover() reuses a per-thread scratch array and hands its output array to the PublicKey without
 * copying it: every recovered key must own its bytes, unaffected by later recoveries on the same
 * thread, and equal the signer's key.
 */
class RecoveredKeyOwnershipTest {
  @Test
  void recoveredKeysStayIntactAcrossLaterRecoveriesOnTheSameThread() {
    for (Secp256k1 secp : Backends.all()) {
      Random rnd = new Random(42);
      List<PublicKey> expected = new ArrayList<>();
      List<PublicKey> recovered = new ArrayList<>();
      List<byte[]> copies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        PrivateKey k = PrivateKey.generate(rnd);
        byte[] digest = Hashes.sha256(new byte[] {(byte) i, 7});
        Recovery r = secp.recover(digest, k.sign(digest, secp));
        assertThat(r.ok()).as(secp.name()).isTrue();
        expected.add(k.publicKey(secp));
        recovered.add(r.key());
        copies.add(r.key().toArray());
        // A failing recovery in between must not disturb the keys already handed out.
        byte[] bad = k.sign(digest, secp);
        bad[0] = 1;
        assertThat(secp.recover(digest, bad).failure()).isEqualTo(RecoveryFailure.BAD_HEADER);
      }
      for (int i = 0; i < recovered.size(); i++) {
        assertThat(recovered.get(i)).isEqualTo(expected.get(i));
        assertThat(recovered.get(i).unsafeArray()).isEqualTo(copies.get(i));
        if (i > 0) {
          assertThat(recovered.get(i).unsafeArray()).isNotSameAs(recovered.get(i - 1).unsafeArray());
        }
      }
    }
  }

  @Test
  void sha256PrefixIsTheDigestsPrefix() {
    byte[] data = new byte[100];
    new Random(1).nextBytes(data);
    for (int n : new int[] {0, 1, 20, 32}) {
      byte[] full = Hashes.sha256(data, 3, 90);
      assertThat(Hashes.sha256Prefix(data, 3, 90, n)).isEqualTo(java.util.Arrays.copyOf(full, n));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hashes.sha256Prefix(data, 0, 1, 33))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
