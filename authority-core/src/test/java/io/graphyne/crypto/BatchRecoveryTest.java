package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The batch API: results in place, failures per signature, sub-ranges, bounds. */
class BatchRecoveryTest {

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void mixedBatch(Secp256k1 secp) {
    int n = 50;
    byte[][] digests = new byte[n][];
    byte[][] sigs = new byte[n][];
    byte[][] expectedKeys = new byte[n][];
    RecoveryFailure[] expectedFailures = new RecoveryFailure[n];
    for (int i = 0; i < n; i++) {
      PrivateKey k = PrivateKey.fromSeed("batch-" + i);
      digests[i] = Hashes.sha256(("message " + (i % 7)).getBytes());
      sigs[i] = secp.sign(digests[i], k.toArray());
      expectedKeys[i] = k.publicKey(secp).toArray();
      switch (i % 5) {
        case 1 -> {
          sigs[i][0] = 26;
          expectedFailures[i] = RecoveryFailure.BAD_HEADER;
        }
        case 3 -> {
          sigs[i][1] |= (byte) 0x80;
          expectedFailures[i] = RecoveryFailure.NON_CANONICAL;
        }
        default -> { }
      }
    }
    byte[] keys = new byte[n * 33];
    java.util.Arrays.fill(keys, (byte) 0x55);
    RecoveryFailure[] failures = new RecoveryFailure[n];
    int ok = secp.recoverBatch(digests, sigs, n, keys, failures);
    assertThat(ok).isEqualTo(30);
    for (int i = 0; i < n; i++) {
      assertThat(failures[i]).as("signature %d", i).isEqualTo(expectedFailures[i]);
      byte[] got = java.util.Arrays.copyOfRange(keys, 33 * i, 33 * i + 33);
      assertThat(got).isEqualTo(expectedFailures[i] == null ? expectedKeys[i] : new byte[33]);
      assertThat(secp.recover(digests[i], sigs[i]).failure()).isEqualTo(expectedFailures[i]);
    }

    // A sub-range writes from the start of the output arrays.
    byte[] part = new byte[5 * 33];
    RecoveryFailure[] partFailures = new RecoveryFailure[5];
    assertThat(secp.recoverBatch(digests, sigs, 10, 5, part, partFailures, true)).isEqualTo(3);
    assertThat(java.util.Arrays.copyOfRange(part, 0, 33)).isEqualTo(expectedKeys[10]);
    assertThat(partFailures[1]).isEqualTo(RecoveryFailure.BAD_HEADER);

    // Without the canonical rule the high-r signatures get past the rule (r still in range).
    RecoveryFailure[] loose = new RecoveryFailure[n];
    secp.recoverBatch(digests, sigs, 0, n, keys, loose, false);
    assertThat(loose[3]).isNotEqualTo(RecoveryFailure.NON_CANONICAL);
  }

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void boundsAreChecked(Secp256k1 secp) {
    byte[][] d = {new byte[32]};
    byte[][] s = {new byte[65]};
    assertThatThrownBy(() -> secp.recoverBatch(d, s, 0, 2, new byte[66], new RecoveryFailure[2], true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> secp.recoverBatch(d, s, 0, 1, new byte[32], new RecoveryFailure[1], true))
        .isInstanceOf(IllegalArgumentException.class);
    RecoveryFailure[] f = new RecoveryFailure[1];
    assertThat(secp.recoverBatch(d, s, 0, 1, new byte[33], f, true)).isZero();
    assertThat(f[0]).isEqualTo(RecoveryFailure.BAD_HEADER);
  }
}
