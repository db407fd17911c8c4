package io.graphyne.chainstore.kv;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The engine-neutral key-value store: reads, atomic batches, snapshots. Implementations: {@link
 * RocksKvStore} and {@link MemoryKvStore}; both pass the same contract tests.
 */
public interface KvStore extends KvReader, AutoCloseable {
  /** Applies every operation of the batch atomically (all or nothing, also across a crash). */
  void commit(KvBatch batch);

  /**
   * Like {@link #commit(KvBatch)}; with {@code deferSync} the engine may skip the fsync of this
   * batch (it is still atomic and survives a process crash; a power loss may drop it together
   * with every later batch, never part of it).
   */
  default void commit(KvBatch batch, boolean deferSync) {
    commit(batch);
  }

  /** Makes every committed batch durable (fsync of the write-ahead log). */
  default void syncWal() {}

  KvSnapshot snapshot();

  /** Compacts every column (RocksDB: full manual compaction; memory: nothing). */
  void compact();

  /** The directory holding the data, when the engine is persistent. */
  Optional<Path> directory();

  /** A short engine name for diagnostics ("rocksdb", "memory"). */
  String engine();

  @Override
  void close();
}
