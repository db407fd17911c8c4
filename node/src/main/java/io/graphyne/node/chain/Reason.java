package io.graphyne.node.chain;

/**
 * Why the controller accepted or rejected a block or a transaction. Every rejection names the rule
 * of spec/authority.md §5 (T0-T10) or §6.2 (B0-B9) that it enforces; {@link #rule()} gives it.
 */
public enum Reason {
  /** Applied (or, for a transaction, admitted to the mempool). */
  ACCEPTED(null, "accepted"),
  /** A fork block stored in the fork database; not applied because its branch is not longer. */
  FORK_STORED(null, "stored on a shorter or equal fork"),
  /** The block or transaction is already known. */
  ALREADY_KNOWN(null, "already known"),
  /** The bytes are not a decodable signed block or transaction (bad input, never applied). */
  MALFORMED(null, "not a decodable signed block or transaction"),

  B0_FUTURE_TIMESTAMP("B0", "timestamp more than 2.5 s in the future"),
  B1_UNLINKABLE("B1", "previous block unknown"),
  B1_BELOW_IRREVERSIBLE("B1", "block number at or below the last irreversible block"),
  B2_BEFORE_NEXT_SLOT("B2", "timestamp before the parent's next slot time"),
  B3_BLOCK_TOO_LARGE("B3", "packed block larger than maximum_block_size"),
  B4_MERKLE_ROOT("B4", "transaction merkle root does not match"),
  B5_TIMESTAMP_NOT_AFTER_HEAD("B5", "timestamp not after the parent's timestamp"),
  B6_WITNESS_SIGNATURE("B6", "signee is not the witness's signing key as of the parent"),
  B7_WRONG_WITNESS("B7", "witness is not scheduled for the block's slot"),
  B8_TRANSACTION("B8", "a transaction is invalid"),
  B9_UNDO_HISTORY("B9", "head - LIB would reach the maximum undo history"),

  T0_TOO_LARGE("T0", "packed size with signatures is 1 MiB or more (mempool policy)"),
  /** Mempool policy: the mempool holds its most transactions or bytes (not the sender's fault). */
  MEMPOOL_FULL("T0", "the mempool is full (count or bytes)"),
  T1_INVALID("T1", "stateless validation failed"),
  T2_DUPLICATE("T2", "duplicate transaction"),
  T3_SIGNATURE("T3", "a signature does not recover a key"),
  T3_AUTHORITY("T3", "authority not satisfied"),
  T4_TAPOS("T4", "reference block prefix does not match (TaPoS)"),
  T5_EXPIRATION_TOO_FAR("T5", "expiration beyond head time + maximum_time_until_expiration"),
  T6_EXPIRED("T6", "expired (expiration before head time)"),
  T7_TOO_LARGE("T7", "packed size without signatures exceeds maximum_transaction_size"),
  T9_OPERATION("T9", "an operation fails a state check the light node can make");

  private final String rule;
  private final String description;

  Reason(String rule, String description) {
    this.rule = rule;
    this.description = description;
  }

  /** The spec rule (B0..B9, T0..T10), or null for non-rejections. */
  public String rule() {
    return rule;
  }

  public String description() {
    return description;
  }

  public boolean accepted() {
    return this == ACCEPTED || this == FORK_STORED || this == ALREADY_KNOWN;
  }

  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
