package io.graphyne.node.chain;

/**
 * What a light node takes on trust instead of verifying (spec/authority.md §6.8, §7.3). Verdicts
 * list the items that applied to a block or transaction.
 */
public enum Trust {
  /**
   * The active witness set (hence the schedule the block was checked against) comes from genesis or
   * from the maintenance trust source, not from a vote tally. Cross-checked: every block's witness
   * must match the shuffle computed from it.
   */
  ACTIVE_WITNESS_SET,
  /**
   * No trust source covered the last maintenance and the active witness set was learned from
   * production (spec/authority.md §6.8): while learning, the block's witness was only required to
   * be an existing witness signing with its current key in a later slot (B6, B2), not the
   * scheduled one (B7); after learning, B7 holds against a set that reproduced at least three
   * observed rounds through the §6.4 shuffle.
   */
  ACTIVE_WITNESS_SET_FROM_PRODUCTION,
  /** Fees, balances, markets and assets (T9 beyond authority state, T10) are trusted to the producer. */
  OPERATION_EFFECTS,
  /**
   * A proposal executed: success is assumed when its authority-relevant state checks pass, because
   * the outcome depends on balances the node does not track (spec/authority.md §7.4).
   */
  PROPOSAL_EXECUTION,
  /** An authority of 1.2.0 / 1.2.1 / 1.2.2 (vote-derived) took part in a check. */
  VOTE_DERIVED_AUTHORITY,
  /** A BSIP40 custom authority with restrictions was assumed to accept the operation. */
  CUSTOM_AUTHORITY_RESTRICTIONS;

  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
