package io.graphyne.chainstore.kv;

/** A consistent point-in-time view of a store; release it with {@link #close()}. */
public interface KvSnapshot extends KvReader, AutoCloseable {
  @Override
  void close();
}
