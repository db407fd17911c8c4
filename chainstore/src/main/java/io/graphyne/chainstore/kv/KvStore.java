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
