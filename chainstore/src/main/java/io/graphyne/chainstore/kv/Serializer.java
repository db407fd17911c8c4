package io.graphyne.chainstore.kv;

/** Turns a typed key or value into bytes and back. Decoding corrupt bytes throws ChainStoreException. */
public interface Serializer<T> {
  byte[] encode(T value);

  T decode(byte[] bytes);
}
