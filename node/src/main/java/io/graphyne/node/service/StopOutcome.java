package io.graphyne.node.service;

/** How a service's stop ended. */
public enum StopOutcome {
  STOPPED,
  /** It did not finish within its time limit (or the shutdown budget); the controller moved on. */
  TIMED_OUT,
  /** Its stop threw. */
  FAILED,
  /** It never started, so there was nothing to stop. */
  NOT_STARTED
}
