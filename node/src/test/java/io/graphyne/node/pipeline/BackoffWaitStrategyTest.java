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
      BackoffWaitStrategy.forThisThread(0, 500_000, 4_000_000);
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

  @Test
  void badProfilesAreRefused() {
    assertThatThrownBy(() -> new BackoffWaitStrategy(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BackoffWaitStrategy(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackoffWaitStrategy.forThisThread(0, 2, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
