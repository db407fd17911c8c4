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
import io.graphyne.node.pipeline.BlockPipeline;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validating core of issue 7 run by the node: blocks and transactions from peers go through the
 * Disruptor {@link BlockPipeline} (sharded signature recovery, then one apply thread, the only
 * thread that mutates state; block production and reads run there too, in order with blocks). Keeps the counters of the progress line and a bounded log of transaction verdicts (the
 * devnet checks them).
 */
public final class CoreChainModule implements ChainModule {
  private static final Logger LOG = LoggerFactory.getLogger(CoreChainModule.class);
  /** How many transaction verdicts are remembered. */
  public static final int VERDICT_LOG = 200_000;
  /** How long the P2P thread waits for a block's verdict. */
  public static final long BLOCK_WAIT_SECONDS = 30;

  private final ChainPreset chain;
  private final Optional<Path> genesisFile;
  private final Clock clock;
  private final Secp256k1 secp = Secp256k1Provider.system();
  private final int recoveryThreads;
  private volatile BlockPipeline pipeline;
  private final Map<Bytes, Boolean> queued = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicReference<ChainAccess.Head> queuedTip =
      new java.util.concurrent.atomic.AtomicReference<>();
  private volatile ChainController controller;
  private final io.graphyne.node.chain.MaintenanceTrust trust;
  private final boolean witnessSetFromProduction;
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
  public CoreChainModule(ChainPreset chain, Optional<Path> genesisFile, Clock clock, int recoveryThreads) {
    this(chain, genesisFile, clock, recoveryThreads, io.graphyne.node.chain.MaintenanceTrust.KEEP_LAST_KNOWN, false);
  }

  /**
   * @param trust the maintenance trust source
   * @param witnessSetFromProduction learn the active set from production after maintenances the
   *     source does not cover (see {@link ChainController.Options#witnessSetFromProduction()})
   */
  public CoreChainModule(ChainPreset chain, Optional<Path> genesisFile, Clock clock, int recoveryThreads,
      io.graphyne.node.chain.MaintenanceTrust trust, boolean witnessSetFromProduction) {
    this.trust = trust;
    this.witnessSetFromProduction = witnessSetFromProduction;
    this.recoveryThreads = recoveryThreads;
    this.chain = chain;
    this.genesisFile = genesisFile;
    this.clock = clock;
  }

  @Override
  public void open(ChainStore store) throws Exception {
    // no other thread touches the store yet: initialise and open the controller here, then hand
    // the controller to the pipeline, whose apply thread is from now on the only one mutating it
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
    ChainController c = ChainController.open(store, ChainController.Options.defaults(chain.hardforks()).withClock(clock)
        .withTrust(trust).withWitnessSetFromProduction(witnessSetFromProduction));
    LOG.info("maintenance trust: {}; after maintenances it does not cover: {}", trust.source(),
        witnessSetFromProduction ? "active witness set learned from production" : "last known active witness set (strict)");
    c.addListener(new ChainController.Listener() {
      @Override
      public void blockApplied(PreparedBlock block, BlockResult result) {
        blocks.incrementAndGet();
        transactions.addAndGet(result.transactions());
        signatures.addAndGet(result.signatures());
        refreshHead();
        for (Consumer<BlockResult> l : appliedListeners) {
          l.accept(result);
        }
      }

      @Override
      public void blockPopped(long blockNum, Bytes blockId) {
        refreshHead();
      }
    });
    controller = c;
    refreshHead();
    pipeline = new BlockPipeline(c, secp, BlockPipeline.Config.threads(recoveryThreads), null).start();
  }

  private void refreshHead() {
    ChainController.HeadInfo h = controller.head();
    head = new HeadView(h.blockNum(), h.blockId(), h.timeSeconds(), h.lastIrreversibleBlockNum());
  }

  /** Runs a task on the state thread (the pipeline's apply thread, in order with blocks) and waits. */
  public <T> T onState(Callable<T> task, long timeoutSeconds) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    pipeline.runOnStateThread(() -> {
      try {
        f.complete(task.call());
      } catch (Exception e) {
        f.completeExceptionally(e);
      }
    });
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

