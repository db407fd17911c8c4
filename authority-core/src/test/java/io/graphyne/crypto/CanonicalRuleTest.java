package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fc's canonical rule (spec/chain.md §4.5) at its byte boundaries: bytes 1 and 2 (r), 33 and 34
 * (s). Not BIP-62: an fc-canonical high s passes, a small r or s fails.
 */
class CanonicalRuleTest {

  private static byte[] base() {
    byte[] sig = new byte[65];
    sig[0] = 31;
    for (int i = 1; i < 65; i++) {
      sig[i] = 0x11;
    }
    return sig;
  }

  @ParameterizedTest(name = "byte1={0} byte2={1} -> {2}")
  @CsvSource({
    "00, 00, false",
    "00, 7f, false",
    "00, 80, true",
    "00, ff, true",
    "01, 00, true",
    "7f, ff, true",
    "7f, 00, true",
    "80, 00, false",
    "80, 80, false",
    "ff, ff, false",
  })
  void rBytes(String b1, String b2, boolean canonical) {
    byte[] sig = base();
    sig[1] = (byte) Integer.parseInt(b1, 16);
    sig[2] = (byte) Integer.parseInt(b2, 16);
    assertThat(Secp256k1.isCanonical(sig)).isEqualTo(canonical);
    sig[33] = sig[1];
    sig[34] = sig[2];
    assertThat(Secp256k1.isCanonical(sig)).isEqualTo(canonical);
    // Only s at the boundary, r ordinary.
    sig[1] = 0x11;
    sig[2] = 0x11;
    assertThat(Secp256k1.isCanonical(sig)).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "byte33={0} byte34={1} -> {2}")
  @CsvSource({
    "00, 7f, false",
    "00, 80, true",
    "01, 00, true",
    "7f, ff, true",
    "80, 00, false",
  })
  void sBytes(String b33, String b34, boolean canonical) {
    byte[] sig = base();
    sig[33] = (byte) Integer.parseInt(b33, 16);
    sig[34] = (byte) Integer.parseInt(b34, 16);
    assertThat(Secp256k1.isCanonical(sig)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource({"27", "28", "29", "30", "31", "32", "33", "34", "0", "26", "35", "255"})
  void headerDoesNotTakePartInTheRule(int header) {
    byte[] sig = base();
    sig[0] = (byte) header;
    assertThat(Secp256k1.isCanonical(sig)).isTrue();
  }

  /** A non-canonical signature is refused before any arithmetic, on both backends. */
  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void recoveryRefusesNonCanonical(Secp256k1 secp) {
    PrivateKey key = PrivateKey.fromSeed("canonical");
    byte[] digest = Hashes.sha256(new byte[] {1, 2, 3});
    byte[] sig = secp.sign(digest, key.toArray());
    assertThat(secp.recover(digest, sig).key()).isEqualTo(key.publicKey(secp));
    for (int[] mutation : new int[][] {{1, 0x80}, {33, 0x80}}) {
      byte[] bad = sig.clone();
      bad[mutation[0]] |= (byte) mutation[1];
      assertThat(secp.recover(digest, bad).failure()).isEqualTo(RecoveryFailure.NON_CANONICAL);
    }
    byte[] smallR = sig.clone();
    smallR[1] = 0;
    smallR[2] = 0x7f;
    assertThat(secp.recover(digest, smallR).failure()).isEqualTo(RecoveryFailure.NON_CANONICAL);
    byte[] smallS = sig.clone();
    smallS[33] = 0;
    smallS[34] = 0;
    assertThat(secp.recover(digest, smallS).failure()).isEqualTo(RecoveryFailure.NON_CANONICAL);
  }

  /**
   * A high s (n/2 &lt; s &lt; 2^255) is fc-canonical and must recover: built by solving for the
   * digest, with r canonical.
   */
  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void canonicalHighSRecovers(Secp256k1 secp) {
    BigInteger d = new BigInteger(1, Hashes.sha256("high-s key".getBytes()));
    BigInteger highS = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(12345));
    assertThat(highS).isGreaterThan(Curve.HALF_N);
    BigInteger k = BigInteger.valueOf(1000);
    while (true) {
      BigInteger r = Crafted.rOf(secp, k);
      if (r.bitLength() <= 255 && r.bitLength() >= 248) {
        break;
      }
      k = k.add(BigInteger.ONE);
    }
    Crafted.Signed s = Crafted.withS(secp, d, k, highS);
    assertThat(Secp256k1.isCanonical(s.sig())).isTrue();
    Recovery rec = secp.recover(s.digest(), s.sig());
    assertThat(rec.ok()).isTrue();
    assertThat(rec.key().toArray()).isEqualTo(s.key());
    assertThat(secp.verify(s.digest(), s.sig(), s.key())).isTrue();
  }
}
