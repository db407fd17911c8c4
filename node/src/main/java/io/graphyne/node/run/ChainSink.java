package io.graphyne.node.run;

import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import java.util.List;

/**
 * Where the P2P layer's blocks and transactions go: the validating core (pipeline and chain
 * controller). Called from the P2P sync thread; must not block for long.
 */
public interface ChainSink {
  /** A block from a peer, decoded, with its raw bytes and checked id. */
  ChainAccess.BlockVerdict block(SignedBlock block, Bytes raw, Bytes blockId, ChainAccess.PeerRef from);

  /** Transactions from a peer, not yet validated. */
  void transactions(List<SignedTransaction> transactions, ChainAccess.PeerRef from);
}
