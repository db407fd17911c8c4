package io.graphyne.node.pipeline;

import io.graphyne.crypto.RecoveryFailure;
import io.graphyne.node.chain.BlockResult;
import io.graphyne.node.chain.PreparedTransaction;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedBlock;
import java.util.concurrent.CompletableFuture;

/** A block travelling through the ring: its decoded form and the slots the stages fill in. */
final class BlockWork {
  final SignedBlock block;
  final byte[] raw;
  final PreparedTransaction[] txs;
  final CompletableFuture<BlockResult> result;
  final long submittedNanos;
  volatile PublicKey signee;
  volatile RecoveryFailure signeeFailure;
  BlockResult outcome;

  BlockWork(SignedBlock block, byte[] raw, CompletableFuture<BlockResult> result) {
    this.block = block;
    this.raw = raw;
    this.txs = new PreparedTransaction[block.transactions().size()];
    this.result = result;
    this.submittedNanos = System.nanoTime();
  }
}
