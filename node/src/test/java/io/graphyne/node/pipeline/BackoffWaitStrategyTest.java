package io.graphyne.node.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The back-off wait strategy on a real ring: waits until published, per-thread profiles, alerts. */
class BackoffWaitStrategyTest {
  private static final class Slot {
    long value;
  }

  private static RingBuffer<Slot> ring() {
    return RingBuffer.createMultiProducer(Slot::new, 8, new BackoffWaitStrategy(10, 20_000, 1_000_000));
  }

  private static void publishLater(RingBuffer<Slot> ring, long delayMillis) {
    CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long seq = ring.next();
      ring.get(seq).value = 42;
      ring.publish(seq);
    });
  }

  /**
   * As a Disruptor event processor does: on a multi-producer ring the cursor moves when a slot is
   * claimed, so a wait may end before the slot is published and return less than asked; wait again.
   */
  private static long waitUntilPublished(SequenceBarrier barrier, long sequence) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long available;
    while ((available = barrier.waitFor(sequence)) < sequence) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("sequence " + sequence + " never became available (last " + available + ")");
      }
    }
    return available;
  }

  @Test
  void returnsAtOnceWhenAlreadyAvailable() throws Exception {
    RingBuffer<Slot> ring = ring();
    long seq = ring.next();
    ring.publish(seq);
    assertThat(ring.newBarrier().waitFor(0)).isEqualTo(0);
  }

  @Test
  void defaultProfileWaitsUntilPublished() throws Exception {
    RingBuffer<Slot> ring = ring();
    SequenceBarrier barrier = ring.newBarrier();
    publishLater(ring, 30);
    assertThat(waitUntilPublished(barrier, 0)).isEqualTo(0);
    assertThat(ring.get(0).value).isEqualTo(42);
  }

  @Test
  void threadProfileWaitsUntilPublishedAndStaysOnItsThread() throws Exception {
    RingBuffer<Slot> ring = ring();
    SequenceBarrier barrier = ring.newBarrier();
    CompletableFuture<Long> tail = CompletableFuture.supplyAsync(() -> {
      BackoffWaitStrategy.steadyForThisThread(0, 500_000, 4_000_000, 8);
      try {
        return waitUntilPublished(barrier, 0);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    publishLater(ring, 30);
    assertThat(tail.get(5, TimeUnit.SECONDS)).isEqualTo(0);
  }

  @Test
  void alertEndsTheWait() throws Exception {
    RingBuffer<Slot> ring = ring();
    SequenceBarrier barrier = ring.newBarrier();
    CompletableFuture<Throwable> waiter = CompletableFuture.supplyAsync(() -> {
      try {
        barrier.waitFor(0);
        return null;
      } catch (Throwable t) {
        return t;
      }
    });
    Thread.sleep(20);
    barrier.alert();
    assertThat(waiter.get(5, TimeUnit.SECONDS)).isInstanceOf(AlertException.class);
  }

  /**
   * A steady profile keeps its interval between waits: a thread that trails a slow stream settles
   * at the longest park (few wake-ups per event), and a backlog found on waking shortens it again.
   */
  @Test
  void steadyProfileCarriesItsIntervalOverAndShortensItOnABacklog() throws Exception {
    RingBuffer<Slot> ring = RingBuffer.createMultiProducer(Slot::new, 64, new BackoffWaitStrategy(10, 20_000, 1_000_000));
    SequenceBarrier barrier = ring.newBarrier();
    CompletableFuture<long[]> trailer = CompletableFuture.supplyAsync(() -> {
      BackoffWaitStrategy.steadyForThisThread(0, 100_000, 2_000_000, 8);
      try {
        // three events 30 ms apart: each wait parks, doubling from 0.1 ms towards the 2 ms ceiling
        long next = 0;
        for (int i = 0; i < 3; i++) {
          next = waitUntilPublished(barrier, next) + 1;
        }
        long parksSlow = BackoffWaitStrategy.parksOfThisThread();
        // then 40 events at once after a pause: one wake finds a backlog of >= 8
        long got = waitUntilPublished(barrier, next);
        return new long[] {parksSlow, BackoffWaitStrategy.parksOfThisThread() - parksSlow, got - next + 1};
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    for (int i = 0; i < 3; i++) {
      Thread.sleep(30);
      long seq = ring.next();
      ring.publish(seq);
    }
    Thread.sleep(50);
    long hi = ring.next(40);
    ring.publish(hi - 39, hi);
    long[] r = trailer.get(5, TimeUnit.SECONDS);
    // ~90 ms of waiting at a park that doubles up to 2 ms and stays there: far fewer parks than
    // the ~900 a 0.1 ms interval restarted on every wait would take
    assertThat(r[0]).isBetween(3L, 200L);
    assertThat(r[1]).isPositive();
    assertThat(r[2]).isGreaterThanOrEqualTo(8);
  }

  @Test
  void badProfilesAreRefused() {
    assertThatThrownBy(() -> BackoffWaitStrategy.steadyForThisThread(0, 1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BackoffWaitStrategy(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BackoffWaitStrategy(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackoffWaitStrategy.steadyForThisThread(0, 2, 1, 8)).isInstanceOf(IllegalArgumentException.class);
  }
}
