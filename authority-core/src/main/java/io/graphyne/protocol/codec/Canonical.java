package io.graphyne.protocol.codec;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Canonical (bitshares-core) container forms: flat_map/flat_set hold their elements sorted by the
 * element's natural order (which our key types define as fc's operator&lt;), without duplicates.
 */
public final class Canonical {
  private Canonical() {}

  /** An unmodifiable map iterating in ascending key order. Null becomes empty. */
  public static <K extends Comparable<? super K>, V> Map<K, V> sortedMap(Map<K, V> m) {
    if (m == null || m.isEmpty()) {
      return Collections.emptySortedMap();
    }
    if (m instanceof UnmodifiableSorted) {
      return m;
    }
    return new UnmodifiableSorted<>(new TreeMap<>(m));
  }

  /** An unmodifiable list sorted ascending without duplicates (a flat_set). */
  public static <T extends Comparable<? super T>> List<T> sortedSet(Collection<T> c) {
    if (c == null || c.isEmpty()) {
      return List.of();
    }
    return List.copyOf(new TreeSet<>(c));
  }

  /** Marker wrapper so already-canonical maps are not copied again. */
  private static final class UnmodifiableSorted<K, V> extends java.util.AbstractMap<K, V>
      implements SortedMap<K, V> {
    private final SortedMap<K, V> m;

    UnmodifiableSorted(SortedMap<K, V> m) {
      this.m = Collections.unmodifiableSortedMap(m);
    }

    @Override
    public java.util.Comparator<? super K> comparator() {
      return m.comparator();
    }

    @Override
    public SortedMap<K, V> subMap(K fromKey, K toKey) {
      return m.subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<K, V> headMap(K toKey) {
      return m.headMap(toKey);
    }

    @Override
    public SortedMap<K, V> tailMap(K fromKey) {
      return m.tailMap(fromKey);
    }

    @Override
    public K firstKey() {
      return m.firstKey();
    }

    @Override
    public K lastKey() {
      return m.lastKey();
    }

    @Override
    public java.util.Set<Entry<K, V>> entrySet() {
      return m.entrySet();
    }

    @Override
    public V get(Object key) {
      return m.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return m.containsKey(key);
    }

    @Override
    public int size() {
      return m.size();
    }
  }
}
