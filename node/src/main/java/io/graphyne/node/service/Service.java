package io.graphyne.node.service;

import java.time.Duration;

/**
 * A part of a running node with a life-cycle: started in order by the {@link ServiceController},
 * stopped in reverse. {@link #start()} may do I/O (constructors must not); {@link #stop()} should
 * finish within {@link #stopTimeout()} and is called at most once, only after a successful start.
 */
public interface Service {
  String name();

  void start() throws Exception;

  void stop() throws Exception;

  /** How long {@link #stop()} may take before the controller gives up on it. */
  default Duration stopTimeout() {
    return Duration.ofSeconds(3);
  }

  /** A service from two lambdas. */
  static Service of(String name, Duration stopTimeout, ThrowingRunnable start, ThrowingRunnable stop) {
    return new Service() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void start() throws Exception {
        start.run();
      }

      @Override
      public void stop() throws Exception {
        stop.run();
      }

      @Override
      public Duration stopTimeout() {
        return stopTimeout;
      }
    };
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