  /**
   * A block from a peer. When its parent is known (the head or queued) it is queued in the pipeline
   * and reported ACCEPTED at once, so recovery of many blocks overlaps; otherwise (a fork or an
   * unknown parent) the verdict is awaited.
   */
  @Override
  public ChainAccess.BlockVerdict block(SignedBlock block, Bytes raw, Bytes blockId, ChainAccess.PeerRef from) {
    if (queued.containsKey(blockId) || controller.store().state().blockNumber(blockId).isPresent()) {
      return ChainAccess.BlockVerdict.ALREADY_KNOWN;
    }
    Bytes prev = block.header().previous();
    boolean linked = prev.equals(head.id()) || queued.containsKey(prev);
    CompletableFuture<BlockResult> f;
    try {
      queued.put(blockId, Boolean.TRUE);
      f = pipeline.submitBlock(raw.toArray());
    } catch (IllegalStateException e) {
      queued.remove(blockId);
      LOG.warn("block {} not submitted: {}", block.blockNum(), e.toString());
      return ChainAccess.BlockVerdict.NOT_NEEDED;
    }
    if (linked) {
      ChainAccess.Head tip = new ChainAccess.Head(block.blockNum(), blockId, block.header().timestamp().getEpochSecond());
      queuedTip.accumulateAndGet(tip, (a, b) -> a == null || b.num() > a.num() ? b : a);
    }
    f.whenComplete((r, e) -> {
      queued.remove(blockId);
      if (r == null || !r.accepted()) {
        queuedTip.set(null); // what was queued after it cannot apply either
      }
      if (r != null) {
        if (!r.accepted()) {
          LOG.atInfo().setMessage("block from {} rejected: {}").addArgument(from.remoteAddress()).addArgument(r).log();
        }
      }
    });
    if (linked) {
      return ChainAccess.BlockVerdict.ACCEPTED;
    }
    try {
      return verdict(f.get(BLOCK_WAIT_SECONDS, TimeUnit.SECONDS));
    } catch (TimeoutException e) {
      LOG.warn("block {} not processed within {} s", block.blockNum(), BLOCK_WAIT_SECONDS);
      return ChainAccess.BlockVerdict.NOT_NEEDED;
    } catch (Exception e) {
      LOG.warn("block {} failed: {}", block.blockNum(), e.toString());
      return ChainAccess.BlockVerdict.NOT_NEEDED;
    }
  }

  @Override
  public Optional<ChainAccess.Head> queuedTip() {
    ChainAccess.Head t = queuedTip.get();
    return t == null || t.num() <= head.num() ? Optional.empty() : Optional.of(t);
  }

  /** True while a block is queued in the pipeline. */
  @Override
  public boolean queued(Bytes blockId) {
    return queued.containsKey(blockId);
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

  /**
   * A transaction from a peer: validated on the state thread (bitshares-core's {@code
   * push_transaction}); the verdict tells p2p whether to relay it. Submission never waits for room
   * in the ring: when the pipeline is nearly full (blocks have priority) the transaction is not
   * judged and not relayed, as a busy core node would drop it.
   */
  @Override
  public java.util.concurrent.CompletionStage<ChainAccess.TxVerdict> transaction(SignedTransaction t, ChainAccess.PeerRef from) {
    BlockPipeline p = pipeline;
    if (p == null || p.failure() != null || p.backPressure()) {
      return CompletableFuture.completedFuture(ChainAccess.TxVerdict.NOT_PROCESSED);
    }
    try {
      return p.submitTransaction(t).thenApply(r -> {
        record(r);
        if (r.reason() != Reason.ACCEPTED && LOG.isDebugEnabled()) {
          LOG.debug("transaction {} from {} rejected: {}", r.txId(), from.remoteAddress(), r);
        }
        return txVerdict(r);
      });
    } catch (IllegalStateException e) {
      LOG.warn("transaction not submitted: {}", e.toString());
      return CompletableFuture.completedFuture(ChainAccess.TxVerdict.NOT_PROCESSED);
    }
  }

  /**
   * The p2p verdict of a mempool verdict: duplicates (mempool or recent blocks) and expired
   * transactions are dropped silently, a full mempool is not the peer's fault, anything else is
   * invalid.
   */
  static ChainAccess.TxVerdict txVerdict(TxResult r) {
    return switch (r.reason()) {
      case ACCEPTED -> ChainAccess.TxVerdict.ACCEPTED;
      case ALREADY_KNOWN, T2_DUPLICATE, T6_EXPIRED -> ChainAccess.TxVerdict.ALREADY_KNOWN;
      case MEMPOOL_FULL -> ChainAccess.TxVerdict.NOT_PROCESSED;
      default -> ChainAccess.TxVerdict.INVALID;
    };
  }

  /** Submits a transaction and returns its verdict (tools, tests). */
  public TxResult pushTransaction(SignedTransaction t) throws Exception {
    return record(pipeline.submitTransaction(t).get(30, TimeUnit.SECONDS));
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

  /** Drains the pipeline (everything queued is applied and committed), then stops its threads. */
  @Override
  public void close() throws Exception {
    BlockPipeline p = pipeline;
    if (p == null) {
      return;
    }
    if (p.failure() == null) {
      p.drain();
    }
    p.close();
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
