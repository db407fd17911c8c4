package io.graphyne.protocol.codec;

import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.SignedBlock;

/**
 * A signed block decoded from its raw bytes, with where each transaction lies in them and whether
 * those bytes were the canonical encoding ({@link Codecs#decodeBlock}). bitshares-core hashes the
 * canonical re-encoding of a transaction; when the decoder normalised nothing in a transaction,
 * that re-encoding is exactly its range of the raw block, which can then be hashed without
 * encoding the transaction again.
 */
public final class DecodedBlock {
  private final SignedBlock block;
  private final byte[] raw;
  /** Per transaction: start, end of the transaction, end of the signatures, end (absolute). */
  private final int[] spans;
  private final boolean[] canonical;

  DecodedBlock(SignedBlock block, byte[] raw, int[] spans, boolean[] canonical) {
    this.block = block;
    this.raw = raw;
    this.spans = spans;
    this.canonical = canonical;
  }

  public SignedBlock block() {
    return block;
  }

  /** The bytes the block was decoded from (not copied; never modify them). */
  public byte[] raw() {
    return raw;
  }

  public int transactionCount() {
    return canonical.length;
  }

  public ProcessedTransaction transaction(int i) {
    return block.transactions().get(i);
  }

  /**
   * True if transaction {@code i} was read without any normalisation, so that its canonical
   * encoding is {@code raw()[start(i), end(i))}, with the packed transaction (no signatures)
   * ending at {@link #unsignedEnd} and the packed signed transaction at {@link #signedEnd}.
   */
  public boolean canonical(int i) {
    return canonical[i];
  }

  /** Index in {@link #raw()} of the first byte of processed transaction {@code i}. */
  public int start(int i) {
    return spans[4 * i];
  }

  /** Index in {@link #raw()} just past the transaction part (ref_block_num ... extensions). */
  public int unsignedEnd(int i) {
    return spans[4 * i + 1];
  }

  /** Index in {@link #raw()} just past the signatures. */
  public int signedEnd(int i) {
    return spans[4 * i + 2];
  }

  /** Index in {@link #raw()} just past the operation results: the end of the transaction. */
  public int end(int i) {
    return spans[4 * i + 3];
  }
}
