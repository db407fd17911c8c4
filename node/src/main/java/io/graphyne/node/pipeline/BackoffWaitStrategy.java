package io.graphyne.node.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits by spinning briefly, then parking with a doubling interval up to a ceiling. Built for a
 * pipeline whose threads outnumber the cores: a waiting handler must give its core back to the
 * working ones rather than wake up tens of thousands of times a second (Disruptor's {@code
 * SleepingWaitStrategy} with a short sleep cost the two idle tail handlers ~6% of all CPU on 2
 * cores), and Disruptor's {@code BlockingWaitStrategy} only blocks on the publisher's cursor, not
 * on the handlers a stage depends on. The ceiling bounds the extra latency a waiting stage adds
 * when work arrives (a block every few seconds on a live chain; a deep queue during sync).
 */
final class BackoffWaitStrategy implements WaitStrategy {
  private final int spinTries;
  private final long minParkNanos;
  private final long maxParkNanos;
  /** A handler thread's own steady back-off, set in its onStart; null = the defaults. */
  private static final ThreadLocal<Own> OWN = new ThreadLocal<>();

  /**
   * A thread's own back-off, which keeps its park interval from one wait to the next: a stage that
   * trails a steady stream of events (the apply stage behind the recovery threads, the tail stages
   * behind it) then wakes about once per interval and takes what has arrived, instead of starting
   * again at the shortest park after every batch and waking thousands of times a second to take a
   * handful of events (measured: the commit and clear threads spent ~0.15 CPU-s per replay in
   * futex calls). The interval doubles after a wake that found nothing and halves when a wake
   * finds a backlog, so it settles where each wake finds a small batch.
   */
  private static final class Own {
    final int spinTries;
    final long minParkNanos;
    final long maxParkNanos;
    final long backlog;
    long park;
    /** Parks so far (for tests and tuning). */
    long parks;

    Own(int spinTries, long minParkNanos, long maxParkNanos, long backlog) {
      this.spinTries = spinTries;
      this.minParkNanos = minParkNanos;
      this.maxParkNanos = maxParkNanos;
      this.backlog = backlog;
      this.park = minParkNanos;
    }
  }

  /**
   * Gives the calling handler thread its own steady back-off (see {@link Own}): the park interval
   * carries over from one wait to the next, between {@code minParkNanos} and {@code maxParkNanos},
   * halving when a wake finds at least {@code backlog} events waiting. The tail stages, which only
   * hand results on and free slots, can look less often than the stages on the critical path.
   */
  static void steadyForThisThread(int spinTries, long minParkNanos, long maxParkNanos, long backlog) {
    check(spinTries, minParkNanos, maxParkNanos);
    if (backlog < 1) {
      throw new IllegalArgumentException("bad backlog: " + backlog);
    }
    OWN.set(new Own(spinTries, minParkNanos, maxParkNanos, backlog));
  }

  /** Parks of the calling thread's own back-off so far (0 without one). */
  static long parksOfThisThread() {
    Own own = OWN.get();
    return own == null ? 0 : own.parks;
  }

  private static void check(int spinTries, long minParkNanos, long maxParkNanos) {
    if (spinTries < 0 || minParkNanos <= 0 || maxParkNanos < minParkNanos) {
      throw new IllegalArgumentException("bad backoff: " + spinTries + ", " + minParkNanos + ", " + maxParkNanos);
    }
  }

  BackoffWaitStrategy(int spinTries, long minParkNanos, long maxParkNanos) {
    check(spinTries, minParkNanos, maxParkNanos);
    this.spinTries = spinTries;
    this.minParkNanos = minParkNanos;
    this.maxParkNanos = maxParkNanos;
  }

  @Override
  public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
      throws AlertException {
    long available = dependentSequence.get();
    if (available >= sequence) {
      return available;
    }
    Own own = OWN.get();
    if (own != null) {
      return waitSteady(own, sequence, dependentSequence, barrier);
    }
    long park = minParkNanos;
    int spins = 0;
    while ((available = dependentSequence.get()) < sequence) {
      barrier.checkAlert();
      if (spins < spinTries) {
        spins++;
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(park);
        park = Math.min(park << 1, maxParkNanos);
      }
    }
    return available;
  }

  private static long waitSteady(Own own, long sequence, Sequence dependentSequence, SequenceBarrier barrier)
      throws AlertException {
    long available;
    int spins = 0;
    boolean parked = false;
    while ((available = dependentSequence.get()) < sequence) {
      barrier.checkAlert();
      if (spins < own.spinTries) {
        spins++;
        Thread.onSpinWait();
        continue;
      }
      if (parked) {
        own.park = Math.min(own.park << 1, own.maxParkNanos); // woke to nothing: look less often
      }
      LockSupport.parkNanos(own.park);
      own.parks++;
      parked = true;
    }
    if (parked && available - sequence + 1 >= own.backlog) {
      own.park = Math.max(own.park >> 1, own.minParkNanos); // a backlog built up: look more often
    }
    return available;
  }

  @Override
  public void signalAllWhenBlocking() {
    // nobody blocks on a monitor: waiting threads wake up on their own
  }
}
