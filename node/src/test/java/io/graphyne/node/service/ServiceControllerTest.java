package io.graphyne.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ServiceControllerTest {
  private final List<String> events = new CopyOnWriteArrayList<>();

  private Service recording(String name) {
    return Service.of(name, Duration.ofSeconds(1), () -> events.add("start " + name), () -> events.add("stop " + name));
  }

  @Test
  void startsInOrderAndStopsInReverseStoreLast() throws Exception {
    ServiceController c = new ServiceController(List.of(recording("store"), recording("chain"), recording("p2p")));
    c.start();
    assertThat(c.isRunning()).isTrue();
    List<ServiceController.StopResult> r = c.stop(Duration.ofSeconds(5));
    assertThat(events).containsExactly("start store", "start chain", "start p2p", "stop p2p", "stop chain", "stop store");
    assertThat(r).extracting(ServiceController.StopResult::outcome).containsOnly(StopOutcome.STOPPED);
    assertThat(c.stop(Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void aHangingStopIsAbandonedWithinItsLimitAndTheRestStillStop() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Service hang = Service.of("p2p", Duration.ofMillis(300), () -> {}, never::await);
    ServiceController c = new ServiceController(List.of(recording("store"), hang));
    c.start();
    long t0 = System.nanoTime();
    List<ServiceController.StopResult> r = c.stop(Duration.ofSeconds(10));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(ms).isLessThan(3000);
    assertThat(r).extracting(ServiceController.StopResult::service).containsExactly("p2p", "store");
    assertThat(r.get(0).outcome()).isEqualTo(StopOutcome.TIMED_OUT);
    assertThat(r.get(1).outcome()).isEqualTo(StopOutcome.STOPPED);
    never.countDown();
  }

  @Test
  void theOverallBudgetBoundsTheWholeShutdown() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    Service a = Service.of("a", Duration.ofSeconds(5), () -> {}, never::await);
    Service b = Service.of("b", Duration.ofSeconds(5), () -> {}, never::await);
    ServiceController c = new ServiceController(List.of(a, b));
    c.start();
    long t0 = System.nanoTime();
    List<ServiceController.StopResult> r = c.stop(Duration.ofMillis(500));
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2500);
    assertThat(r).extracting(ServiceController.StopResult::outcome).containsOnly(StopOutcome.TIMED_OUT);
    never.countDown();
  }

  @Test
  void aFailedStartStopsWhatStartedAndRethrows() {
    Service bad = Service.of("p2p", Duration.ofSeconds(1), () -> {
      throw new IllegalStateException("port in use");
    }, () -> events.add("stop p2p"));
    ServiceController c = new ServiceController(List.of(recording("store"), recording("chain"), bad));
    assertThatThrownBy(c::start).hasMessage("port in use");
    assertThat(events).containsExactly("start store", "start chain", "stop chain", "stop store");
  }

  @Test
  void aThrowingStopIsReportedAsFailed() throws Exception {
    Service bad = Service.of("rpc", Duration.ofSeconds(1), () -> {}, () -> {
      throw new IllegalStateException("boom");
    });
    ServiceController c = new ServiceController(List.of(recording("store"), bad));
    c.start();
    List<ServiceController.StopResult> r = c.stop(Duration.ofSeconds(2));
    assertThat(r.get(0).outcome()).isEqualTo(StopOutcome.FAILED);
    assertThat(events).endsWith("stop store");
  }

  @Test
  void progressLineFormat() {
    NodeStatus prev = new NodeStatus(100, 90, 2, 1000, 10, 100, 200);
    NodeStatus now = new NodeStatus(110, 95, 3, 1010, 20, 150, 300);
    String line = ProgressReporter.format(now, prev, 10.0, 1013, 1);
    assertThat(line).isEqualTo("progress head=110 lib=95 peers=3 blocks/s=1.0 tx/s=5.0 sig/s=10.0 behind=3 blocks (3 s)");
  }
}
