package io.graphyne.node.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in the order given and stops them in reverse (so the store, registered first,
 * closes last). Every stop runs on its own named thread with a time limit; a stop that overruns is
 * logged as "did not shut down cleanly" and abandoned rather than hanging the node. If a start
 * fails, the services already started are stopped in reverse and the failure is rethrown.
 */
public final class ServiceController {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceController.class);

  /** One service's stop, for the shutdown report. */
  public record StopResult(String service, StopOutcome outcome, long millis) {}

  private final List<Service> services;
  private final List<Service> started = new ArrayList<>();
  private boolean stopping;

  public ServiceController(List<Service> services) {
    this.services = List.copyOf(services);
  }

  public List<Service> services() {
    return services;
  }

  /** Starts every service in order. */
  public synchronized void start() throws Exception {
    if (stopping) {
      throw new IllegalStateException("already stopped");
    }
    for (Service s : services) {
      long t0 = System.nanoTime();
      try {
        s.start();
      } catch (Exception | Error e) {
        LOG.error("service {} failed to start: {}", s.name(), e.toString());
        stop(Duration.ofSeconds(10));
        throw e;
      }
      started.add(s);
      LOG.debug("service {} started in {} ms", s.name(), (System.nanoTime() - t0) / 1_000_000);
    }
  }

  public synchronized boolean isRunning() {
    return !stopping && started.size() == services.size();
  }

  /**
   * Stops the started services in reverse order within {@code budget} overall (each also within
   * its own limit). Idempotent: a second call returns an empty list.
   */
  public synchronized List<StopResult> stop(Duration budget) {
    if (stopping) {
      return List.of();
    }
    stopping = true;
    long deadline = System.nanoTime() + budget.toNanos();
    List<StopResult> results = new ArrayList<>();
    for (int i = services.size() - 1; i >= 0; i--) {
      Service s = services.get(i);
      if (!started.contains(s)) {
        results.add(new StopResult(s.name(), StopOutcome.NOT_STARTED, 0));
        continue;
      }
      long remaining = Math.max(0, deadline - System.nanoTime());
      long limit = Math.min(s.stopTimeout().toNanos(), remaining);
      results.add(stopOne(s, limit));
    }
    started.clear();
    return results;
  }

  private static StopResult stopOne(Service s, long limitNanos) {
    long t0 = System.nanoTime();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        s.stop();
        done.complete(null);
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    }, "graphyne-stop-" + s.name());
    t.setDaemon(true);
    t.start();
    StopOutcome outcome;
    try {
      done.get(Math.max(1, limitNanos), TimeUnit.NANOSECONDS);
      outcome = StopOutcome.STOPPED;
    } catch (TimeoutException e) {
      LOG.warn("service {} did not shut down cleanly within {} ms", s.name(), limitNanos / 1_000_000);
      outcome = StopOutcome.TIMED_OUT;
    } catch (ExecutionException e) {
      LOG.warn("service {} did not shut down cleanly: {}", s.name(), e.getCause().toString());
      outcome = StopOutcome.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("service {} did not shut down cleanly: interrupted", s.name());
      outcome = StopOutcome.TIMED_OUT;
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.debug("service {} stop: {} in {} ms", s.name(), outcome, ms);
    return new StopResult(s.name(), outcome, ms);
  }
}
