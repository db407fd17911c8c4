package io.graphyne.crypto;

import io.graphyne.crypto.ConfidentialException.Reason;
import io.graphyne.protocol.Bytes;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Pedersen commitments and range-proof headers as bitshares-core checks them in the confidential
 * operations' {@code validate()}: fc's {@code fc::ecc::blind}, {@code verify_sum} and
 * {@code range_get_info}, which call secp256k1-zkp at the commit fc pins as its
 * {@code vendor/secp256k1-zkp} submodule (bitshares/secp256k1-zkp
 * {@code bd067945ead3b514fba884abd0de95fc4b5db9ae}). Pure Java on the curve arithmetic of
 * {@link JavaSecp256k1}; stateless and thread-safe.
 *
 * <p>A commitment is {@code blind*G + value*H} in libsecp256k1's compressed public-key form (33
 * bytes, header 02/03), with that version's second generator H ({@code secp256k1_ge_const_g2}).
 */
public final class Pedersen {
  /** Bytes of a commitment ({@code fc::ecc::commitment_type}). */
  public static final int COMMITMENT_SIZE = 33;
  /** Bytes of a blinding factor ({@code fc::ecc::blind_factor_type}, an fc::sha256). */
  public static final int BLIND_SIZE = 32;
  /** Shortest range proof {@code secp256k1_rangeproof_info} accepts. */
  public static final int MIN_RANGE_PROOF_SIZE = 65;

  private static final ECCurve CURVE = JavaSecp256k1.curve();
  private static final ECPoint G = JavaSecp256k1.generator();

  /** secp256k1-zkp's second generator H ({@code secp256k1_ge_const_g2} in group_impl.h). */
  private static final ECPoint H =
      CURVE
          .createPoint(
              new BigInteger("50929b74c1a04954b78b4b6035e97a5e078a5a0f28ec96d547bfee9ace803ac0", 16),
              new BigInteger("31d3c6863973926e049e637cb1b5f40a36dac28af1766968c30c2313f3a38904", 16))
          .normalize();

  private static final long MAX_BEFORE_TIMES_TEN = Long.divideUnsigned(-1L, 10);

  static {
    if (!H.isValid()) {
      throw new ExceptionInInitializerError("generator H is not on secp256k1");
    }
  }

  private Pedersen() {}

  /** The 33-byte compressed form of H. */
  public static Bytes generatorH() {
    return Bytes.wrap(H.getEncoded(true));
  }

  /**
   * {@code fc::ecc::blind(blind, value)} = {@code secp256k1_pedersen_commit}: {@code blind*G +
   * value*H}, value an unsigned 64-bit number. A zero blinding factor is allowed.
   *
   * @throws ConfidentialException BLIND_LENGTH, BLIND_OVERFLOW (blind &ge; n) or
   *     COMMITMENT_AT_INFINITY, where secp256k1-zkp returns 0
   */
  public static Bytes commit(Bytes blind, long value) {
    if (blind == null || blind.length() != BLIND_SIZE) {
      throw new ConfidentialException(Reason.BLIND_LENGTH, "a blinding factor is 32 bytes");
    }
    BigInteger b = new BigInteger(1, blind.unsafeArray());
    if (b.compareTo(Curve.N) >= 0) {
      throw new ConfidentialException(
          Reason.BLIND_OVERFLOW, "the blinding factor is not below the group order");
    }
    ECPoint p = multiplyValue(value);
    if (b.signum() != 0) {
      p = p.add(new FixedPointCombMultiplier().multiply(G, b));
    }
    p = p.normalize();
    if (p.isInfinity()) {
      throw new ConfidentialException(
          Reason.COMMITMENT_AT_INFINITY, "the commitment is the point at infinity");
    }
    return Bytes.wrap(p.getEncoded(true));
  }

