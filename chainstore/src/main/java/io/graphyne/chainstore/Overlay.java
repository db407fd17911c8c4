package io.graphyne.chainstore;

import io.graphyne.chainstore.kv.MemoryKvStore;
import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.KvBatch;
import io.graphyne.chainstore.kv.KvCursor;
import io.graphyne.chainstore.kv.KvReader;
import io.graphyne.chainstore.kv.Keys;
import io.graphyne.protocol.Bytes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Pending writes of one block over the committed store. Reads see the writes; the first write of
 * each key records the key's committed value, which becomes the block's undo record.
 */
final class Overlay implements KvReader {
  private static final byte[] TOMBSTONE = new byte[0];

  /** A column and key, for the undo map. */
  record Slot(Column column, Bytes key) {}

  private final KvReader base;
  private final Map<Column, NavigableMap<byte[], byte[]>> writes = new EnumMap<>(Column.class);
  /** Committed value before this block (null = absent), in first-touch order. */
  private final Map<Slot, byte[]> previous = new LinkedHashMap<>();

  Overlay(KvReader base) {
    this.base = base;
  }

  boolean touched(Column column, byte[] key) {
    NavigableMap<byte[], byte[]> m = writes.get(column);
    return m != null && m.containsKey(key);
  }

  @Override
  public byte[] get(Column column, byte[] key) {
    NavigableMap<byte[], byte[]> m = writes.get(column);
    if (m != null) {
      byte[] v = m.get(key);
      if (v != null) {
        return v == TOMBSTONE ? null : v.clone();
      }
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
    NavigableMap<byte[], byte[]> m = writes.get(column);
    if (m != null) {
      for (Map.Entry<byte[], byte[]> e : m.entrySet()) {
        byte[] k = e.getKey();
        if ((from == null || Keys.compare(k, from) >= 0) && (to == null || Keys.compare(k, to) < 0)) {
          if (e.getValue() == TOMBSTONE) {
            merged.remove(k);
          } else {
            merged.put(k, e.getValue());
          }
        }
      }
    }
    List<byte[][]> entries = new ArrayList<>(merged.size());
    merged.forEach((k, v) -> entries.add(new byte[][] {k.clone(), v.clone()}));
    return new MemoryKvStore.ListCursor(entries);
  }

  void put(Column column, byte[] key, byte[] value) {
    remember(column, key, null, false);
    write(column, key, value);
  }

  /**
   * Like {@link #put} when the caller already knows the key's current value ({@code current},
   * null = absent, as read through this overlay), which saves a read of the store.
   */
  void put(Column column, byte[] key, byte[] value, byte[] current) {
    remember(column, key, current, true);
    write(column, key, value);
  }

  void delete(Column column, byte[] key, byte[] current) {
    remember(column, key, current, true);
    writes.computeIfAbsent(column, c -> new TreeMap<>(Keys::compare)).put(key.clone(), TOMBSTONE);
  }

  private void write(Column column, byte[] key, byte[] value) {
    writes.computeIfAbsent(column, c -> new TreeMap<>(Keys::compare)).put(key.clone(), value.clone());
  }

  void delete(Column column, byte[] key) {
    remember(column, key, null, false);
    writes.computeIfAbsent(column, c -> new TreeMap<>(Keys::compare)).put(key.clone(), TOMBSTONE);
  }

  private void remember(Column column, byte[] key, byte[] current, boolean known) {
    if (column == Column.UNDO) {
      throw new IllegalArgumentException("undo records are written by the store only");
    }
    Slot slot = new Slot(column, Bytes.of(key));
    if (!previous.containsKey(slot)) {
      // Not written in this block yet, so the current value is the committed one.
      previous.put(slot, known ? (current == null ? null : current.clone()) : base.get(column, key));
    }
  }

  Map<Slot, byte[]> previous() {
    return previous;
  }

  /** Adds every pending write to the batch. */
  void writeTo(KvBatch batch) {
    for (Map.Entry<Column, NavigableMap<byte[], byte[]>> e : writes.entrySet()) {
      for (Map.Entry<byte[], byte[]> w : e.getValue().entrySet()) {
        if (w.getValue() == TOMBSTONE) {
          batch.delete(e.getKey(), w.getKey());
        } else {
          batch.put(e.getKey(), w.getKey(), w.getValue());
        }
      }
    }
  }

  int size() {
    return previous.size();
  }

}
