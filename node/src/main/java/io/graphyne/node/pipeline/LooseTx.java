package io.graphyne.node.pipeline;

import io.graphyne.node.chain.TxResult;
import io.graphyne.protocol.SignedTransaction;
import java.util.concurrent.CompletableFuture;

/** A transaction for the mempool travelling through the ring. */
record LooseTx(SignedTransaction tx, CompletableFuture<TxResult> result) {}