  /**
   * {@code fc::ecc::verify_sum(in, out, excess)} = {@code secp256k1_pedersen_verify_tally}: true
   * iff {@code sum(in) == sum(out) + excess*H} as group elements. False if any commitment is not
   * 33 bytes of a compressed curve point (header 02/03, x &lt; p, on the curve). Both lists empty
   * with a zero excess is true (the empty sum is the point at infinity); a negative excess, also
   * {@link Long#MIN_VALUE}, means {@code -|excess|*H}. One decompression and one addition per
   * commitment, plus one multiplication when the excess is not zero.
   */
  public static boolean verifySum(List<Bytes> in, List<Bytes> out, long excess) {
    ECPoint acc = CURVE.getInfinity();
    if (excess != 0) {
      // |excess| as an unsigned number (Long.MIN_VALUE stays 2^63), negated back if needed.
      acc = multiplyValue(excess < 0 ? -excess : excess);
      if (excess < 0) {
        acc = acc.negate();
      }
    }
    for (Bytes c : out) {
      ECPoint p = parse(c);
      if (p == null) {
        return false;
      }
      acc = acc.add(p);
    }
    acc = acc.negate();
    for (Bytes c : in) {
      ECPoint p = parse(c);
      if (p == null) {
        return false;
      }
      acc = acc.add(p);
    }
    return acc.isInfinity();
  }

  /**
   * {@code fc::ecc::range_get_info} = {@code secp256k1_rangeproof_info}: the proof's header
   * (exponent, mantissa, minimum, maximum), without verifying the proof itself.
   *
   * @throws ConfidentialException with a PROOF_* reason exactly where secp256k1-zkp returns 0
   */
  public static RangeProofInfo rangeProofInfo(Bytes proof) {
    int plen = proof == null ? 0 : proof.length();
    if (plen < MIN_RANGE_PROOF_SIZE) {
      throw new ConfidentialException(
          Reason.PROOF_TOO_SHORT, "a range proof has at least 65 bytes, got " + plen);
    }
    int header = proof.get(0) & 0xff;
    if ((header & 0x80) != 0) {
      throw new ConfidentialException(Reason.PROOF_RESERVED_BIT, "reserved header bit is set");
    }
    boolean nonZeroRange = (header & 0x40) != 0;
    boolean hasMin = (header & 0x20) != 0;
    int exp = -1;
    int mantissa = 0;
    long max = 0;
    int offset = 0;
    if (nonZeroRange) {
      exp = header & 0x1f;
      offset = 1;
      if (exp > 18) {
        throw new ConfidentialException(Reason.PROOF_EXPONENT, "exponent " + exp + " is above 18");
      }
      mantissa = (proof.get(offset) & 0xff) + 1;
      if (mantissa > 64) {
        throw new ConfidentialException(
            Reason.PROOF_MANTISSA, "mantissa " + mantissa + " is above 64");
      }
      max = -1L >>> (64 - mantissa);
    }
    offset += 1;
    for (int i = 0; i < exp; i++) {
      if (Long.compareUnsigned(max, MAX_BEFORE_TIMES_TEN) > 0) {
        throw new ConfidentialException(
            Reason.PROOF_SCALE_OVERFLOW, "maximum value overflows 64 bits at exponent " + exp);
      }
      max *= 10;
    }
    long min = 0;
    if (hasMin) {
      if (plen - offset < 8) {
        throw new ConfidentialException(
            Reason.PROOF_MIN_VALUE_TRUNCATED, "the minimum value is truncated");
      }
      for (int i = 0; i < 8; i++) {
        min = (min << 8) | (proof.get(offset + i) & 0xff);
      }
    }
    if (Long.compareUnsigned(max, -1L - min) > 0) {
      throw new ConfidentialException(
          Reason.PROOF_RANGE_OVERFLOW, "minimum plus maximum overflows 64 bits");
    }
    return new RangeProofInfo(exp, mantissa, min, max + min);
  }

  /** {@code value*H}, value unsigned (infinity for 0). */
  private static ECPoint multiplyValue(long value) {
    if (value == 0) {
      return CURVE.getInfinity();
    }
    BigInteger k =
        value > 0 ? BigInteger.valueOf(value) : BigInteger.valueOf(value).add(BigInteger.ONE.shiftLeft(64));
    return new FixedPointCombMultiplier().multiply(H, k);
  }

  private static ECPoint parse(Bytes commitment) {
    if (commitment == null || commitment.length() != COMMITMENT_SIZE) {
      return null;
    }
    return JavaSecp256k1.decompress(commitment.unsafeArray(), 0);
  }
}
