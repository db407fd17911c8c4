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
  /** A handler thread's own back-off ({spins, min park, max park}), set in its onStart; null = the defaults. */
  private static final ThreadLocal<long[]> OWN = new ThreadLocal<>();

  /**
   * Gives the calling handler thread its own back-off: the tail stages, which only hand results on
   * and free slots, can wait longer between looks than the stages on the critical path, and so
   * take their core from the recovery threads less often.
   */
  static void forThisThread(int spinTries, long minParkNanos, long maxParkNanos) {
    if (spinTries < 0 || minParkNanos <= 0 || maxParkNanos < minParkNanos) {
      throw new IllegalArgumentException("bad backoff: " + spinTries + ", " + minParkNanos + ", " + maxParkNanos);
    }
    OWN.set(new long[] {spinTries, minParkNanos, maxParkNanos});
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
    long[] own = OWN.get();
    long spinLimit = own == null ? spinTries : own[0];
    long park = own == null ? minParkNanos : own[1];
    long maxPark = own == null ? maxParkNanos : own[2];
    int spins = 0;
    while ((available = dependentSequence.get()) < sequence) {
      barrier.checkAlert();
      if (spins < spinLimit) {
        spins++;
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(park);
        park = Math.min(park << 1, maxPark);
      }
    }
    return available;
  }

  @Override
  public void signalAllWhenBlocking() {
    // nobody blocks on a monitor: waiting threads wake up on their own
  }
}
