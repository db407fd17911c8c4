package io.graphyne.node.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named JVM shutdown hook ({@value #THREAD_NAME}) that stops a node's services on SIGINT or
 * SIGTERM within a budget, and a default uncaught-exception handler that logs instead of dying
 * silently. {@link #awaitStopped()} lets the main thread wait for the end.
 */
public final class ShutdownHook {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownHook.class);
  public static final String THREAD_NAME = "graphyne-shutdown";
  /** The whole shutdown (stop p2p, drain the pipeline, commit, close the store) fits in this. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(9);

  private final ServiceController controller;
  private final Duration budget;
  private final Consumer<List<ServiceController.StopResult>> onStopped;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;

  public ShutdownHook(ServiceController controller, Duration budget, Consumer<List<ServiceController.StopResult>> onStopped) {
    this.controller = controller;
    this.budget = budget;
    this.onStopped = onStopped;
    this.thread = new Thread(this::stopNow, THREAD_NAME);
  }

  /** Registers the hook and the default uncaught-exception handler. */
  public ShutdownHook install() {
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> LOG.error("uncaught exception in thread {}", t.getName(), e));
    Runtime.getRuntime().addShutdownHook(thread);
    return this;
  }

  /** Stops now (from the hook, or from the main thread for a timed run); idempotent. */
  public void stopNow() {
    try {
      List<ServiceController.StopResult> r = controller.stop(budget);
      if (!r.isEmpty()) {
        onStopped.accept(r);
      }
    } finally {
      stopped.countDown();
    }
  }

  /** Stops without waiting for a signal, and unregisters the hook (for a run with a time limit). */
  public void stopAndRemove() {
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or about to
    }
    stopNow();
  }

  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }
}
