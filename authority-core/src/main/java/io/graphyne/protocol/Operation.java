package io.graphyne.protocol;

import io.graphyne.protocol.types.Asset;

/**
 * One of the 78 BitShares operations (the {@code operation} static_variant). Implemented by the
 * generated records in {@code io.graphyne.protocol.ops}; the tag is the record's position in
 * {@link Schema#OPERATIONS}.
 */
public interface Operation {
  /** Every operation carries a fee. */
  Asset fee();

  /** The static_variant tag (0..77). */
  default int tag() {
    return Operations.tagOf(getClass());
  }

  /**
   * bitshares-core's name of the operation, e.g. {@code transfer}. (Not {@code name()}: records
   * such as account_create and worker_create have a {@code name} field of their own.)
   */
  default String operationName() {
    return Schema.OPERATION_NAMES.get(tag());
  }

  /** Virtual operations are produced by the chain and never valid inside a transaction. */
  default boolean isVirtual() {
    return Schema.VIRTUAL_OPERATIONS.contains(tag());
  }
}
