package io.graphyne.node.chain;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The verdict on one block.
 *
 * @param reason ACCEPTED, FORK_STORED, ALREADY_KNOWN, or the block rule it broke (B8 for a
 *     transaction, with {@code txIndex} and {@code tx})
 * @param verified the rules that were checked (B0-B9, T1-T9 with T9 limited to tracked state)
 * @param trusted what was taken on trust (always {@link Trust#ACTIVE_WITNESS_SET}, the schedule
 *     derived from the active set of genesis or of the maintenance trust source, or {@link
 *     Trust#ACTIVE_WITNESS_SET_FROM_PRODUCTION} when the set is being or was learned from
 *     production; {@code verified} then lacks B7 while it is learned)
 * @param witness the block's witness, {@code signee} the recovered signing key
 * @param switched number of blocks popped to switch to this block's fork (0 normally)
 */
public record BlockResult(
    Reason reason,
    String detail,
    long blockNum,
    Bytes blockId,
    ObjectId witness,
    PublicKey signee,
    int txIndex,
    TxResult tx,
    int transactions,
    int signatures,
    List<String> verified,
    Set<Trust> trusted,
    int switched) {

  public BlockResult {
    trusted = trusted.isEmpty() ? Set.of() : EnumSet.copyOf(trusted);
    verified = List.copyOf(verified);
  }

  public boolean accepted() {
    return reason.accepted();
  }

  /** True when the block became (part of) the main chain. */
  public boolean applied() {
    return reason == Reason.ACCEPTED;
  }

  @Override
  public String toString() {
    return "block " + blockNum + " " + (blockId == null ? "" : blockId.toHex()) + ": " + reason.jsonName()
        + (detail == null ? "" : " (" + detail + ")") + (tx == null ? "" : " tx " + txIndex + ": " + tx);
  }
}
