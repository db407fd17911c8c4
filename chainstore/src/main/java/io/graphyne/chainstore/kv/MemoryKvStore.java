package io.graphyne.chainstore.kv;

import io.graphyne.chainstore.ChainStoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory engine for tests, tools and benchmarks. Batches are applied under a write lock,
 * so readers never see half a batch; snapshots and cursors copy the data they cover. Each column
 * is a {@link PackedTable}: entries packed into large arrays behind an open-addressing hash index
 * (point reads and writes, the hot path of block application), plus a sorted index built on a
 * column's first ordered read and kept in step from then on; columns never iterated (transaction
 * locations, ids) never pay for sorting.
 */
public final class MemoryKvStore implements KvStore {
  private final PackedTable[] tables = new PackedTable[Column.values().length];
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  public MemoryKvStore() {
    for (int i = 0; i < tables.length; i++) {
      tables[i] = new PackedTable();
    }
  }

  private PackedTable table(Column column) {
    return tables[column.ordinal()];
  }

  @Override
  public byte[] get(Column column, byte[] key) {
    lock.readLock().lock();
    try {
      checkOpen();
      return table(column).get(key);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public KvCursor iterate(Column column, byte[] fromInclusive, byte[] toExclusive) {
    PackedTable t = table(column);
    lock.readLock().lock();
    try {
      checkOpen();
      if (!t.needsSync()) {
        return new ListCursor(t.range(fromInclusive, toExclusive));
      }
    } finally {
      lock.readLock().unlock();
    }
    lock.writeLock().lock();
    try {
      checkOpen();
      t.syncSorted();
      return new ListCursor(t.range(fromInclusive, toExclusive));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void commit(KvBatch batch) {
    lock.writeLock().lock();
    try {
      checkOpen();
      for (int i = 0, n = batch.size(); i < n; i++) {
        PackedTable t = table(batch.column(i));
        switch (batch.kind(i)) {
          case PUT -> t.put(batch.key(i), batch.value(i));
          case DELETE -> t.remove(batch.key(i));
          case DELETE_RANGE -> {
            if (Keys.compare(batch.key(i), batch.value(i)) < 0) {
              t.removeRange(batch.key(i), batch.value(i));
            }
          }
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public KvSnapshot snapshot() {
    lock.readLock().lock();
    try {
      checkOpen();
      PackedTable[] copy = new PackedTable[tables.length];
      for (int i = 0; i < tables.length; i++) {
        copy[i] = tables[i].copy();
      }
      return new Snapshot(copy);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long count(Column column) {
    lock.readLock().lock();
    try {
      checkOpen();
      return table(column).size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void compact() {
    checkOpen();
  }

  @Override
  public Optional<Path> directory() {
    return Optional.empty();
  }

  @Override
  public String engine() {
    return "memory";
  }

  @Override
  public void close() {
    closed = true;
  }

  private void checkOpen() {
    if (closed) {
      throw new ChainStoreException(ChainStoreException.Reason.CLOSED, "store is closed");
    }
  }

  private static final class Snapshot implements KvSnapshot {
    private final PackedTable[] tables;

    Snapshot(PackedTable[] tables) {
      this.tables = tables;
    }

    @Override
    public byte[] get(Column column, byte[] key) {
      return tables[column.ordinal()].get(key);
    }

    @Override
    public KvCursor iterate(Column column, byte[] fromInclusive, byte[] toExclusive) {
      return new ListCursor(tables[column.ordinal()].range(fromInclusive, toExclusive));
    }

    @Override
    public void close() {}
  }

  /** A cursor over materialized entries. */
  public static final class ListCursor implements KvCursor {
    private final List<byte[][]> entries;
    private int pos = -1;

    public ListCursor(List<byte[][]> entries) {
      this.entries = entries;
    }

    @Override
    public boolean next() {
      if (pos < entries.size()) {
        pos++;
      }
      return pos < entries.size();
    }

    @Override
    public byte[] key() {
      return entries.get(pos)[0];
    }

    @Override
    public byte[] value() {
      return entries.get(pos)[1];
    }

    @Override
    public void close() {}
  }
}
