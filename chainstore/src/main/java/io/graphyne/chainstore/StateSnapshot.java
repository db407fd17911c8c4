package io.graphyne.chainstore;

import io.graphyne.chainstore.kv.KvSnapshot;

/** Reads of committed state at one point in time (for RPC and tools); close it when done. */
public final class StateSnapshot extends StateReader implements AutoCloseable {
  private final KvSnapshot snapshot;

  StateSnapshot(KvSnapshot snapshot) {
    super(snapshot, null);
    this.snapshot = snapshot;
  }

  @Override
  public void close() {
    snapshot.close();
  }
}
