package io.graphyne.node.run;

import io.graphyne.chainstore.ChainStore;
import io.graphyne.protocol.Bytes;
import java.util.Map;

/**
 * The validating core as the node runs it: opened over the store once the store is open (it
 * initialises genesis state when the store is empty), fed by the P2P layer through {@link
 * ChainSink}, drained and committed on close. Counters feed the progress line and the devnet view.
 */
public interface ChainModule extends ChainSink {
  /** Opens the core over an open store. */
  void open(ChainStore store) throws Exception;

  /** Drains queued work and commits; the store is closed after this returns. */
  void close() throws Exception;

  /** Head block number, id, time (seconds) and LIB. */
  HeadView head();

  /** Totals since start: blocks and transactions applied, signatures verified. */
  Counters counters();

  /** Transactions rejected since start, by reason name. */
  Map<String, Long> rejectedByReason();

  /** Transactions accepted into the mempool since start. */
  long acceptedTransactions();

  /** The state hash of the committed head. */
  Bytes stateHash();

  record HeadView(long num, Bytes id, long timeSeconds, long lastIrreversible) {}

  record Counters(long blocks, long transactions, long signatures) {}
}
