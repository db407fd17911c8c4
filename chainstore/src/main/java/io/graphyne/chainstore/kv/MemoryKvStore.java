package io.graphyne.chainstore.kv;

import io.graphyne.chainstore.ChainStoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
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
 * Each column is a hash map (point reads and writes, the hot path of block application) plus a
 * sorted copy of the same entries for cursors, built on a column's first iteration and kept in
 * step from then on; columns never iterated (transaction locations, ids) never pay for sorting.
 */
public final class MemoryKvStore implements KvStore {
  /** Sorted entries of the columns iterated so far (absent = not built yet); values shared with {@link #index}. */
  private final Map<Column, NavigableMap<byte[], byte[]>> data = new EnumMap<>(Column.class);
  /** Every entry, by key equality. */
  private final Map<Column, Map<ByteKey, byte[]>> index = new EnumMap<>(Column.class);
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  public MemoryKvStore() {
    for (Column c : Column.values()) {
      index.put(c, new HashMap<>());
    }
  }

  @Override
  public byte[] get(Column column, byte[] key) {
    lock.readLock().lock();
    try {
      checkOpen();
      byte[] v = index.get(column).get(new ByteKey(key));
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
      NavigableMap<byte[], byte[]> m = data.get(column);
      if (m != null) {
        return new ListCursor(range(m, fromInclusive, toExclusive));
      }
    } finally {
      lock.readLock().unlock();
    }
    lock.writeLock().lock();
    try {
      checkOpen();
      return new ListCursor(range(sorted(column), fromInclusive, toExclusive));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The sorted entries of a column, built from the hash index on first use (write lock held). */
  private NavigableMap<byte[], byte[]> sorted(Column column) {
    NavigableMap<byte[], byte[]> m = data.get(column);
    if (m == null) {
      m = new TreeMap<>(Keys::compare);
      for (Map.Entry<ByteKey, byte[]> e : index.get(column).entrySet()) {
        m.put(e.getKey().bytes(), e.getValue());
      }
      data.put(column, m);
    }
    return m;
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
        NavigableMap<byte[], byte[]> m = data.get(op.column()); // null: not sorted yet
        Map<ByteKey, byte[]> h = index.get(op.column());
        switch (op.kind()) {
          case PUT -> {
            byte[] k = op.key(); // the batch owns copies (KvBatch) and is done with them
            byte[] v = op.value();
            h.put(new ByteKey(k), v);
            if (m != null) {
              m.put(k, v);
            }
          }
          case DELETE -> {
            h.remove(new ByteKey(op.key()));
            if (m != null) {
              m.remove(op.key());
            }
          }
          case DELETE_RANGE -> {
            if (Keys.compare(op.key(), op.value()) < 0) {
              NavigableMap<byte[], byte[]> sub = sorted(op.column()).subMap(op.key(), true, op.value(), false);
              for (byte[] k : sub.keySet()) {
                h.remove(new ByteKey(k));
              }
              sub.clear();
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
      for (Map.Entry<Column, Map<ByteKey, byte[]>> e : index.entrySet()) {
        NavigableMap<byte[], byte[]> sortedAlready = data.get(e.getKey());
        NavigableMap<byte[], byte[]> m;
        if (sortedAlready != null) {
          m = new TreeMap<>(sortedAlready);
        } else {
          m = new TreeMap<>(Keys::compare);
          for (Map.Entry<ByteKey, byte[]> w : e.getValue().entrySet()) {
            m.put(w.getKey().bytes(), w.getValue());
          }
        }
        copy.put(e.getKey(), m);
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
      return index.get(column).size();
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
