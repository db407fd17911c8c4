package io.graphyne.chainstore.kv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ordered list of writes that a {@link KvStore} applies atomically. Not thread-safe. The batch
 * keeps copies of what it is given, except through {@link #putOwned}/{@link #deleteOwned}, and
 * engines may keep the arrays of a committed batch without copying them again.
 */
public final class KvBatch {
  /** One write. {@code value} is the end key (exclusive) for {@link Kind#DELETE_RANGE}. */
  public record Op(Kind kind, Column column, byte[] key, byte[] value) {}

  public enum Kind {
    PUT,
    DELETE,
    DELETE_RANGE
  }

  private final List<Op> ops = new ArrayList<>();

  public KvBatch put(Column column, byte[] key, byte[] value) {
    ops.add(new Op(Kind.PUT, column, key.clone(), value.clone()));
    return this;
  }

  public KvBatch delete(Column column, byte[] key) {
    ops.add(new Op(Kind.DELETE, column, key.clone(), null));
    return this;
  }

  /** Like {@link #put} without copying: the caller hands the arrays over and never changes them. */
  public KvBatch putOwned(Column column, byte[] key, byte[] value) {
    ops.add(new Op(Kind.PUT, column, key, value));
    return this;
  }

  /** Like {@link #delete} without copying the key (handed over, never changed). */
  public KvBatch deleteOwned(Column column, byte[] key) {
    ops.add(new Op(Kind.DELETE, column, key, null));
    return this;
  }

  /** Deletes keys {@code from <= key < to}. */
  public KvBatch deleteRange(Column column, byte[] fromInclusive, byte[] toExclusive) {
    ops.add(new Op(Kind.DELETE_RANGE, column, fromInclusive.clone(), toExclusive.clone()));
    return this;
  }

  public <K, V> KvBatch put(TypedColumn<K, V> column, K key, V value) {
    return put(column.column(), column.keys().encode(key), column.values().encode(value));
  }

  public <K, V> KvBatch delete(TypedColumn<K, V> column, K key) {
    return delete(column.column(), column.keys().encode(key));
  }

  public List<Op> ops() {
    return Collections.unmodifiableList(ops);
  }

  public int size() {
    return ops.size();
  }

  public boolean isEmpty() {
    return ops.isEmpty();
  }
}
