package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Random and mutated commitment, blinding-factor and range-proof bytes never make {@link Pedersen}
 * throw anything but {@link ConfidentialException}; commitments are additively homomorphic; one
 * flipped bit unbalances a balanced sum; an accepted proof header is self-consistent.
 */
class PedersenPropertyTest {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  /** Commitment-like bytes: mostly 33 long with a 02/03 header, sometimes any length or header. */
  @Provide
  Arbitrary<Bytes> commitmentBytes() {
    Arbitrary<byte[]> wellFormed = Arbitraries.bytes().array(byte[].class).ofSize(33)
        .map(b -> {
          b[0] = (byte) (2 | (b[1] & 1));
          return b;
        });
    Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(40);
    Arbitrary<byte[]> highX = Arbitraries.bytes().array(byte[].class).ofSize(33).map(b -> {
      b[0] = 3;
      java.util.Arrays.fill(b, 1, 29, (byte) 0xff);
      return b;
    });
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, wellFormed), net.jqwik.api.Tuple.of(2, any), net.jqwik.api.Tuple.of(1, highX))
        .map(Bytes::wrap);
  }

  @Provide
  Arbitrary<Bytes> proofBytes() {
    Arbitrary<byte[]> headerLike = Arbitraries.bytes().array(byte[].class).ofMinSize(60).ofMaxSize(80);
    Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);
    return Arbitraries.oneOf(headerLike, any).map(Bytes::wrap);
  }

  @Provide
  Arbitrary<Bytes> blinds() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofSize(32);
    Arbitrary<byte[]> nearN = Arbitraries.integers().between(-3, 3)
        .map(d -> Curve.to32(Curve.N.add(BigInteger.valueOf(d)).mod(TWO_64.shiftLeft(192))));
    Arbitrary<byte[]> odd = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(40);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, random), net.jqwik.api.Tuple.of(2, nearN), net.jqwik.api.Tuple.of(1, odd))
        .map(Bytes::wrap);
  }

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32)
        .map(b -> new BigInteger(1, b).mod(Curve.N));
  }

  static Bytes b32(BigInteger x) {
    return Bytes.wrap(Curve.to32(x.mod(Curve.N)));
  }

  @Property(tries = 500)
  void randomCommitmentsAreJudgedWithoutThrowing(
      @ForAll("commitmentBytes") Bytes a,
      @ForAll("commitmentBytes") Bytes b,
      @ForAll("commitmentBytes") Bytes c,
      @ForAll long excess) {
    boolean r = Pedersen.verifySum(List.of(a, b), List.of(c), excess);
    // a random sum balancing is as unlikely as a discrete log; a repeated point cancels only itself
    assertThat(r).isFalse();
  }

  @Property(tries = 2000)
  void randomProofsGiveAConsistentHeaderOrTheTypedError(@ForAll("proofBytes") Bytes proof) {
    RangeProofInfo info;
    try {
      info = Pedersen.rangeProofInfo(proof);
    } catch (ConfidentialException e) {
      assertThat(e.reason().name()).startsWith("PROOF_");
      return;
    }
    assertThat(proof.length()).isGreaterThanOrEqualTo(65);
    assertThat(proof.get(0) & 0x80).isZero();
    assertThat(info.exp()).isBetween(-1, 18);
    assertThat(info.mantissa()).isBetween(0, 64);
    BigInteger span = BigInteger.ONE.shiftLeft(info.mantissa()).subtract(BigInteger.ONE)
        .multiply(BigInteger.TEN.pow(Math.max(info.exp(), 0)));
    BigInteger min = new BigInteger(Long.toUnsignedString(info.minValue()));
    assertThat(new BigInteger(Long.toUnsignedString(info.maxValue()))).isEqualTo(min.add(span));
    assertThat(min.add(span)).isLessThan(TWO_64);
  }

  @Property(tries = 500)
  void commitOfAnyBlindGivesAPointOrTheTypedError(@ForAll("blinds") Bytes blind, @ForAll long value) {
    Bytes c;
    try {
      c = Pedersen.commit(blind, value);
    } catch (ConfidentialException e) {
      assertThat(e.reason()).isIn(ConfidentialException.Reason.BLIND_LENGTH, ConfidentialException.Reason.BLIND_OVERFLOW,
          ConfidentialException.Reason.COMMITMENT_AT_INFINITY);
      assertThat(blind.length() != 32 || new BigInteger(1, blind.toArray()).compareTo(Curve.N) >= 0
          || (blind.isZero() && value == 0)).isTrue();
      return;
    }
    assertThat(c.length()).isEqualTo(33);
    assertThat(c.get(0)).isIn((byte) 2, (byte) 3);
    // the commitment is a valid point: it cancels against itself
    assertThat(Pedersen.verifySum(List.of(c), List.of(c), 0)).isTrue();
  }

  /** Values from 1 up (value 0 with blind 0 is the point at infinity, which commit refuses). */
  @Property(tries = 300)
  void commitmentsAreAdditivelyHomomorphic(
      @ForAll("scalars") BigInteger b1,
      @ForAll("scalars") BigInteger b2,
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long v1,
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long v2,
      @ForAll @LongRange(min = 0, max = 1_000_000) long fee) {
    Bytes c1 = Pedersen.commit(b32(b1), v1);
    Bytes c2 = Pedersen.commit(b32(b2), v2);
    Bytes total = Pedersen.commit(b32(b1.add(b2)), v1 + v2 + fee);
    assertThat(Pedersen.verifySum(List.of(total), List.of(c1, c2), fee)).isTrue();
    assertThat(Pedersen.verifySum(List.of(c1, c2), List.of(total), -fee)).isTrue();
    assertThat(Pedersen.verifySum(List.of(total), List.of(c1, c2), fee + 1)).isFalse();
    // same blind: the difference is (v1 - v2) H
    Bytes c2SameBlind = Pedersen.commit(b32(b1), v2);
    assertThat(Pedersen.verifySum(List.of(c1), List.of(c2SameBlind), v1 - v2)).isTrue();
  }

  @Property(tries = 300)
  void oneFlippedBitUnbalancesABalancedSum(
      @ForAll("scalars") BigInteger b1,
      @ForAll("scalars") BigInteger b2,
      @ForAll @LongRange(min = 1, max = 1L << 40) long v1,
      @ForAll @LongRange(min = 1, max = 1L << 40) long v2,
      @ForAll long seed) {
    List<Bytes> in = List.of(Pedersen.commit(b32(b1.add(b2)), v1 + v2));
    List<Bytes> out = new ArrayList<>(List.of(Pedersen.commit(b32(b1), v1), Pedersen.commit(b32(b2), v2)));
    assertThat(Pedersen.verifySum(in, out, 0)).isTrue();
    Random rnd = new Random(seed);
    int which = rnd.nextInt(out.size());
    byte[] m = out.get(which).toArray();
    m[rnd.nextInt(33)] ^= (byte) (1 << rnd.nextInt(8));
    out.set(which, Bytes.wrap(m));
    assertThat(Pedersen.verifySum(in, out, 0)).isFalse();
  }

  @Property(tries = 300)
  void mutatedRealProofHeadersGiveTheTypedErrorOrAHeader(@ForAll long seed) {
    Random rnd = new Random(seed);
    byte[] p = new byte[65 + rnd.nextInt(2000)];
    rnd.nextBytes(p);
    p[0] = (byte) (0x40 | rnd.nextInt(32)); // a nonzero range with any exponent
    p[1] = (byte) rnd.nextInt(80);
    if (rnd.nextBoolean()) {
      p[0] |= 0x20;
    }
    if (rnd.nextInt(4) == 0) {
      p = java.util.Arrays.copyOf(p, rnd.nextInt(p.length));
    }
    try {
      RangeProofInfo info = Pedersen.rangeProofInfo(Bytes.wrap(p));
      assertThat(info.exp()).isEqualTo(p[0] & 0x1f);
      assertThat(info.mantissa()).isEqualTo((p[1] & 0xff) + 1);
    } catch (ConfidentialException e) {
      assertThat(e.reason().name()).startsWith("PROOF_");
    }
  }
}
