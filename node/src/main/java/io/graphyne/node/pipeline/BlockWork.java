package io.graphyne.node.pipeline;

import io.graphyne.crypto.RecoveryFailure;
import io.graphyne.node.chain.BlockResult;
import io.graphyne.node.chain.PreparedTransaction;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.codec.DecodedBlock;
import java.util.concurrent.CompletableFuture;

/** A block travelling through the ring: its decoded form and the slots the stages fill in. */
final class BlockWork {
  final SignedBlock block;
  /** The block with each transaction's byte range in {@link #raw} (digests hash them directly). */
  final DecodedBlock decoded;
  final byte[] raw;
  final PreparedTransaction[] txs;
  final CompletableFuture<BlockResult> result;
  final long submittedNanos;
  volatile PublicKey signee;
  volatile RecoveryFailure signeeFailure;
  BlockResult outcome;

  BlockWork(DecodedBlock decoded, CompletableFuture<BlockResult> result) {
    this.decoded = decoded;
    this.block = decoded.block();
    this.raw = decoded.raw();
    this.txs = new PreparedTransaction[this.block.transactions().size()];
    this.result = result;
    this.submittedNanos = System.nanoTime();
  }
}
