package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.crypto.ConfidentialException.Reason;
import io.graphyne.protocol.Bytes;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pedersen commitments, verify_sum and range-proof headers against secp256k1-zkp bd067945's
 * definitions: the generator H, real mainnet commitments rebuilt from their published blinding
 * factors, self-made commitments with known blinds and values, and every branch of
 * {@code secp256k1_rangeproof_getheader_impl}.
 */
class PedersenTest {
  private static final BigInteger N = Curve.N;

  static Bytes blind(BigInteger b) {
    return Bytes.wrap(Curve.to32(b.mod(N)));
  }

  static Bytes blind(String label) {
    return blind(new BigInteger(1, Hashes.sha256(("pedersen-test-" + label).getBytes())));
  }

  static BigInteger num(Bytes b) {
    return new BigInteger(1, b.toArray());
  }

  static Bytes c(Bytes blind, long value) {
    return Pedersen.commit(blind, value);
  }

  @Test
  void generatorHIsSha256OfTheUncompressedGAsXWithEvenY() {
    byte[] g = new JavaSecp256k1().multiplyGenerator(Curve.to32(BigInteger.ONE));
    assertThat(Pedersen.generatorH().toHex())
        .isEqualTo("02" + Hex.encode(Hashes.sha256(g)))
        .isEqualTo("0250929b74c1a04954b78b4b6035e97a5e078a5a0f28ec96d547bfee9ace803ac0");
  }

  @Test
  void commitmentOfZeroBlindIsValueTimesH() {
    assertThat(c(blind(BigInteger.ZERO), 1)).isEqualTo(Pedersen.generatorH());
    // 2H = H + H
    Bytes h = Pedersen.generatorH();
    assertThat(Pedersen.verifySum(List.of(c(blind(BigInteger.ZERO), 2)), List.of(h, h), 0)).isTrue();
  }

  @Test
  void commitmentOfZeroValueIsBlindTimesG() {
    Secp256k1 ec = new JavaSecp256k1();
    byte[] k = Curve.to32(BigInteger.valueOf(12345));
    assertThat(c(Bytes.wrap(k), 0).toArray()).isEqualTo(ec.publicKey(k));
    assertThat(c(blind(BigInteger.ONE), 0).toArray()).isEqualTo(ec.publicKey(Curve.to32(BigInteger.ONE)));
    // (n-1)G = -G: same x, other parity
    byte[] minusG = c(blind(N.subtract(BigInteger.ONE)), 0).toArray();
    byte[] plusG = ec.publicKey(Curve.to32(BigInteger.ONE));
    assertThat(minusG[0]).isEqualTo((byte) (plusG[0] ^ 1));
    assertThat(java.util.Arrays.copyOfRange(minusG, 1, 33)).isEqualTo(java.util.Arrays.copyOfRange(plusG, 1, 33));
  }

