package io.graphyne.crypto;

/**
 * The one typed failure of {@link Pedersen}: a blinding factor secp256k1-zkp's
 * {@code secp256k1_pedersen_commit} refuses, or a range proof whose header
 * {@code secp256k1_rangeproof_info} refuses (it returns 0 in exactly these cases).
 */
public final class ConfidentialException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why secp256k1-zkp returned 0. */
  public enum Reason {
    /** The blinding factor is not 32 bytes (only hand-built values; the wire type is fixed). */
    BLIND_LENGTH,
    /** The blinding factor, as a big-endian number, is not below the group order n. */
    BLIND_OVERFLOW,
    /** {@code blind*G + value*H} is the point at infinity (serialisation fails). */
    COMMITMENT_AT_INFINITY,
    /** A range proof shorter than 65 bytes. */
    PROOF_TOO_SHORT,
    /** The header byte has its top bit (reserved) set. */
    PROOF_RESERVED_BIT,
    /** The base-10 exponent is above 18. */
    PROOF_EXPONENT,
    /** The mantissa (bit count) is above 64. */
    PROOF_MANTISSA,
    /** {@code (2^mantissa - 1) * 10^exp} does not fit in 64 bits. */
    PROOF_SCALE_OVERFLOW,
    /** The header says a minimum value follows but fewer than 8 bytes remain. */
    PROOF_MIN_VALUE_TRUNCATED,
    /** {@code max + min} does not fit in 64 bits. */
    PROOF_RANGE_OVERFLOW
  }

  private final Reason reason;

  public ConfidentialException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
