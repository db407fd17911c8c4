package io.graphyne.node.run;

import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;

/**
 * Where the P2P layer's blocks and transactions go: the validating core (pipeline and chain
 * controller). Called from the P2P sync thread; must not block for long.
 */
public interface ChainSink {
  /** A block from a peer, decoded, with its raw bytes and checked id. */
  ChainAccess.BlockVerdict block(SignedBlock block, Bytes raw, Bytes blockId, ChainAccess.PeerRef from);

  /**
   * A transaction from a peer, not yet validated; the stage completes with the node's verdict
   * (from the state thread) and must not be waited on by the caller.
   */
  java.util.concurrent.CompletionStage<ChainAccess.TxVerdict> transaction(SignedTransaction transaction, ChainAccess.PeerRef from);

  /** True while a block is accepted but not yet applied (queued for application). */
  default boolean queued(Bytes blockId) {
    return false;
  }

  /**
   * The newest block accepted for application but not applied yet (it extends the stored head
   * through other queued blocks), if any. The P2P synopsis ends with it, so peers continue after
   * what we already accepted.
   */
  default java.util.Optional<ChainAccess.Head> queuedTip() {
    return java.util.Optional.empty();
  }
}
