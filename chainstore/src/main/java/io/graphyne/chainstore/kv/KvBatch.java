package io.graphyne.chainstore.kv;

import java.util.Arrays;

/**
 * An ordered list of writes that a {@link KvStore} applies atomically. Not thread-safe. The batch
 * keeps copies of what it is given, except through {@link #putOwned}/{@link #deleteOwned}, and
 * engines may keep the arrays of a committed batch without copying them again.
 *
 * <p>The writes are held in parallel arrays (no object per write); engines read them by index
 * ({@link #kind(int)}, {@link #column(int)}, {@link #key(int)}, {@link #value(int)}).
 */
public final class KvBatch {
  /** The kind of a write; a range delete's {@link #value(int)} is its end key (exclusive). */
  public enum Kind {
    PUT,
    DELETE,
    DELETE_RANGE
  }

  private static final Kind[] KINDS = Kind.values();
  private static final Column[] COLUMNS = Column.values();

  /** Kind ordinal (low 8 bits) and column ordinal (next 8 bits) of each write. */
  private short[] codes;
  private byte[][] keys;
  private byte[][] values;
  private int size;

  public KvBatch() {
    this(16);
  }

  /** A batch with room for {@code expectedOps} writes before it grows. */
  public KvBatch(int expectedOps) {
    int n = Math.max(4, expectedOps);
    codes = new short[n];
    keys = new byte[n][];
    values = new byte[n][];
  }

  private void add(Kind kind, Column column, byte[] key, byte[] value) {
    if (size == codes.length) {
      int n = size * 2;
      codes = Arrays.copyOf(codes, n);
      keys = Arrays.copyOf(keys, n);
      values = Arrays.copyOf(values, n);
    }
    codes[size] = (short) (kind.ordinal() | column.ordinal() << 8);
    keys[size] = key;
    values[size] = value;
    size++;
  }

  public KvBatch put(Column column, byte[] key, byte[] value) {
    add(Kind.PUT, column, key.clone(), value.clone());
    return this;
  }

  public KvBatch delete(Column column, byte[] key) {
    add(Kind.DELETE, column, key.clone(), null);
    return this;
  }

  /** Like {@link #put} without copying: the caller hands the arrays over and never changes them. */
  public KvBatch putOwned(Column column, byte[] key, byte[] value) {
    add(Kind.PUT, column, key, value);
    return this;
  }

  /** Like {@link #delete} without copying the key (handed over, never changed). */
  public KvBatch deleteOwned(Column column, byte[] key) {
    add(Kind.DELETE, column, key, null);
    return this;
  }

  /** Deletes keys {@code from <= key < to}. */
  public KvBatch deleteRange(Column column, byte[] fromInclusive, byte[] toExclusive) {
    add(Kind.DELETE_RANGE, column, fromInclusive.clone(), toExclusive.clone());
    return this;
  }

  public <K, V> KvBatch put(TypedColumn<K, V> column, K key, V value) {
    return put(column.column(), column.keys().encode(key), column.values().encode(value));
  }

  public <K, V> KvBatch delete(TypedColumn<K, V> column, K key) {
    return delete(column.column(), column.keys().encode(key));
  }

  /** The kind of write {@code i} (0 = first added). */
  public Kind kind(int i) {
    return KINDS[checkIndex(i) & 0xff];
  }

  public Column column(int i) {
    return COLUMNS[(checkIndex(i) >>> 8) & 0xff];
  }

  /** The key of write {@code i} (the start key of a range); not a copy, never to be changed. */
  public byte[] key(int i) {
    checkIndex(i);
    return keys[i];
  }

  /** The value of write {@code i} (null for a delete, the end key of a range); not a copy. */
  public byte[] value(int i) {
    checkIndex(i);
    return values[i];
  }

  private int checkIndex(int i) {
    return codes[java.util.Objects.checkIndex(i, size)];
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }
}
