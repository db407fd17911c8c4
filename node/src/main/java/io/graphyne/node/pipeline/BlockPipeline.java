package io.graphyne.node.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.graphyne.crypto.Recovery;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.node.chain.BlockResult;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.chain.CodecWarmup;
import io.graphyne.node.chain.PreparedBlock;
import io.graphyne.node.chain.PreparedTransaction;
import io.graphyne.node.chain.Reason;
import io.graphyne.node.chain.TxResult;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodedBlock;
import io.graphyne.protocol.codec.DecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The block pipeline on an LMAX Disruptor 4 ring (ARCHITECTURE.md "node", STYLE 3, 4, 8):
 *
 * <ol>
 *   <li><b>split</b> (the submitting thread): decode the block, publish one header event and one
 *       event per transaction;
 *   <li><b>recover</b> x N: handler {@code i} takes the events with {@code sequence % N == i}:
 *       transaction digests (id, signing digest, merkle leaf, sizes, stateless T1) and signer
 *       recovery, or the witness signee for a header;
 *   <li><b>apply</b> (one thread, block order): when a block's last event arrives, its {@link
 *       PreparedBlock} is pushed through the {@link ChainController}, which validates and applies
 *       it (the store writes one atomic batch per block); loose transactions go to the mempool and
 *       tasks run here, so this is the only thread that mutates state;
 *   <li><b>commit</b>: completes the block's future, updates counters and calls the listener;
 *   <li><b>clear</b>: drops the slot's references.
 * </ol>
 *
 * <p>Back-pressure: {@link #remainingCapacity()} and {@link #backPressure()} (fewer than a quarter
 * of the slots free) tell p2p to stop requesting blocks; {@link #submitBlock} blocks when the ring
 * is full, {@link #trySubmitBlock} refuses instead. Per-stage metrics: {@link #metrics()}.
 */
public final class BlockPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BlockPipeline.class);

  /**
   * 16,384 events: dozens of full blocks in flight at BitShares' sizes, 16 of the benchmark's
   * 1,000-transaction blocks. A larger ring only lets the reader decode further ahead, and every
   * decoded transaction waiting in it is copied by each young collection (measured: 65,536 slots
   * left 140 MB live after a young collection mid-replay, 16,384 slots 124 MB).
   */
  public static final int DEFAULT_RING_SIZE = 1 << 14;
  private static final int SPIN_TRIES = Integer.getInteger("graphyne.pipeline.spinTries", 200);
  private static final long MIN_PARK_NANOS = 20_000;
  private static final long SYNC_INTERVAL_NANOS = 1_000_000_000L;
  private static final long MAX_PARK_NANOS = Long.getLong("graphyne.pipeline.maxParkMicros", 1000) * 1000;
  /**
   * The commit and clear stages (verdicts handed on, slots freed) look less often: at most 4 ms
   * more latency for a verdict, a few hundred slots freed later, far fewer wake-ups.
   */
  private static final long TAIL_MAX_PARK_NANOS =
      Math.max(1, Long.getLong("graphyne.pipeline.tailMaxParkMicros", 4000)) * 1000;
  private static final long TAIL_MIN_PARK_NANOS = Math.min(500_000, TAIL_MAX_PARK_NANOS);

  /** Settings; {@code recoveryThreads} defaults to the number of cores. */
  public record Config(int recoveryThreads, int ringSize) {
    public Config {
      if (recoveryThreads < 1 || recoveryThreads > 256) {
        throw new IllegalArgumentException("recovery threads must be 1..256");
      }
      if (Integer.bitCount(ringSize) != 1 || ringSize < 64) {
        throw new IllegalArgumentException("ring size must be a power of two >= 64");
      }
    }

    public static Config defaults() {
      return new Config(Runtime.getRuntime().availableProcessors(), DEFAULT_RING_SIZE);
    }

    public static Config threads(int n) {
      return new Config(n, DEFAULT_RING_SIZE);
    }
  }

  /**
   * Events, busy time (wall clock inside the handler), queue depth and CPU time of one stage. For a
   * handler stage the CPU time is its thread's, waiting included (parking costs little); for split
   * it is the submitting thread's CPU inside {@link #submitBlock}. -1 where the JVM cannot measure
   * thread CPU time.
   */
  public record StageMetrics(String stage, long events, long busyNanos, long queueDepth, long cpuNanos) {}

  /** A snapshot of the pipeline's counters. */
  public record Metrics(List<StageMetrics> stages, long remainingCapacity, long blocks, long transactions,
      long signatures, long rejectedBlocks) {}

  private final ChainController chain;
  private final Secp256k1 secp;
  private final Bytes chainId;
  private final Config config;
  private final Consumer<BlockResult> listener;
  private Disruptor<PipelineEvent> disruptor;
  private RingBuffer<PipelineEvent> ring;
  private final Stage splitStage = new Stage("split");
  private final Stage[] recoverStages;
  private final Stage applyStage = new Stage("apply");
  private final Stage commitStage = new Stage("commit");
  private final Stage clearStage = new Stage("clear");
  private final LongAdder blocks = new LongAdder();
  private final LongAdder transactions = new LongAdder();
  private final LongAdder signatures = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private volatile Throwable failure;

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
  private static final boolean THREAD_CPU = THREADS.isCurrentThreadCpuTimeSupported();

  private static final class Stage {
    final String name;
    final LongAdder events = new LongAdder();
    final LongAdder nanos = new LongAdder();
    /** CPU of the submitting threads inside submitBlock (split only). */
    final LongAdder cpu = new LongAdder();
    volatile com.lmax.disruptor.EventHandlerIdentity handler;
    /** The handler thread, while it runs. */
    volatile long threadId = -1;
    /** The handler thread's CPU time when it ended (-1 while it runs). */
    volatile long cpuAtEnd = -1;

    Stage(String name) {
      this.name = name;
    }

    void started() {
      threadId = Thread.currentThread().getId();
    }

    void ended() {
      cpuAtEnd = THREAD_CPU ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    long cpuNanos() {
      if (!THREAD_CPU) {
        return -1;
      }
      long end = cpuAtEnd;
      if (end >= 0) {
        return end;
      }
      long id = threadId;
      return id < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(id)); // not started yet: 0
    }
  }

  /**
   * A pipeline in front of {@code chain}; {@code listener} (may be null) sees every block verdict
   * on the commit thread. Call {@link #start()} before submitting.
   */
  public BlockPipeline(ChainController chain, Secp256k1 secp, Config config, Consumer<BlockResult> listener) {
    this.chain = chain;
    this.secp = secp;
    this.chainId = chain.chainId();
    this.config = config;
    this.listener = listener;
    this.recoverStages = new Stage[config.recoveryThreads()];
    for (int i = 0; i < recoverStages.length; i++) {
      recoverStages[i] = new Stage("recover-" + i);
    }
  }

  /** Starts the handler threads. */
  public synchronized BlockPipeline start() {
    if (disruptor != null) {
      throw new IllegalStateException("already started");
    }
    CodecWarmup.ensure();
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, "graphyne-pipeline-" + n.getAndIncrement());
      t.setDaemon(true);
      return t;
    };
    // Parking with backoff, not blocking: Disruptor's BlockingWaitStrategy blocks only on the
    // publisher's cursor and busy-spins while a handler waits for the handlers before it, which
    // starves the recovery threads on a 2-core machine (measured: 75% of all samples in the spin loop).
    disruptor = new Disruptor<>(PipelineEvent::new, config.ringSize(), tf, ProducerType.MULTI,
        new BackoffWaitStrategy(SPIN_TRIES, MIN_PARK_NANOS, MAX_PARK_NANOS));
    disruptor.setDefaultExceptionHandler(new FailFast());
    int threads = config.recoveryThreads();
    @SuppressWarnings("unchecked")
    EventHandler<PipelineEvent>[] recovery = new EventHandler[threads];
    for (int i = 0; i < threads; i++) {
      recovery[i] = new RecoveryHandler(i, threads, recoverStages[i]);
    }
    ApplyHandler apply = new ApplyHandler();
    CommitHandler commit = new CommitHandler();
    ClearHandler clear = new ClearHandler();
    disruptor.handleEventsWith(recovery).then(apply).then(commit).then(clear);
    for (int i = 0; i < threads; i++) {
      recoverStages[i].handler = (com.lmax.disruptor.EventHandlerIdentity) recovery[i];
    }
    applyStage.handler = apply;
    commitStage.handler = commit;
    clearStage.handler = clear;
    ring = disruptor.start();
    return this;
  }

  public Config config() {
    return config;
  }

  /** Free slots in the ring. */
  public long remainingCapacity() {
    return ring.remainingCapacity();
  }

  /** True while fewer than a quarter of the slots are free: p2p should stop requesting blocks. */
  public boolean backPressure() {
    return ring.remainingCapacity() < config.ringSize() / 4;
  }

  /** The first handler failure, if any (the pipeline stops accepting work after one). */
  public Throwable failure() {
    return failure;
  }

  /**
   * Decodes and submits a block; blocks while the ring is full. The future completes on the
   * commit thread with the verdict (MALFORMED at once for undecodable bytes).
   */
  public CompletableFuture<BlockResult> submitBlock(byte[] raw) {
    checkRunning();
    long t0 = System.nanoTime();
    long c0 = THREAD_CPU ? THREADS.getCurrentThreadCpuTime() : 0;
    CompletableFuture<BlockResult> f = new CompletableFuture<>();
    DecodedBlock block;
    try {
      block = Codecs.decodeBlock(raw);
    } catch (DecodeException e) {
      splitDone(t0, c0);
      BlockResult r = malformed(e.getMessage());
      rejected.increment();
      f.complete(r);
      if (listener != null) {
        listener.accept(r);
      }
      return f;
    }
    BlockWork w = new BlockWork(block, f);
    publishBlock(w);
    splitDone(t0, c0);
    splitStage.events.add(1 + w.txs.length);
    return f;
  }

  /** Adds the wall and CPU time of one submitBlock call, started at {@code t0} / {@code c0}. */
  private void splitDone(long t0, long c0) {
    splitStage.nanos.add(System.nanoTime() - t0);
    if (THREAD_CPU) {
      splitStage.cpu.add(THREADS.getCurrentThreadCpuTime() - c0);
    }
  }

  /** As {@link #submitBlock} but returns null instead of waiting when the ring lacks room. */
  public CompletableFuture<BlockResult> trySubmitBlock(byte[] raw) {
    checkRunning();
    if (ring.remainingCapacity() < 1L + estimateEvents(raw)) {
      return null;
    }
    return submitBlock(raw);
  }

  /**
   * Events a block of this size may need (a transaction is at least ~100 bytes), capped at half the
   * ring: a block with more transactions is published in batches as room frees up.
   */
  private long estimateEvents(byte[] raw) {
    return Math.min(raw.length / 100 + 1, config.ringSize() / 2);
  }

  private void publishBlock(BlockWork w) {
    int n = w.txs.length;
    long seq = claim(1);
    PipelineEvent e = ring.get(seq);
    e.kind = PipelineEvent.Kind.HEADER;
    e.block = w;
    e.last = n == 0;
    ring.publish(seq);
    int i = 0;
    while (i < n) {
      int batch = Math.min(n - i, Math.min(256, config.ringSize() / 2));
      long hi = claim(batch);
      long lo = hi - batch + 1;
      for (long s = lo; s <= hi; s++, i++) {
        PipelineEvent ev = ring.get(s);
        ev.kind = PipelineEvent.Kind.BLOCK_TX;
        ev.block = w;
        ev.index = i;
        ev.last = i == n - 1;
      }
      ring.publish(lo, hi);
    }
  }

  /**
   * Claims {@code n} slots, waiting (parked, not spinning) while the ring lacks room. Unlike {@code
   * RingBuffer.next(n)}, which moves the multi-producer cursor first and then waits for room, this
   * never leaves claimed-but-unpublished slots behind the cursor while the ring is full: handlers
   * waiting on such slots busy-loop outside the wait strategy (measured: a quarter of all pipeline
   * samples on 2 cores, stolen from the apply thread).
   */
  private long claim(int n) {
    long park = MIN_PARK_NANOS;
    while (true) {
      try {
        return ring.tryNext(n);
      } catch (com.lmax.disruptor.InsufficientCapacityException full) {
        if (failure != null) {
          throw new IllegalStateException("pipeline failed", failure);
        }
        java.util.concurrent.locks.LockSupport.parkNanos(park);
        park = Math.min(park << 1, MAX_PARK_NANOS);
      }
    }
  }

  /** Submits a loose transaction for the mempool (signers recovered on a recovery thread). */
  public CompletableFuture<TxResult> submitTransaction(SignedTransaction tx) {
    checkRunning();
    CompletableFuture<TxResult> f = new CompletableFuture<>();
    long seq = claim(1);
    PipelineEvent e = ring.get(seq);
    e.kind = PipelineEvent.Kind.LOOSE_TX;
    e.loose = new LooseTx(tx, f);
    ring.publish(seq);
    return f;
  }

  /** Runs {@code task} on the state thread, in order with the blocks (block production, reads). */
  public CompletableFuture<Void> runOnStateThread(Runnable task) {
    checkRunning();
    CompletableFuture<Void> f = new CompletableFuture<>();
    long seq = claim(1);
    PipelineEvent e = ring.get(seq);
    e.kind = PipelineEvent.Kind.TASK;
    e.task = () -> {
      try {
        task.run();
        f.complete(null);
      } catch (RuntimeException ex) {
        f.completeExceptionally(ex);
      }
    };
    ring.publish(seq);
    return f;
  }

  /** Waits until everything submitted so far has been applied and committed. */
  public void drain() {
    runOnStateThread(() -> {}).join();
    // the task ran on the apply thread; wait for commit and clear of earlier events as well
    long cursor = ring.getCursor();
    while (disruptor.getSequenceValueFor(clearStage.handler) < cursor && failure == null) {
      Thread.onSpinWait();
    }
  }

  private void checkRunning() {
    if (ring == null) {
      throw new IllegalStateException("pipeline not started");
    }
    if (failure != null) {
      throw new IllegalStateException("pipeline failed", failure);
    }
  }

  private BlockResult malformed(String detail) {
    return new BlockResult(Reason.MALFORMED, detail, -1, null, null, null, -1, null, 0, 0, List.of(), java.util.Set.of(), 0);
  }

  public Metrics metrics() {
    long cursor = ring == null ? -1 : ring.getCursor();
    List<StageMetrics> out = new ArrayList<>();
    out.add(new StageMetrics(splitStage.name, splitStage.events.sum(), splitStage.nanos.sum(), 0,
        THREAD_CPU ? splitStage.cpu.sum() : -1));
    for (Stage s : recoverStages) {
      out.add(stage(s, cursor));
    }
    out.add(stage(applyStage, cursor));
    out.add(stage(commitStage, cursor));
    out.add(stage(clearStage, cursor));
    return new Metrics(out, ring == null ? 0 : ring.remainingCapacity(), blocks.sum(), transactions.sum(), signatures.sum(), rejected.sum());
  }

  private StageMetrics stage(Stage s, long cursor) {
    long depth = 0;
    if (disruptor != null && s.handler != null) {
      depth = Math.max(0, cursor - disruptor.getSequenceValueFor(s.handler));
    }
    return new StageMetrics(s.name, s.events.sum(), s.nanos.sum(), depth, s.cpuNanos());
  }

  @Override
  public synchronized void close() {
    if (disruptor != null) {
      try {
        disruptor.shutdown(30, TimeUnit.SECONDS);
      } catch (com.lmax.disruptor.TimeoutException e) {
        LOG.warn("pipeline did not shut down cleanly within 30 s");
        disruptor.halt();
      }
    }
  }

  // ---- handlers ----------------------------------------------------------------------------

  private final class RecoveryHandler implements EventHandler<PipelineEvent>, com.lmax.disruptor.EventHandlerIdentity {
    private final int ordinal;
    private final int count;
    private final Stage stage;

    RecoveryHandler(int ordinal, int count, Stage stage) {
      this.ordinal = ordinal;
      this.count = count;
      this.stage = stage;
    }

    @Override
    public void onStart() {
      Thread.currentThread().setName("graphyne-rec-" + ordinal);
      stage.started();
    }

    @Override
    public void onShutdown() {
      stage.ended();
    }

    @Override
    public void onEvent(PipelineEvent e, long sequence, boolean endOfBatch) {
      if (sequence % count != ordinal) {
        return;
      }
      long t0 = System.nanoTime();
      switch (e.kind) {
        case HEADER -> {
          SignedBlock b = e.block.block;
          Recovery r = secp.recover(b.header().digest().unsafeArray(), b.signedHeader().witnessSignature().unsafeArray());
          e.block.signeeFailure = r.ok() ? null : r.failure();
          e.block.signee = r.ok() ? r.key() : null;
        }
        case BLOCK_TX -> {
          PreparedTransaction p = PreparedTransaction.digest(e.block.decoded, e.index, chainId);
          p.recover(secp);
          e.prepared = p;
        }
        case LOOSE_TX -> {
          PreparedTransaction p = PreparedTransaction.digest(e.loose.tx(), chainId);
          p.recover(secp);
          e.prepared = p;
        }
        default -> {
          return;
        }
      }
      stage.nanos.add(System.nanoTime() - t0);
      stage.events.increment();
    }
  }

  private final class ApplyHandler implements EventHandler<PipelineEvent>, com.lmax.disruptor.EventHandlerIdentity {
    @Override
    public void onStart() {
      Thread.currentThread().setName("graphyne-apply");
      // behind the recovery threads' steady stream: wake about once per interval (at most 1 ms of
      // added latency) and take what arrived, rather than for every few recovered transactions
      BackoffWaitStrategy.steadyForThisThread(SPIN_TRIES, MIN_PARK_NANOS, MAX_PARK_NANOS, config.ringSize() / 8);
      applyStage.started();
    }

    @Override
    public void onShutdown() {
      applyStage.ended();
    }

    @Override
    public void onEvent(PipelineEvent e, long sequence, boolean endOfBatch) {
      long t0 = System.nanoTime();
      switch (e.kind) {
        case HEADER -> {
          if (e.last) {
            apply(e.block);
          }
        }
        case BLOCK_TX -> {
          e.block.txs[e.index] = e.prepared;
          if (e.last) {
            apply(e.block);
          }
        }
        case LOOSE_TX -> e.loose.result().complete(chain.pushTransaction(e.prepared));
        case TASK -> e.task.run();
        default -> {
          return;
        }
      }
      applyStage.nanos.add(System.nanoTime() - t0);
      applyStage.events.increment();
    }

    private void apply(BlockWork w) {
      PreparedBlock pb = new PreparedBlock(w.block, w.raw, Arrays.asList(w.txs));
      pb.setSignee(w.signee, w.signeeFailure);
      w.outcome = chain.pushBlock(pb);
    }
  }

  /**
   * The commit stage: hands verdicts on, and makes committed blocks durable in runs (a store opened
   * with {@code StoreOptions.pipelined()}: the apply thread writes each block's atomic batch
   * without waiting for the disk; this stage fsyncs when the pipeline has nothing more to apply
   * right now and at least once a second while it catches up, off the apply thread).
   */
  private final class CommitHandler implements EventHandler<PipelineEvent>, com.lmax.disruptor.EventHandlerIdentity {
    private long lastSync = System.nanoTime();

    @Override
    public void onStart() {
      Thread.currentThread().setName("graphyne-commit");
      BackoffWaitStrategy.steadyForThisThread(0, TAIL_MIN_PARK_NANOS, TAIL_MAX_PARK_NANOS, config.ringSize() / 8);
      commitStage.started();
    }

    @Override
    public void onShutdown() {
      syncStore();
      commitStage.ended();
    }

    private void maybeSync(long sequence) {
      long now = System.nanoTime();
      if ((ring.getCursor() == sequence || now - lastSync >= SYNC_INTERVAL_NANOS) && chain.store().hasUnsyncedCommits()) {
        syncStore();
      }
    }

    private void syncStore() {
      lastSync = System.nanoTime();
      try {
        if (chain.store().hasUnsyncedCommits()) {
          chain.store().flush();
        }
      } catch (RuntimeException e) {
        LOG.warn("store sync failed", e);
      }
    }

    @Override
    public void onEvent(PipelineEvent e, long sequence, boolean endOfBatch) {
      if (endOfBatch) {
        maybeSync(sequence);
      }
      if (!e.last || (e.kind != PipelineEvent.Kind.HEADER && e.kind != PipelineEvent.Kind.BLOCK_TX)) {
        return;
      }
      long t0 = System.nanoTime();
      BlockWork w = e.block;
      BlockResult r = w.outcome;
      if (r == null) {
        return; // the apply handler failed; the future was completed exceptionally
      }
      if (r.applied()) {
        blocks.increment();
        transactions.add(r.transactions());
        signatures.add(r.signatures());
      } else if (!r.accepted()) {
        rejected.increment();
      }
      if (listener != null) {
        listener.accept(r);
      }
      w.result.complete(r);
      commitStage.nanos.add(System.nanoTime() - t0);
      commitStage.events.increment();
    }
  }

  private final class ClearHandler implements EventHandler<PipelineEvent>, com.lmax.disruptor.EventHandlerIdentity {
    @Override
    public void onStart() {
      Thread.currentThread().setName("graphyne-clear");
      BackoffWaitStrategy.steadyForThisThread(0, TAIL_MIN_PARK_NANOS, TAIL_MAX_PARK_NANOS, config.ringSize() / 8);
      clearStage.started();
    }

    @Override
    public void onShutdown() {
      clearStage.ended();
    }

    @Override
    public void onEvent(PipelineEvent e, long sequence, boolean endOfBatch) {
      e.clear();
      clearStage.events.increment();
    }
  }

  private final class FailFast implements ExceptionHandler<PipelineEvent> {
    @Override
    public void handleEventException(Throwable ex, long sequence, PipelineEvent event) {
      LOG.error("pipeline handler failed at sequence {}", sequence, ex);
      failure = ex;
      if (event.block != null) {
        event.block.result.completeExceptionally(ex);
      }
      if (event.loose != null) {
        event.loose.result().completeExceptionally(ex);
      }
    }

    @Override
    public void handleOnStartException(Throwable ex) {
      failure = ex;
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
      LOG.warn("pipeline shutdown", ex);
    }
  }
}
