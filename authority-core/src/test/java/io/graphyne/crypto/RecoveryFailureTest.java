package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link RecoveryFailure} reason, produced on both backends from crafted signatures. */
class RecoveryFailureTest {
  private static final byte[] DIGEST = Hashes.sha256("failure".getBytes());
  private static final BigInteger CANONICAL_S = BigInteger.ONE.shiftLeft(250).add(BigInteger.TEN);

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void badLengthAndHeader(Secp256k1 secp) {
    assertThat(secp.recover(DIGEST, new byte[64]).failure()).isEqualTo(RecoveryFailure.BAD_LENGTH);
    assertThat(secp.recover(DIGEST, new byte[66]).failure()).isEqualTo(RecoveryFailure.BAD_LENGTH);
    byte[] sig = secp.sign(DIGEST, PrivateKey.fromSeed("h").toArray());
    for (int h : new int[] {0, 26, 35, 0x80, 0xff}) {
      byte[] bad = sig.clone();
      bad[0] = (byte) h;
      assertThat(secp.recover(DIGEST, bad).failure()).as("header %d", h).isEqualTo(RecoveryFailure.BAD_HEADER);
    }
    // 27..34 all name a recid; 27+r and 31+r recover the same key (the "compressed" flag is ignored).
    int recid = sig[0] - 31;
    byte[] legacy = sig.clone();
    legacy[0] = (byte) (27 + recid);
    assertThat(secp.recover(DIGEST, legacy).key()).isEqualTo(secp.recover(DIGEST, sig).key());
  }

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void scalarRangesWhenCanonicalityIsNotRequired(Secp256k1 secp) {
    BigInteger r = BigInteger.ONE.shiftLeft(250).add(BigInteger.valueOf(7));
    BigInteger[] badScalars = {
      BigInteger.ZERO, Curve.N, Curve.N.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)
    };
    for (BigInteger bad : badScalars) {
      assertThat(secp.recover(DIGEST, Crafted.sig(31, bad, CANONICAL_S), false).failure())
          .isEqualTo(RecoveryFailure.R_OUT_OF_RANGE);
      assertThat(secp.recover(DIGEST, Crafted.sig(31, r, bad), false).failure())
          .isEqualTo(RecoveryFailure.S_OUT_OF_RANGE);
      // With the canonical rule on, these are all non-canonical first.
      assertThat(secp.recover(DIGEST, Crafted.sig(31, bad, CANONICAL_S)).failure())
          .isEqualTo(RecoveryFailure.NON_CANONICAL);
    }
  }

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void recidTwoAndThree(Secp256k1 secp) {
    // A canonical r is always >= p - n, so recid 2/3 cannot name a point.
    BigInteger r = BigInteger.ONE.shiftLeft(250).add(BigInteger.valueOf(7));
    assertThat(secp.recover(DIGEST, Crafted.sig(33, r, CANONICAL_S)).failure())
        .isEqualTo(RecoveryFailure.R_X_OVERFLOW);
    assertThat(secp.recover(DIGEST, Crafted.sig(34, r, CANONICAL_S)).failure())
        .isEqualTo(RecoveryFailure.R_X_OVERFLOW);
    BigInteger pMinusN = Curve.P.subtract(Curve.N);
    assertThat(secp.recover(DIGEST, Crafted.sig(33, pMinusN, CANONICAL_S), false).failure())
        .isEqualTo(RecoveryFailure.R_X_OVERFLOW);
    // A small r below p - n with x = r + n on the curve: recovers (non-canonical mode).
    BigInteger small = BigInteger.ONE;
    while (!Curve.isOnCurveX(small.add(Curve.N))) {
      small = small.add(BigInteger.ONE);
    }
    Recovery rec = secp.recover(DIGEST, Crafted.sig(33, small, CANONICAL_S), false);
    assertThat(rec.ok()).as("%s", rec).isTrue();
    // ECDSA verification compares x(R) mod n with r, so it accepts the key recovery produced.
    assertThat(secp.verify(DIGEST, Crafted.sig(33, small, CANONICAL_S), rec.key().toArray())).isTrue();
  }

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void noPoint(Secp256k1 secp) {
    BigInteger r = BigInteger.ONE.shiftLeft(250);
    while (Curve.isOnCurveX(r)) {
      r = r.add(BigInteger.ONE);
    }
    byte[] sig = Crafted.sig(31, r, CANONICAL_S);
    assertThat(Secp256k1.isCanonical(sig)).isTrue();
    assertThat(secp.recover(DIGEST, sig).failure()).isEqualTo(RecoveryFailure.NO_POINT);
    sig[0] = 32;
    assertThat(secp.recover(DIGEST, sig).failure()).isEqualTo(RecoveryFailure.NO_POINT);
  }

  /** s R = e G makes Q the point at infinity: choose R = k G and e = s k. */
  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void infinity(Secp256k1 secp) {
    BigInteger k = BigInteger.valueOf(77);
    BigInteger r;
    while (true) {
      r = Crafted.rOf(secp, k);
      if (r.bitLength() >= 248 && r.bitLength() <= 255) {
        break;
      }
      k = k.add(BigInteger.ONE);
    }
    byte[] point = ((AbstractSecp256k1) secp).multiplyGenerator(Curve.to32(k));
    int recid = point[64] & 1;
    byte[] digest = Curve.to32(CANONICAL_S.multiply(k).mod(Curve.N));
    byte[] sig = Crafted.sig(31 + recid, r, CANONICAL_S);
    assertThat(Secp256k1.isCanonical(sig)).isTrue();
    assertThat(secp.recover(digest, sig).failure()).isEqualTo(RecoveryFailure.INFINITY);
    // The other parity gives -R: a valid (different) key.
    sig[0] = (byte) (31 + (recid ^ 1));
    assertThat(secp.recover(digest, sig).ok()).isTrue();
  }

  @Test
  void wrongDigestLengthIsAProgrammingError() {
    for (Secp256k1 secp : Backends.all()) {
      assertThatThrownBy(() -> secp.recover(new byte[31], new byte[65]))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
