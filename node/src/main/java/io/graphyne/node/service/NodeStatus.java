package io.graphyne.node.service;

/**
 * A snapshot of a node's counters for the progress line and the devnet view. Counters are totals
 * since start; rates are computed by the reader from two snapshots.
 *
 * @param headTimeSeconds timestamp of the head block (0 when there is none)
 * @param blocksApplied blocks applied since start
 * @param transactionsApplied transactions applied in blocks since start
 * @param signaturesVerified signatures recovered/verified since start
 */
public record NodeStatus(
    long headNum,
    long lastIrreversible,
    int peers,
    long headTimeSeconds,
    long blocksApplied,
    long transactionsApplied,
    long signaturesVerified) {

  public static final NodeStatus EMPTY = new NodeStatus(0, 0, 0, 0, 0, 0, 0);
}
