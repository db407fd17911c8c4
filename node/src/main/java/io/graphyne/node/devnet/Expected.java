package io.graphyne.node.devnet;

import io.graphyne.authority.AuthError;

/** What the load generator expects the nodes to make of a transaction it sends. */
public enum Expected {
  /** Signed by a sufficient, minimal coalition: accepted and included in a block. */
  ACCEPT(null),
  /** Signed by too little weight: rejected with tx_missing_active_auth. */
  MISSING_ACTIVE(AuthError.MISSING_ACTIVE),
  /** A sufficient coalition plus a key that is not needed: rejected with tx_irrelevant_sig. */
  IRRELEVANT_SIG(AuthError.IRRELEVANT_SIG);

  private final AuthError error;

  Expected(AuthError error) {
    this.error = error;
  }

  /** The authority error a node must report, null for {@link #ACCEPT}. */
  public AuthError error() {
    return error;
  }
}
