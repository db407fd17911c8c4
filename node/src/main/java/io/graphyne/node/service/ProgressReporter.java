package io.graphyne.node.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Prints a fixed-format progress line every interval: head, LIB, peers, blocks/s, tx/s,
 * signatures/s and how far the head is behind the wall clock (in blocks and seconds).
 */
public final class ProgressReporter implements Service {
  private final Supplier<NodeStatus> status;
  private final Duration interval;
  private final int blockIntervalSeconds;
  private final Clock clock;
  private final Consumer<String> out;
  private ScheduledExecutorService timer;
  private NodeStatus last = NodeStatus.EMPTY;
  private long lastNanos;

  public ProgressReporter(
      Supplier<NodeStatus> status, Duration interval, int blockIntervalSeconds, Clock clock, Consumer<String> out) {
    this.status = status;
    this.interval = interval;
    this.blockIntervalSeconds = Math.max(1, blockIntervalSeconds);
    this.clock = clock;
    this.out = out;
  }

  @Override
  public String name() {
    return "progress";
  }

  @Override
  public synchronized void start() {
    last = status.get();
    lastNanos = System.nanoTime();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "graphyne-progress");
      t.setDaemon(true);
      return t;
    });
    long ms = interval.toMillis();
    timer.scheduleAtFixedRate(this::report, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void report() {
    try {
      out.accept(line());
    } catch (RuntimeException e) {
      out.accept("progress unavailable: " + e);
    }
  }

  /** The next progress line (also advances the rate window). */
  public synchronized String line() {
    NodeStatus now = status.get();
    long t = System.nanoTime();
    double secs = Math.max(1e-3, (t - lastNanos) / 1e9);
    String s = format(now, last, secs, clock.instant().getEpochSecond(), blockIntervalSeconds);
    last = now;
    lastNanos = t;
    return s;
  }

  /** The line for a status, the previous one, the seconds between them and the wall clock. */
  public static String format(NodeStatus now, NodeStatus prev, double seconds, long wallSeconds, int blockInterval) {
    long behindSeconds = now.headTimeSeconds() == 0 ? 0 : Math.max(0, wallSeconds - now.headTimeSeconds());
    long behindBlocks = behindSeconds / Math.max(1, blockInterval);
    return String.format(
        Locale.ROOT,
        "progress head=%d lib=%d peers=%d blocks/s=%.1f tx/s=%.1f sig/s=%.1f behind=%d blocks (%d s)",
        now.headNum(), now.lastIrreversible(), now.peers(),
        (now.blocksApplied() - prev.blocksApplied()) / seconds,
        (now.transactionsApplied() - prev.transactionsApplied()) / seconds,
        (now.signaturesVerified() - prev.signaturesVerified()) / seconds,
        behindBlocks, behindSeconds);
  }

  @Override
  public synchronized void stop() throws InterruptedException {
    if (timer != null) {
      timer.shutdownNow();
      timer.awaitTermination(1, TimeUnit.SECONDS);
    }
  }

  @Override
  public Duration stopTimeout() {
    return Duration.ofSeconds(1);
  }
}
