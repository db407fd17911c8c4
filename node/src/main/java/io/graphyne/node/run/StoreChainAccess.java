package io.graphyne.node.run;

import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.Head;
import io.graphyne.chainstore.StateReader;
import io.graphyne.p2p.chain.BlockHeaders;
import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.p2p.session.DisconnectReason;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The P2P layer's view of a node: reads (head, synopsis, ids after a synopsis, blocks by id) come
 * from the chain store's committed main chain; blocks and transactions from peers go to the
 * validating core through a {@link ChainSink}. Block ids by number are cached (bounded).
 */
public final class StoreChainAccess implements ChainAccess {
  private static final Logger LOG = LoggerFactory.getLogger(StoreChainAccess.class);
  private static final int ID_CACHE = 20_000;

  private final ChainStore store;
  private final ChainSink sink;
  private final Map<Long, Bytes> ids = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Bytes> e) {
      return size() > ID_CACHE;
    }
  };

  public StoreChainAccess(ChainStore store, ChainSink sink) {
    this.store = store;
    this.sink = sink;
  }

  @Override
  public Head head() {
    io.graphyne.chainstore.Head h = store.head();
    if (h.blockNum() == 0) {
      return Head.EMPTY;
    }
    long time = store.state().block(h.blockNum()).map(b -> BlockHeaders.parse(b).timestamp()).orElse(0L);
    return new Head(h.blockNum(), h.blockId(), time);
  }

  /** Id of main-chain block {@code num}, if stored. */
  public Optional<Bytes> idAt(long num) {
    synchronized (ids) {
      Bytes id = ids.get(num);
      if (id != null) {
        return Optional.of(id);
      }
    }
    Optional<Bytes> id = store.state().block(num).map(b -> BlockHeaders.parse(b).id());
    id.ifPresent(i -> {
      synchronized (ids) {
        ids.put(num, i);
      }
    });
    return id;
  }

  /** spec/p2p.md §4.3: from the last irreversible block, halving the distance to the head. */
  @Override
  public List<Bytes> synopsis() {
    io.graphyne.chainstore.Head h = store.head();
    List<Bytes> out = new ArrayList<>();
    long high = h.blockNum();
    if (high == 0) {
      sink.queuedTip().ifPresent(t -> out.add(t.id()));
      return out;
    }
    long low = Math.max(1, Math.min(h.lastIrreversibleBlockNum(), high));
    do {
      idAt(low).ifPresent(out::add);
      low += (high - low + 2) / 2;
    } while (low <= high);
    sink.queuedTip().filter(t -> t.num() > high).ifPresent(t -> out.add(t.id()));
    return out;
  }

  @Override
  public IdsAfter blockIdsAfter(List<Bytes> synopsis, int limit) {
    StateReader s = store.state();
    return IdsAfter.of(synopsis, limit, store.head().blockNum(),
        id -> s.blockNumber(id).filter(n -> idAt(n).map(id::equals).orElse(false)), this::idAt);
  }

  @Override
  public boolean hasBlock(Bytes blockId) {
    return sink.queued(blockId) || store.state().blockNumber(blockId).isPresent();
  }

  @Override
  public Optional<Bytes> blockById(Bytes blockId) {
    StateReader s = store.state();
    return s.blockNumber(blockId).flatMap(s::block).map(Bytes::wrap);
  }

  @Override
  public BlockVerdict blockArrived(SignedBlock block, Bytes raw, Bytes blockId, PeerRef from) {
    return sink.block(block, raw, blockId, from);
  }

  @Override
  public java.util.concurrent.CompletionStage<TxVerdict> transactionArrived(SignedTransaction transaction, PeerRef from) {
    return sink.transaction(transaction, from);
  }

  @Override
  public void peerMisbehaved(PeerRef peer, DisconnectReason reason, String detail) {
    LOG.atInfo().setMessage("peer {} misbehaved: {} {}").addArgument(peer.remoteAddress()).addArgument(reason)
        .addArgument(detail).log();
  }

  /** Forgets cached ids at and above a block number (after blocks were popped). */
  public void forgetFrom(long num) {
    synchronized (ids) {
      ids.keySet().removeIf(n -> n >= num);
    }
  }
}
