package io.graphyne.chainstore.kv;

import java.util.function.BiPredicate;

/** Reads from a store or a snapshot of it. Keys compare as unsigned bytes. */
public interface KvReader {
  /** The value, or null when absent. The caller owns the returned array. */
  byte[] get(Column column, byte[] key);

  /** Entries with {@code from <= key < to}; null bounds are open. */
  KvCursor iterate(Column column, byte[] fromInclusive, byte[] toExclusive);

  default KvCursor iteratePrefix(Column column, byte[] prefix) {
    return iterate(column, prefix, Keys.prefixEnd(prefix));
  }

  default <K, V> V get(TypedColumn<K, V> column, K key) {
    byte[] v = get(column.column(), column.keys().encode(key));
    return v == null ? null : column.values().decode(v);
  }

  /**
   * Visits typed entries in key order from {@code from} (inclusive, null = first) to {@code to}
   * (exclusive, null = last) until the visitor returns false.
   */
  default <K, V> void scan(TypedColumn<K, V> column, K from, K to, BiPredicate<K, V> visitor) {
    byte[] f = from == null ? null : column.keys().encode(from);
    byte[] t = to == null ? null : column.keys().encode(to);
    try (KvCursor c = iterate(column.column(), f, t)) {
      while (c.next()) {
        if (!visitor.test(column.keys().decode(c.key()), column.values().decode(c.value()))) {
          return;
        }
      }
    }
  }

  /** Number of entries in a column (walks it). */
  default long count(Column column) {
    long n = 0;
    try (KvCursor c = iterate(column, null, null)) {
      while (c.next()) {
        n++;
      }
    }
    return n;
  }
}
