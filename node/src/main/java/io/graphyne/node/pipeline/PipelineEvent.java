package io.graphyne.node.pipeline;

import io.graphyne.node.chain.PreparedTransaction;

/**
 * One slot of the ring: a block header (its witness signature is recovered), a transaction of a
 * block (digests and signer recovery), a loose transaction for the mempool, or a task to run on
 * the state thread. Mutable and reused; the clearing handler drops references.
 */
final class PipelineEvent {
  enum Kind { HEADER, BLOCK_TX, LOOSE_TX, TASK }

  Kind kind;
  BlockWork block;
  /** The transaction's index in its block ({@code block.decoded}). */
  int index;
  PreparedTransaction prepared;
  LooseTx loose;
  Runnable task;
  /** True on the last event of a block (the apply handler pushes the block then). */
  boolean last;

  void clear() {
    kind = null;
    block = null;
    prepared = null;
    loose = null;
    task = null;
    last = false;
    index = 0;
  }
}
