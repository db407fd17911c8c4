package io.graphyne.p2p.chain;

import io.graphyne.p2p.session.DisconnectReason;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A {@link ChainAccess} that hands every call to another one; extend it to change one behaviour
 * (judge transactions differently, record what arrives) and keep the rest.
 */
public abstract class ForwardingChainAccess implements ChainAccess {
  private final ChainAccess delegate;

  protected ForwardingChainAccess(ChainAccess delegate) {
    this.delegate = delegate;
  }

  @Override
  public Head head() {
    return delegate.head();
  }

  @Override
  public List<Bytes> synopsis() {
    return delegate.synopsis();
  }

  @Override
  public IdsAfter blockIdsAfter(List<Bytes> synopsis, int limit) {
    return delegate.blockIdsAfter(synopsis, limit);
  }

  @Override
  public boolean hasBlock(Bytes blockId) {
    return delegate.hasBlock(blockId);
  }

  @Override
  public Optional<Bytes> blockById(Bytes blockId) {
    return delegate.blockById(blockId);
  }

  @Override
  public BlockVerdict blockArrived(SignedBlock block, Bytes raw, Bytes blockId, PeerRef from) {
    return delegate.blockArrived(block, raw, blockId, from);
  }

  @Override
  public CompletionStage<TxVerdict> transactionArrived(SignedTransaction transaction, PeerRef from) {
    return delegate.transactionArrived(transaction, from);
  }

  @Override
  public void peerMisbehaved(PeerRef peer, DisconnectReason reason, String detail) {
    delegate.peerMisbehaved(peer, reason, detail);
  }
}
