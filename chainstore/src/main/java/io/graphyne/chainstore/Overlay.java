package io.graphyne.chainstore;

import io.graphyne.chainstore.kv.ByteKey;
import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.KvBatch;
import io.graphyne.chainstore.kv.KvCursor;
import io.graphyne.chainstore.kv.KvReader;
import io.graphyne.chainstore.kv.Keys;
import io.graphyne.chainstore.kv.MemoryKvStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Pending writes of one block over the committed store. Reads see the writes; the first write of
 * each key records the key's committed value, which becomes the block's undo record.
 *
 * <p>One hash map per column serves reads and writes (the state thread touches a few keys per
 * transaction; only the once-per-block expiry scan iterates, and it merges on demand). Arrays
 * handed in are owned by the overlay from then on and arrays handed out must not be modified:
 * the only callers are {@link BlockChanges} and {@link ChainStore}, which encode fresh arrays and
 * decode what they read.
 */
final class Overlay implements KvReader {
  /** One touched key: its pending value (null = deleted) and its committed value before the block. */
  static final class Touch {
    final Column column;
    final byte[] key;
    byte[] value;
    /** The committed value before this block; null = absent. */
    final byte[] previous;

    Touch(Column column, byte[] key, byte[] previous) {
      this.column = column;
      this.key = key;
      this.previous = previous;
    }
  }

  private final KvReader base;
  private final Map<Column, Map<ByteKey, Touch>> writes = new EnumMap<>(Column.class);
  /** Touched keys in first-touch order (the undo record and the batch keep this order). */
  private final List<Touch> touched = new ArrayList<>(256);

  Overlay(KvReader base) {
    this.base = base;
  }

  private Touch find(Column column, ByteKey k) {
    Map<ByteKey, Touch> m = writes.get(column);
    return m == null ? null : m.get(k);
  }

  boolean touched(Column column, byte[] key) {
    return find(column, new ByteKey(key)) != null;
  }

  @Override
  public byte[] get(Column column, byte[] key) {
    Touch t = find(column, new ByteKey(key));
    if (t != null) {
      return t.value;
    }
    return base.get(column, key);
  }

  @Override
  public KvCursor iterate(Column column, byte[] from, byte[] to) {
    NavigableMap<byte[], byte[]> merged = new TreeMap<>(Keys::compare);
    try (KvCursor c = base.iterate(column, from, to)) {
      while (c.next()) {
        merged.put(c.key(), c.value());
      }
    }
    Map<ByteKey, Touch> m = writes.get(column);
    if (m != null) {
      for (Touch t : m.values()) {
        byte[] k = t.key;
        if ((from == null || Keys.compare(k, from) >= 0) && (to == null || Keys.compare(k, to) < 0)) {
          if (t.value == null) {
            merged.remove(k);
          } else {
            merged.put(k, t.value);
          }
        }
      }
    }
    List<byte[][]> entries = new ArrayList<>(merged.size());
    merged.forEach((k, v) -> entries.add(new byte[][] {k, v}));
    return new MemoryKvStore.ListCursor(entries);
  }

  /** Writes a value; the key's committed value is read from the store on first touch. */
  void put(Column column, byte[] key, byte[] value) {
    touch(column, key, null, false).value = value;
  }

  /**
   * Like {@link #put} when the caller already knows the key's current value ({@code current},
   * null = absent, as read through this overlay), which saves a read of the store.
   */
  void put(Column column, byte[] key, byte[] value, byte[] current) {
    touch(column, key, current, true).value = value;
  }

  void delete(Column column, byte[] key, byte[] current) {
    touch(column, key, current, true).value = null;
  }

  void delete(Column column, byte[] key) {
    touch(column, key, null, false).value = null;
  }

  private Touch touch(Column column, byte[] key, byte[] current, boolean known) {
    if (column == Column.UNDO) {
      throw new IllegalArgumentException("undo records are written by the store only");
    }
    ByteKey k = new ByteKey(key);
    Map<ByteKey, Touch> m = writes.get(column);
    if (m == null) {
      // the per-transaction columns get thousands of keys in a full block: start them large
      boolean perTx = column == Column.RECENT_TX || column == Column.RECENT_TX_BY_EXPIRATION || column == Column.TX_LOCATIONS;
      m = new HashMap<>(perTx ? 2048 : 16);
      writes.put(column, m);
    }
    Touch t = m.get(k);
    if (t == null) {
      // Not written in this block yet, so the current value is the committed one.
      t = new Touch(column, key, known ? current : base.get(column, key));
      t.value = t.previous;
      m.put(k, t);
      touched.add(t);
    }
    return t;
  }

  /** Every touched key with its committed value before the block, in first-touch order. */
  List<Touch> touches() {
    return touched;
  }

  /** Adds every pending write to the batch. */
  void writeTo(KvBatch batch) {
    for (Touch t : touched) {
      if (t.value == null) {
        batch.deleteOwned(t.column, t.key);
      } else {
        batch.putOwned(t.column, t.key, t.value);
      }
    }
  }

  int size() {
    return touched.size();
  }
}
