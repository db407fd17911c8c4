package io.graphyne.crypto;

/**
 * Why a compact signature did not recover a key (spec/chain.md §4.4-§4.6). The order follows the
 * order in which bitshares-core / fc / libsecp256k1 reject: header, canonical rule, scalar ranges,
 * then the point arithmetic.
 */
public enum RecoveryFailure {
  /** The signature is not 65 bytes. */
  BAD_LENGTH,
  /** Header byte outside 27..34 (fc: "unable to reconstruct public key from signature"). */
  BAD_HEADER,
  /** Fails fc's canonical rule (fc: "signature is not canonical"). */
  NON_CANONICAL,
  /** r is zero or not below the group order n. */
  R_OUT_OF_RANGE,
  /** s is zero or not below the group order n. */
  S_OUT_OF_RANGE,
  /** recid 2 or 3 asks for x = r + n, which needs r < p - n; it is not. */
  R_X_OVERFLOW,
  /** No curve point has the x coordinate the signature names. */
  NO_POINT,
  /** The recovered point is the point at infinity. */
  INFINITY
}
