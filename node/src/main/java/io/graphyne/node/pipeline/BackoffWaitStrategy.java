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
  /** A handler thread's own back-off, set in its onStart; null = the defaults. */
  private static final ThreadLocal<Own> OWN = new ThreadLocal<>();

  /**
   * A thread's own back-off. A steady one keeps its park interval from one wait to the next: a
   * stage that trails a steady stream of events (the apply stage behind the recovery threads, the
   * tail stages behind it) then wakes about once per interval and takes what has arrived, instead
   * of starting again at the shortest park after every batch and waking thousands of times a
   * second to take a handful of events (measured: the commit and clear threads spent ~0.15 CPU-s
   * per replay in futex calls, the apply thread ~0.12). The interval doubles after a wake that
   * found nothing and halves when a wake finds a backlog, so it settles where each wake finds a
   * small batch.
   */
  static final class Own {
    final int spinTries;
    final long minParkNanos;
    final long maxParkNanos;
    final boolean steady;
    final long backlog;
    long park;
    /** Parks so far (for tests and tuning). */
    long parks;

    Own(int spinTries, long minParkNanos, long maxParkNanos, boolean steady, long backlog) {
      this.spinTries = spinTries;
      this.minParkNanos = minParkNanos;
      this.maxParkNanos = maxParkNanos;
      this.steady = steady;
      this.backlog = backlog;
      this.park = minParkNanos;
    }
  }

  /**
   * Gives the calling handler thread its own back-off: the tail stages, which only hand results on
   * and free slots, can wait longer between looks than the stages on the critical path, and so
   * take their core from the recovery threads less often.
   */
  static void forThisThread(int spinTries, long minParkNanos, long maxParkNanos) {
    check(spinTries, minParkNanos, maxParkNanos);
    OWN.set(new Own(spinTries, minParkNanos, maxParkNanos, false, Long.MAX_VALUE));
  }

  /**
   * As {@link #forThisThread(int, long, long)} but steady: the park interval carries over from one
   * wait to the next, halving when a wake finds at least {@code backlog} events waiting.
   */
  static void steadyForThisThread(int spinTries, long minParkNanos, long maxParkNanos, long backlog) {
    check(spinTries, minParkNanos, maxParkNanos);
    if (backlog < 1) {
      throw new IllegalArgumentException("bad backlog: " + backlog);
    }
    OWN.set(new Own(spinTries, minParkNanos, maxParkNanos, true, backlog));
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
    if (spinTries < 0 || minParkNanos <= 0 || maxParkNanos < minParkNanos) {
      throw new IllegalArgumentException("bad backoff: " + spinTries + ", " + minParkNanos + ", " + maxParkNanos);
    }
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
    if (own != null && own.steady) {
      return waitSteady(own, sequence, dependentSequence, barrier);
    }
    long spinLimit = own == null ? spinTries : own.spinTries;
    long park = own == null ? minParkNanos : own.minParkNanos;
    long maxPark = own == null ? maxParkNanos : own.maxParkNanos;
    int spins = 0;
    while ((available = dependentSequence.get()) < sequence) {
      barrier.checkAlert();
      if (spins < spinLimit) {
        spins++;
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(park);
        if (own != null) {
          own.parks++;
        }
        park = Math.min(park << 1, maxPark);
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
