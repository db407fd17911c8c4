package io.graphyne.crypto;

/**
 * The public header of a secp256k1-zkp range proof, as {@code secp256k1_rangeproof_info} reports
 * it ({@code fc::ecc::range_proof_info}).
 *
 * @param exp the base-10 exponent, -1 for a proof of the exact value {@code minValue}
 * @param mantissa the number of proven bits (0 when exp is -1)
 * @param minValue the lowest value proven, an unsigned 64-bit number
 * @param maxValue the highest value proven, an unsigned 64-bit number
 */
public record RangeProofInfo(int exp, int mantissa, long minValue, long maxValue) {

  /** True if {@code maxValue}, read as unsigned, is at most {@code bound} (non-negative). */
  public boolean maxValueAtMost(long bound) {
    return Long.compareUnsigned(maxValue, bound) <= 0;
  }

  @Override
  public String toString() {
    return "RangeProofInfo[exp="
        + exp
        + ", mantissa="
        + mantissa
        + ", minValue="
        + Long.toUnsignedString(minValue)
        + ", maxValue="
        + Long.toUnsignedString(maxValue)
        + "]";
  }
}
