package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * An immutable set of object ids in ascending id order (their natural order), over a sorted array
 * without duplicates: what an operation's required-active and required-owner sets hold (almost
 * always one or two ids). Equal to any {@link java.util.Set} with the same ids, as a {@code
 * TreeSet} is. Callers in this package read it by index ({@link #get}), without iterator objects.
 */
final class IdSet extends AbstractSet<ObjectId> implements SortedSet<ObjectId> {
  private static final ObjectId[] NONE = new ObjectId[0];
  static final IdSet EMPTY = new IdSet(NONE);

  /**
   * Sorted ascending, distinct, not shared with anyone who could modify it; null for a set of one
   * id (the common case), which {@link #single} holds without an array.
   */
  private final ObjectId[] ids;
  private final ObjectId single;

  private IdSet(ObjectId[] sortedDistinct) {
    this.ids = sortedDistinct;
    this.single = null;
  }

  private IdSet(ObjectId single) {
    this.ids = null;
    this.single = single;
  }

  /** The set of one id. */
  static IdSet of(ObjectId id) {
    if (id == null) {
      throw new NullPointerException("null account id");
    }
    return new IdSet(id);
  }

  /**
   * The ids of a set sorted by their natural order (a {@code TreeSet} without comparator, or another
   * IdSet, returned as is). Callers check {@code comparator() == null} first.
   */
  static IdSet copyOf(SortedSet<ObjectId> sorted) {
    if (sorted instanceof IdSet s) {
      return s;
    }
    if (sorted.comparator() != null) {
      throw new IllegalArgumentException("not in natural order");
    }
    if (sorted.isEmpty()) {
      return EMPTY;
    }
    if (sorted.size() == 1) {
      return new IdSet(sorted.first());
    }
    return new IdSet(sorted.toArray(NONE));
  }

  /** The id at position {@code i} in ascending order. */
  ObjectId get(int i) {
    if (ids == null) {
      if (i != 0) {
        throw new IndexOutOfBoundsException(i);
      }
      return single;
    }
    return ids[i];
  }

  @Override
  public int size() {
    return ids == null ? 1 : ids.length;
  }

  @Override
  public boolean isEmpty() {
    return ids != null && ids.length == 0;
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof ObjectId id && indexOf(id) >= 0;
  }

  private int indexOf(ObjectId id) {
    if (ids == null) {
      return single.equals(id) ? 0 : -1;
    }
    ObjectId[] a = ids;
    if (a.length <= 8) {
      for (ObjectId x : a) {
        if (x.equals(id)) {
          return 0;
        }
      }
      return -1;
    }
    return Arrays.binarySearch(a, id);
  }

  @Override
  public Iterator<ObjectId> iterator() {
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < size();
      }

      @Override
      public ObjectId next() {
        if (i >= size()) {
          throw new NoSuchElementException();
        }
        return get(i++);
      }
    };
  }

  @Override
  public Object[] toArray() {
    return ids == null ? new Object[] {single} : ids.clone();
  }

  @Override
  public Comparator<? super ObjectId> comparator() {
    return null;
  }

  @Override
  public ObjectId first() {
    if (isEmpty()) {
      throw new NoSuchElementException();
    }
    return get(0);
  }

  @Override
  public ObjectId last() {
    if (isEmpty()) {
      throw new NoSuchElementException();
    }
    return get(size() - 1);
  }

  /** First position whose id is not below {@code id}. */
  private int lowerBound(ObjectId id) {
    int lo = 0;
    int hi = size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (get(mid).compareTo(id) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private IdSet range(int from, int to) {
    if (from >= to) {
      return EMPTY;
    }
    if (from == 0 && to == size()) {
      return this;
    }
    return to - from == 1 ? new IdSet(get(from)) : new IdSet(Arrays.copyOfRange(ids, from, to));
  }

  @Override
  public SortedSet<ObjectId> subSet(ObjectId fromElement, ObjectId toElement) {
    if (fromElement.compareTo(toElement) > 0) {
      throw new IllegalArgumentException("fromKey > toKey");
    }
    return range(lowerBound(fromElement), lowerBound(toElement));
  }

  @Override
  public SortedSet<ObjectId> headSet(ObjectId toElement) {
    return range(0, lowerBound(toElement));
  }

  @Override
  public SortedSet<ObjectId> tailSet(ObjectId fromElement) {
    return range(lowerBound(fromElement), size());
  }

  // immutable, as the unmodifiable sorted sets it replaces: every mutator throws

  @Override
  public boolean add(ObjectId e) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean remove(Object o) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean addAll(Collection<? extends ObjectId> c) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean removeIf(Predicate<? super ObjectId> filter) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException();
  }
}