  @Test
  void commitRejectsWhatSecp256k1ZkpRejects() {
    assertThatThrownBy(() -> c(blind(BigInteger.ZERO), 0))
        .isInstanceOfSatisfying(ConfidentialException.class, e -> assertThat(e.reason()).isEqualTo(Reason.COMMITMENT_AT_INFINITY));
    assertThatThrownBy(() -> c(Bytes.wrap(Curve.to32(N)), 5))
        .isInstanceOfSatisfying(ConfidentialException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BLIND_OVERFLOW));
    assertThatThrownBy(() -> c(Bytes.fromHex("ff".repeat(32)), 5))
        .isInstanceOfSatisfying(ConfidentialException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BLIND_OVERFLOW));
    assertThatThrownBy(() -> c(Bytes.zeros(31), 5))
        .isInstanceOfSatisfying(ConfidentialException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BLIND_LENGTH));
    // n-1 is the largest accepted blind
    assertThat(c(blind(N.subtract(BigInteger.ONE)), 5).length()).isEqualTo(33);
  }

  /** Mainnet transfer_to_blind / transfer_from_blind with one commitment: blind(bf, public) is it. */
  @Test
  void realMainnetCommitmentsAreRebuiltFromTheirBlindingFactors() {
    int checked = 0;
    for (JsonNode s : Vectors.json("op_json_samples_mainnet.json").get("samples")) {
      JsonNode op = s.get("operation");
      String name = s.get("operation_name").asText();
      JsonNode single;
      long value;
      if (name.equals("transfer_to_blind") && op.get("outputs").size() == 1) {
        single = op.get("outputs").get(0);
        value = op.get("amount").get("amount").asLong();
      } else if (name.equals("transfer_from_blind") && op.get("inputs").size() == 1) {
        single = op.get("inputs").get(0);
        value = op.get("amount").get("amount").asLong() + op.get("fee").get("amount").asLong();
      } else {
        continue;
      }
      Bytes bf = Bytes.fromHex(op.get("blinding_factor").asText());
      assertThat(c(bf, value).toHex()).as(s.get("id").asText()).isEqualTo(single.get("commitment").asText());
      assertThat(c(bf, value + 1).toHex()).isNotEqualTo(single.get("commitment").asText());
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(2);
  }

  @Test
  void sumsThatBalance() {
    Bytes b1 = blind("1");
    Bytes b2 = blind("2");
    Bytes b3 = blind(num(b1).add(num(b2)));
    // in = out
    assertThat(Pedersen.verifySum(List.of(c(b3, 30)), List.of(c(b1, 10), c(b2, 20)), 0)).isTrue();
    assertThat(Pedersen.verifySum(List.of(c(b1, 10), c(b2, 20)), List.of(c(b3, 30)), 0)).isTrue();
    // in = out + excess*H (a fee)
    assertThat(Pedersen.verifySum(List.of(c(b3, 35)), List.of(c(b1, 10), c(b2, 20)), 5)).isTrue();
    // negative excess: in = out - 5H
    assertThat(Pedersen.verifySum(List.of(c(b3, 25)), List.of(c(b1, 10), c(b2, 20)), -5)).isTrue();
    // blinds cancelling to zero: only H remains
    Bytes minusB1 = blind(num(b1).negate());
    assertThat(Pedersen.verifySum(List.of(c(b1, 3), c(minusB1, 4)), List.of(), 7)).isTrue();
    assertThat(Pedersen.verifySum(List.of(), List.of(c(b1, 3), c(minusB1, 4)), -7)).isTrue();
    // the same commitment on both sides
    Bytes x = c(b1, 99);
    assertThat(Pedersen.verifySum(List.of(x), List.of(x), 0)).isTrue();
  }

  @Test
  void sumsThatDoNotBalance() {
    Bytes b1 = blind("1");
    Bytes b2 = blind("2");
    Bytes b3 = blind(num(b1).add(num(b2)));
    assertThat(Pedersen.verifySum(List.of(c(b3, 31)), List.of(c(b1, 10), c(b2, 20)), 0)).isFalse();
    assertThat(Pedersen.verifySum(List.of(c(b3, 30)), List.of(c(b1, 10), c(b2, 20)), 1)).isFalse();
    assertThat(Pedersen.verifySum(List.of(c(b3, 30)), List.of(c(b1, 10), c(b2, 20)), -1)).isFalse();
    assertThat(Pedersen.verifySum(List.of(c(b3, 35)), List.of(c(b1, 10), c(b2, 20)), -5)).isFalse();
    // the blinds must cancel too
    assertThat(Pedersen.verifySum(List.of(c(b1, 30)), List.of(c(b1, 10), c(b2, 20)), 0)).isFalse();
    // sides swapped with an excess
    assertThat(Pedersen.verifySum(List.of(c(b1, 10), c(b2, 20)), List.of(c(b3, 35)), 5)).isFalse();
  }

  @Test
  void emptyListsAndZeroExcess() {
    assertThat(Pedersen.verifySum(List.of(), List.of(), 0)).isTrue();
    assertThat(Pedersen.verifySum(List.of(), List.of(), 1)).isFalse();
    assertThat(Pedersen.verifySum(List.of(), List.of(), -1)).isFalse();
    assertThat(Pedersen.verifySum(List.of(), List.of(), Long.MIN_VALUE)).isFalse();
    assertThat(Pedersen.verifySum(List.of(c(blind("1"), 0)), List.of(), 0)).isFalse();
  }

  @Test
  void valuesAreUnsigned64BitAndTheExcessIsSigned() {
    Bytes b = blind("u");
    Bytes zero = blind(BigInteger.ZERO);
    // commit(b, 2^64-1) = commit(b, 2^63-1) + (2^63-1)H + H
    assertThat(Pedersen.verifySum(
            List.of(c(b, -1L)), List.of(c(b, Long.MAX_VALUE), c(zero, Long.MAX_VALUE), c(zero, 1)), 0))
        .isTrue();
    // excess Long.MIN_VALUE means -2^63 H: 0 = 2^63 H + (-2^63) H
    assertThat(Pedersen.verifySum(List.of(), List.of(c(zero, Long.MIN_VALUE)), Long.MIN_VALUE)).isTrue();
    assertThat(Pedersen.verifySum(List.of(c(zero, Long.MIN_VALUE)), List.of(), Long.MIN_VALUE)).isFalse();
    // excess Long.MAX_VALUE
    assertThat(Pedersen.verifySum(List.of(c(b, Long.MAX_VALUE)), List.of(c(b, 1)), Long.MAX_VALUE - 1)).isTrue();
    assertThat(Pedersen.verifySum(List.of(c(b, 1)), List.of(c(b, Long.MAX_VALUE)), -(Long.MAX_VALUE - 1))).isTrue();
  }

  @Test
  void invalidPointsMakeTheSumFalse() {
    Bytes good = c(blind("1"), 10);
    List<Bytes> bad = new ArrayList<>();
    byte[] b04 = good.toArray();
    b04[0] = 4;
    bad.add(Bytes.wrap(b04));
    byte[] b00 = good.toArray();
    b00[0] = 0;
    bad.add(Bytes.wrap(b00));
    bad.add(Bytes.fromHex("02" + "ff".repeat(32))); // x >= p
    bad.add(Bytes.fromHex("02" + Hex.encode(Curve.to32(Curve.P)))); // x == p
    bad.add(Bytes.fromHex("03" + "00".repeat(31) + "05")); // x = 5: 132 is not a square mod p
    bad.add(Bytes.wrap(java.util.Arrays.copyOf(good.toArray(), 32)));
    bad.add(Bytes.wrap(java.util.Arrays.copyOf(good.toArray(), 34)));
    assertThat(Curve.isOnCurveX(BigInteger.valueOf(5))).isFalse();
    for (Bytes x : bad) {
      // even where the bad commitment would cancel against itself
      assertThat(Pedersen.verifySum(List.of(x), List.of(x), 0)).as(x.toHex()).isFalse();
      assertThat(Pedersen.verifySum(List.of(good, x), List.of(good, x), 0)).as(x.toHex()).isFalse();
      assertThat(Pedersen.verifySum(List.of(), List.of(x), 0)).as(x.toHex()).isFalse();
    }
    // the other parity of a valid x is a valid (different) point
    byte[] flipped = good.toArray();
    flipped[0] ^= 1;
    assertThat(Pedersen.verifySum(List.of(Bytes.wrap(flipped), good), List.of(), 0)).isTrue();
  }

  // ------------------------------------------------------------------ range_get_info

  static Bytes proof(int header, int mantissaByte, Long min, int length) {
    byte[] p = new byte[length];
    p[0] = (byte) header;
    int off = 1;
    if ((header & 0x40) != 0) {
      p[1] = (byte) mantissaByte;
      off = 2;
    }
    if (min != null) {
      for (int i = 0; i < 8; i++) {
        p[off + i] = (byte) (min >>> (56 - 8 * i));
      }
    }
    return Bytes.wrap(p);
  }

  static Reason failure(Bytes proof) {
    try {
      Pedersen.rangeProofInfo(proof);
      return null;
    } catch (ConfidentialException e) {
      return e.reason();
    }
  }

  @Test
  void realMainnetRangeProofHeaders() {
    int proofs = 0;
    for (JsonNode s : Vectors.json("op_json_samples_mainnet.json").get("samples")) {
      for (JsonNode out : s.get("operation").path("outputs")) {
        String hex = out.get("range_proof").asText();
        if (hex.isEmpty()) {
          assertThat(failure(Bytes.EMPTY)).isEqualTo(Reason.PROOF_TOO_SHORT);
          continue;
        }
        Bytes p = Bytes.fromHex(hex);
        RangeProofInfo info = Pedersen.rangeProofInfo(p);
        // wallets prove [0, 2^mantissa - 1] with exponent 0 and no minimum
        assertThat(info.exp()).isEqualTo(p.get(0) & 0x1f).isZero();
        assertThat(info.mantissa()).isEqualTo((p.get(1) & 0xff) + 1);
        assertThat(info.minValue()).isZero();
        assertThat(info.maxValue()).isEqualTo((1L << info.mantissa()) - 1);
        assertThat(info.maxValueAtMost(1_000_000_000_000_000L)).isTrue();
        proofs++;
      }
    }
    assertThat(proofs).isGreaterThanOrEqualTo(20);
  }

  @Test
  void headerFields() {
    // exact-value proof: no range, no minimum
    assertThat(Pedersen.rangeProofInfo(proof(0x00, 0, null, 65))).isEqualTo(new RangeProofInfo(-1, 0, 0, 0));
    // exact-value proof of a minimum: max = min
    assertThat(Pedersen.rangeProofInfo(proof(0x20, 0, 1234L, 65))).isEqualTo(new RangeProofInfo(-1, 0, 1234, 1234));
    // 10 bits, exponent 2: max (2^10 - 1) * 100
    assertThat(Pedersen.rangeProofInfo(proof(0x42, 9, null, 65))).isEqualTo(new RangeProofInfo(2, 10, 0, 102_300));
    // plus a minimum
    assertThat(Pedersen.rangeProofInfo(proof(0x62, 9, 7L, 80))).isEqualTo(new RangeProofInfo(2, 10, 7, 102_307));
    // 64 bits, exponent 0: max 2^64 - 1 (unsigned)
    RangeProofInfo all = Pedersen.rangeProofInfo(proof(0x40, 63, null, 65));
    assertThat(all.maxValue()).isEqualTo(-1L);
    assertThat(all.maxValueAtMost(1_000_000_000_000_000L)).isFalse();
    assertThat(all.toString()).contains("maxValue=18446744073709551615");
    // a minimum with the top bit set is unsigned: min 2^64-1 with max 0 still fits
    assertThat(Pedersen.rangeProofInfo(proof(0x20, 0, -1L, 65)).maxValue()).isEqualTo(-1L);
    // exponent 18 with 4 bits: 15 * 10^18 fits in 64 bits
    assertThat(Pedersen.rangeProofInfo(proof(0x52, 3, null, 65)).maxValue())
        .isEqualTo(new BigInteger("15000000000000000000").longValue());
    // the max supply bound is inclusive
    assertThat(Pedersen.rangeProofInfo(proof(0x60, 0, 999_999_999_999_999L, 65)).maxValueAtMost(1_000_000_000_000_000L)).isTrue();
    assertThat(Pedersen.rangeProofInfo(proof(0x60, 1, 999_999_999_999_999L, 65)).maxValueAtMost(1_000_000_000_000_000L)).isFalse();
  }

  @Test
  void malformedHeadersFailWhereSecp256k1ZkpReturnsZero() {
    assertThat(failure(Bytes.EMPTY)).isEqualTo(Reason.PROOF_TOO_SHORT);
    assertThat(failure(proof(0x40, 3, null, 64))).isEqualTo(Reason.PROOF_TOO_SHORT);
    assertThat(failure(proof(0x40, 3, null, 65))).isNull();
    assertThat(failure(proof(0x80, 3, null, 65))).isEqualTo(Reason.PROOF_RESERVED_BIT);
    assertThat(failure(proof(0xff, 3, null, 65))).isEqualTo(Reason.PROOF_RESERVED_BIT);
    assertThat(failure(proof(0x40 | 19, 3, null, 65))).isEqualTo(Reason.PROOF_EXPONENT);
    assertThat(failure(proof(0x40 | 18, 0, null, 65))).isNull();
    assertThat(failure(proof(0x40, 64, null, 65))).isEqualTo(Reason.PROOF_MANTISSA);
    assertThat(failure(proof(0x40, 255, null, 65))).isEqualTo(Reason.PROOF_MANTISSA);
    // 31 * 10^18 > 2^64 - 1
    assertThat(failure(proof(0x52, 4, null, 65))).isEqualTo(Reason.PROOF_SCALE_OVERFLOW);
    assertThat(failure(proof(0x41, 63, null, 65))).isEqualTo(Reason.PROOF_SCALE_OVERFLOW);
    // max 2^64-1 plus a minimum of 1
    assertThat(failure(proof(0x60, 63, 1L, 65))).isEqualTo(Reason.PROOF_RANGE_OVERFLOW);
    assertThat(failure(proof(0x60, 62, Long.MIN_VALUE - 1, 65))).isNull(); // (2^63-1) + (2^63-1)
    assertThat(failure(proof(0x60, 62, Long.MIN_VALUE, 65))).isNull(); // 2^64 - 1 exactly
    assertThat(failure(proof(0x60, 62, Long.MIN_VALUE + 1, 65))).isEqualTo(Reason.PROOF_RANGE_OVERFLOW);
    // a proof without the nonzero-range bit ignores the exponent bits
    assertThat(Pedersen.rangeProofInfo(proof(0x1f, 0, null, 65)).exp()).isEqualTo(-1);
  }
}
