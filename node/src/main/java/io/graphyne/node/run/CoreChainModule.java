package io.graphyne.node.run;

import io.graphyne.chainstore.ChainStore;
import io.graphyne.config.ChainPreset;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.chain.BlockResult;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.chain.PreparedBlock;
import io.graphyne.node.chain.PreparedTransaction;
import io.graphyne.node.chain.Reason;
import io.graphyne.node.chain.TxResult;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain controller of issue 7 run by the node: signatures are recovered on the calling (P2P)
 * thread, every state change runs on one state thread ({@value #STATE_THREAD}), as the controller
 * requires. Keeps the counters of the progress line and a bounded log of transaction verdicts (the
 * devnet checks them).
 */
public final class CoreChainModule implements ChainModule {
  private static final Logger LOG = LoggerFactory.getLogger(CoreChainModule.class);
  public static final String STATE_THREAD = "graphyne-state";
  /** How many transaction verdicts are remembered. */
  public static final int VERDICT_LOG = 200_000;
  /** How long the P2P thread waits for a block's verdict. */
  public static final long BLOCK_WAIT_SECONDS = 30;

  private final ChainPreset chain;
  private final Optional<Path> genesisFile;
  private final Clock clock;
  private final Secp256k1 secp = Secp256k1Provider.system();
  private ExecutorService state;
  private volatile ChainController controller;
  private final AtomicLong blocks = new AtomicLong();
  private final AtomicLong transactions = new AtomicLong();
  private final AtomicLong signatures = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
  private final Map<Bytes, TxResult> verdicts = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Bytes, TxResult> e) {
      return size() > VERDICT_LOG;
    }
  };
  private final List<Consumer<BlockResult>> appliedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile HeadView head = new HeadView(0, Bytes.zeros(20), 0, 0);

  /** @param genesisFile the genesis to initialise an empty store from */
  public CoreChainModule(ChainPreset chain, Optional<Path> genesisFile, Clock clock) {
    this.chain = chain;
    this.genesisFile = genesisFile;
    this.clock = clock;
  }

  @Override
  public void open(ChainStore store) throws Exception {
    state = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, STATE_THREAD);
      t.setDaemon(true);
      return t;
    });
    onState(() -> {
      if (!store.hasGenesisState()) {
        Path f = genesisFile.filter(Files::isRegularFile).orElseThrow(() -> new IllegalStateException(
            "the store is empty: give --genesis with the chain's genesis.json (its sha256 must be "
                + chain.chainIdHex() + ")"));
        Genesis g = Genesis.load(f);
        if (!g.chainId().equals(chain.chainId())) {
          throw new IllegalStateException(f + " is the genesis of chain " + g.chainId().toHex() + ", not "
              + chain.chainIdHex());
        }
        g.initialize(store);
        LOG.info("initialised the store from {}", f);
      }
      ChainController c = ChainController.open(store, ChainController.Options.defaults(chain.hardforks()).withClock(clock));
      c.addListener(new ChainController.Listener() {
        @Override
        public void blockApplied(PreparedBlock block, BlockResult result) {
          blocks.incrementAndGet();
          transactions.addAndGet(result.transactions());
          signatures.addAndGet(result.signatures());
          for (Consumer<BlockResult> l : appliedListeners) {
            l.accept(result);
          }
        }
      });
      controller = c;
      refreshHead();
      return null;
    }, 60);
  }

  private void refreshHead() {
    ChainController.HeadInfo h = controller.head();
    head = new HeadView(h.blockNum(), h.blockId(), h.timeSeconds(), h.lastIrreversibleBlockNum());
  }

  /** Runs a task on the state thread and waits for it. */
  public <T> T onState(Callable<T> task, long timeoutSeconds) throws Exception {
    Future<T> f = state.submit(task);
    try {
      return f.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw e;
    }
  }

  /** The controller (touch it only from the state thread, e.g. through {@link #onState}). */
  public ChainController controller() {
    return controller;
  }

  /** Called on the state thread after every block applied to the main chain. */
  public void addAppliedListener(Consumer<BlockResult> l) {
    appliedListeners.add(l);
  }

  @Override
  public ChainAccess.BlockVerdict block(SignedBlock block, Bytes raw, Bytes blockId, ChainAccess.PeerRef from) {
    PreparedBlock p = PreparedBlock.prepare(block, raw.toArray(), chain.chainId(), secp);
    BlockResult r;
    try {
      r = pushBlock(p);
    } catch (TimeoutException e) {
      LOG.warn("block {} not processed within {} s", block.blockNum(), BLOCK_WAIT_SECONDS);
      return ChainAccess.BlockVerdict.NOT_NEEDED;
    } catch (Exception e) {
      LOG.warn("block {} failed: {}", block.blockNum(), e.toString());
      return ChainAccess.BlockVerdict.NOT_NEEDED;
    }
    return verdict(r);
  }

  /** Pushes a prepared block on the state thread (also for a local producer). */
  public BlockResult pushBlock(PreparedBlock p) throws Exception {
    return onState(() -> {
      BlockResult r = controller.pushBlock(p);
      refreshHead();
      return r;
    }, BLOCK_WAIT_SECONDS);
  }

  /** Pushes a block produced on the state thread (call only from the state thread). */
  BlockResult pushProduced(PreparedBlock p) {
    BlockResult r = controller.pushBlock(p);
    refreshHead();
    return r;
  }

  static ChainAccess.BlockVerdict verdict(BlockResult r) {
    return switch (r.reason()) {
      case ACCEPTED, FORK_STORED -> ChainAccess.BlockVerdict.ACCEPTED;
      case ALREADY_KNOWN -> ChainAccess.BlockVerdict.ALREADY_KNOWN;
      case B1_UNLINKABLE -> ChainAccess.BlockVerdict.UNLINKABLE;
      case B1_BELOW_IRREVERSIBLE, B0_FUTURE_TIMESTAMP -> ChainAccess.BlockVerdict.NOT_NEEDED;
      default -> ChainAccess.BlockVerdict.INVALID;
    };
  }

  @Override
  public void transactions(List<SignedTransaction> txs, ChainAccess.PeerRef from) {
    for (SignedTransaction t : txs) {
      PreparedTransaction p = PreparedTransaction.prepare(t, chain.chainId(), secp);
      state.execute(() -> record(controller.pushTransaction(p)));
    }
  }

  /** Pushes a transaction on the state thread and returns the verdict (tools, tests). */
  public TxResult pushTransaction(SignedTransaction t) throws Exception {
    PreparedTransaction p = PreparedTransaction.prepare(t, chain.chainId(), secp);
    return onState(() -> record(controller.pushTransaction(p)), 30);
  }

  /**
   * Counts each transaction once, by its first verdict (peers relay the same transaction several
   * times; later copies are re-checked but not counted again).
   */
  private TxResult record(TxResult r) {
    boolean first;
    synchronized (verdicts) {
      first = verdicts.putIfAbsent(r.txId(), r) == null;
    }
    if (first) {
      if (r.accepted()) {
        accepted.incrementAndGet();
      } else {
        rejected.computeIfAbsent(reasonName(r), k -> new LongAdder()).increment();
      }
    }
    return r;
  }

  /** The reason as shown: the rule, plus the authority error for T3 (t3_authority/missing_active). */
  public static String reasonName(TxResult r) {
    return r.reason().jsonName() + (r.reason() == Reason.T3_AUTHORITY && r.authError() != null
        ? "/" + r.authError().jsonName() : "");
  }

  /** The first verdict this node gave a transaction, if it saw it. */
  public Optional<TxResult> verdict(Bytes txId) {
    synchronized (verdicts) {
      return Optional.ofNullable(verdicts.get(txId));
    }
  }

  @Override
  public void close() throws Exception {
    ExecutorService s = state;
    if (s == null) {
      return;
    }
    // drain: everything queued before this point runs, then the thread ends
    s.shutdown();
    if (!s.awaitTermination(3, TimeUnit.SECONDS)) {
      LOG.warn("state thread did not drain within 3 s");
      s.shutdownNow();
    }
  }

  @Override
  public HeadView head() {
    return head;
  }

  @Override
  public Counters counters() {
    return new Counters(blocks.get(), transactions.get(), signatures.get());
  }

  @Override
  public Map<String, Long> rejectedByReason() {
    Map<String, Long> m = new TreeMap<>();
    rejected.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  @Override
  public long acceptedTransactions() {
    return accepted.get();
  }

  /** Head and state hash read together on the state thread. */
  public record HashedHead(long num, Bytes id, Bytes stateHash) {}

  public HashedHead hashedHead() throws Exception {
    return onState(() -> {
      ChainController.HeadInfo h = controller.head();
      return new HashedHead(h.blockNum(), h.blockId(), controller.store().stateHash());
    }, 30);
  }

  @Override
  public Bytes stateHash() {
    try {
      return hashedHead().stateHash();
    } catch (Exception e) {
      throw new IllegalStateException("state hash unavailable: " + e, e);
    }
  }
}
