package io.graphyne.chainstore.kv;

import io.graphyne.chainstore.ChainStoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory engine for tests and tools. Batches are applied under a write lock, so readers
 * never see half a batch; snapshots and cursors copy the data they cover (fine for test sizes).
 */
public final class MemoryKvStore implements KvStore {
  private final Map<Column, NavigableMap<byte[], byte[]>> data = new EnumMap<>(Column.class);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  public MemoryKvStore() {
    for (Column c : Column.values()) {
      data.put(c, new TreeMap<>(Keys::compare));
    }
  }

  @Override
  public byte[] get(Column column, byte[] key) {
    lock.readLock().lock();
    try {
      checkOpen();
      byte[] v = data.get(column).get(key);
      return v == null ? null : v.clone();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public KvCursor iterate(Column column, byte[] fromInclusive, byte[] toExclusive) {
    lock.readLock().lock();
    try {
      checkOpen();
      return new ListCursor(range(data.get(column), fromInclusive, toExclusive));
    } finally {
      lock.readLock().unlock();
    }
  }

  static List<byte[][]> range(NavigableMap<byte[], byte[]> map, byte[] from, byte[] to) {
    NavigableMap<byte[], byte[]> sub = map;
    if (from != null && to != null) {
      if (Keys.compare(from, to) >= 0) {
        return List.of();
      }
      sub = map.subMap(from, true, to, false);
    } else if (from != null) {
      sub = map.tailMap(from, true);
    } else if (to != null) {
      sub = map.headMap(to, false);
    }
    List<byte[][]> out = new ArrayList<>(sub.size());
    for (Map.Entry<byte[], byte[]> e : sub.entrySet()) {
      out.add(new byte[][] {e.getKey().clone(), e.getValue().clone()});
    }
    return out;
  }

  @Override
  public void commit(KvBatch batch) {
    lock.writeLock().lock();
    try {
      checkOpen();
      for (KvBatch.Op op : batch.ops()) {
        NavigableMap<byte[], byte[]> m = data.get(op.column());
        switch (op.kind()) {
          case PUT -> m.put(op.key().clone(), op.value().clone());
          case DELETE -> m.remove(op.key());
          case DELETE_RANGE -> {
            if (Keys.compare(op.key(), op.value()) < 0) {
              m.subMap(op.key(), true, op.value(), false).clear();
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
      Map<Column, NavigableMap<byte[], byte[]>> copy = new EnumMap<>(Column.class);
      for (Map.Entry<Column, NavigableMap<byte[], byte[]>> e : data.entrySet()) {
        copy.put(e.getKey(), new TreeMap<>(e.getValue()));
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
      return data.get(column).size();
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
    private final Map<Column, NavigableMap<byte[], byte[]>> data;

    Snapshot(Map<Column, NavigableMap<byte[], byte[]>> data) {
      this.data = data;
    }

    @Override
    public byte[] get(Column column, byte[] key) {
      byte[] v = data.get(column).get(key);
      return v == null ? null : v.clone();
    }

    @Override
    public KvCursor iterate(Column column, byte[] fromInclusive, byte[] toExclusive) {
      return new ListCursor(range(data.get(column), fromInclusive, toExclusive));
    }

    @Override
    public void close() {}
  }

  /** A cursor over materialized entries. */
  static final class ListCursor implements KvCursor {
    private final List<byte[][]> entries;
    private int pos = -1;

    ListCursor(List<byte[][]> entries) {
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
