package io.graphyne.chainstore;

/** Where a transaction was included: block number and index within the block. */
public record TxLocation(long blockNum, int index) {}
