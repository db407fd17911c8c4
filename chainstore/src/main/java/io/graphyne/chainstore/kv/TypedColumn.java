package io.graphyne.chainstore.kv;

/** A column with its key and value serializers. */
public record TypedColumn<K, V>(Column column, Serializer<K> keys, Serializer<V> values) {}
