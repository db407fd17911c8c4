package io.graphyne.chainstore;

import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.KvBatch;
import io.graphyne.chainstore.kv.KvCursor;
import io.graphyne.chainstore.kv.KvReader;
import io.graphyne.chainstore.kv.Keys;
import io.graphyne.chainstore.kv.MemoryKvStore;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Pending writes of one block over the committed store. Reads see the writes; the first write of
 * each key records the key's committed value, which becomes the block's undo record.
 *
 * <p>One open-addressing table over (column, key) serves reads and writes: a touched key costs
 * one {@link Touch} and nothing else (the state thread touches a few keys per transaction; only
 * the once-per-block expiry scan iterates, and it merges on demand). Arrays handed in are owned
 * by the overlay from then on and arrays handed out must not be modified: the only callers are
 * {@link BlockChanges} and {@link ChainStore}, which encode fresh arrays (or hand over arrays
 * that never change) and decode what they read.
 */
final class Overlay implements KvReader {
  /** One touched key: its pending value (null = deleted) and its committed value before the block. */
  static final class Touch {
    final Column column;
    final byte[] key;
    byte[] value;
    /** The committed value before this block; null = absent. */
    final byte[] previous;
    final int hash;

    Touch(Column column, byte[] key, byte[] previous) {
      this(column, key, previous, hash(column, key));
    }

    private Touch(Column column, byte[] key, byte[] previous, int hash) {
      this.column = column;
      this.key = key;
      this.previous = previous;
      this.hash = hash;
    }
  }

  private final KvReader base;
  /** Open addressing, linear probing; never shrinks, never deletes. */
  private Touch[] table;
  /** Touched keys in first-touch order (the undo record and the batch keep this order). */
  private Touch[] touched;
  private int size;

  Overlay(KvReader base) {
    this(base, 0);
  }

  /** An overlay sized for about {@code expectedTouches} keys (the previous block's count, say). */
  Overlay(KvReader base, int expectedTouches) {
    this.base = base;
    int n = Math.max(64, expectedTouches + (expectedTouches >> 3));
    this.touched = new Touch[n];
    this.table = new Touch[Integer.highestOneBit(n * 2 - 1) << 1];
  }

  static int hash(Column column, byte[] key) {
    int h = column.ordinal();
    int i = 0;
    int n = key.length;
    for (; i + 4 <= n; i += 4) {
      h = 31 * 31 * 31 * 31 * h + 31 * 31 * 31 * key[i] + 31 * 31 * key[i + 1] + 31 * key[i + 2] + key[i + 3];
    }
    for (; i < n; i++) {
      h = 31 * h + key[i];
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private Touch find(Column column, byte[] key, int h) {
    Touch[] t = table;
    int mask = t.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Touch x = t[i];
      if (x == null) {
        return null;
      }
      if (x.hash == h && x.column == column && java.util.Arrays.equals(x.key, key)) {
        return x;
      }
    }
  }

  boolean touched(Column column, byte[] key) {
    return find(column, key, hash(column, key)) != null;
  }

  @Override
  public byte[] get(Column column, byte[] key) {
    Touch t = find(column, key, hash(column, key));
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
    for (int i = 0; i < size; i++) {
      Touch t = touched[i];
      if (t.column != column) {
        continue;
      }
      byte[] k = t.key;
      if ((from == null || Keys.compare(k, from) >= 0) && (to == null || Keys.compare(k, to) < 0)) {
        if (t.value == null) {
          merged.remove(k);
        } else {
          merged.put(k, t.value);
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
    int h = hash(column, key);
    Touch[] tab = table;
    int mask = tab.length - 1;
    int i = h & mask;
    for (Touch x; (x = tab[i]) != null; i = (i + 1) & mask) {
      if (x.hash == h && x.column == column && java.util.Arrays.equals(x.key, key)) {
        return x;
      }
    }
    // Not written in this block yet, so the current value is the committed one.
    Touch t = new Touch(column, key, known ? current : base.get(column, key), h);
    t.value = t.previous;
    tab[i] = t;
    if (size == touched.length) {
      touched = java.util.Arrays.copyOf(touched, size * 2);
    }
    touched[size++] = t;
    if (size * 2 > tab.length) {
      grow();
    }
    return t;
  }

  private void grow() {
    Touch[] tab = new Touch[table.length * 2];
    int mask = tab.length - 1;
    for (int j = 0; j < size; j++) {
      Touch t = touched[j];
      int i = t.hash & mask;
      while (tab[i] != null) {
        i = (i + 1) & mask;
      }
      tab[i] = t;
    }
    table = tab;
  }

  /** Every touched key with its committed value before the block, in first-touch order. */
  List<Touch> touches() {
    return java.util.Arrays.asList(touched).subList(0, size);
  }

  /** Adds every pending write to the batch. */
  void writeTo(KvBatch batch) {
    for (int i = 0; i < size; i++) {
      Touch t = touched[i];
      if (t.value == null) {
        batch.deleteOwned(t.column, t.key);
      } else {
        batch.putOwned(t.column, t.key, t.value);
      }
    }
  }

  int size() {
    return size;
  }
}
