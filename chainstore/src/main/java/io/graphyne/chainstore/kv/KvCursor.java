package io.graphyne.chainstore.kv;

/** A forward cursor over a key range, in unsigned byte order. Call {@link #next()} first. */
public interface KvCursor extends AutoCloseable {
  /** Moves to the next entry; false at the end. */
  boolean next();

  byte[] key();

  byte[] value();

  @Override
  void close();
}
