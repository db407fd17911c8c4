package io.graphyne.chainstore;

import io.graphyne.protocol.Bytes;

/** The last committed block and the last irreversible block number. Block 0 = empty chain. */
public record Head(long blockNum, Bytes blockId, long lastIrreversibleBlockNum) {
  public static final Head EMPTY = new Head(0, Bytes.zeros(20), 0);
}
