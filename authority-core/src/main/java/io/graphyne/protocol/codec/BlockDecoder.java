package io.graphyne.protocol.codec;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedBlockHeader;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.Transaction;
import java.util.List;

/**
 * {@link Codecs#decodeBlock}: the generic decoding of {@code signed_block} (what {@link
 * RecordCodec} and {@link ContainerCodecs.VectorCodec} do for it, step for step: the same reads,
 * nesting depth, error paths and record construction), unrolled down to the processed
 * transactions so that the reader's position can be noted at the end of each transaction's parts.
 */
final class BlockDecoder {
  private BlockDecoder() {}

  private static final RecordCodec<SignedBlock> BLOCK = Codecs.of(SignedBlock.class);
  private static final RecordCodec<ProcessedTransaction> PROCESSED = Codecs.of(ProcessedTransaction.class);
  private static final RecordCodec<SignedTransaction> SIGNED = Codecs.of(SignedTransaction.class);

  private static final Codec<SignedBlockHeader> HEADER = component(BLOCK, 0, "signed_block_header");
  private static final ContainerCodecs.VectorCodec<ProcessedTransaction> TRANSACTIONS =
      component(BLOCK, 1, "transactions");
  private static final Codec<Transaction> TRANSACTION = component(SIGNED, 0, "transaction");
  private static final Codec<List<Bytes>> SIGNATURES = component(SIGNED, 1, "signatures");
  private static final Codec<List<StaticVariant>> RESULTS = component(PROCESSED, 1, "operation_results");

  static {
    // The unrolled structure below must be the records' structure.
    check(BLOCK.componentCount() == 2 && PROCESSED.componentCount() == 2 && SIGNED.componentCount() == 2);
    check(Codecs.direct(TRANSACTIONS.element) == PROCESSED);
    check((Object) Codecs.direct(PROCESSED.componentCodec(0)) == SIGNED);
    check(PROCESSED.componentName(0).equals("signed_transaction"));
  }

  private static void check(boolean ok) {
    if (!ok) {
      throw new IllegalStateException("signed_block's structure is not the one BlockDecoder unrolls");
    }
  }

  @SuppressWarnings("unchecked")
  private static <C> C component(RecordCodec<?> record, int i, String name) {
    check(record.componentName(i).equals(name));
    return (C) Codecs.direct(record.componentCodec(i));
  }

  static DecodedBlock decode(byte[] raw) {
    FcReader r = new FcReader(raw);
    // signed_block: the flattened signed_block_header, then vector<processed_transaction>.
    r.enter();
    SignedBlockHeader header = HEADER.read(r); // flattened: its errors are not re-pathed
    ProcessedTransaction[] txs;
    int[] spans;
    boolean[] canonical;
    try {
      int n = r.count(PROCESSED.minBytes(), ContainerCodecs.maxCount(PROCESSED));
      txs = new ProcessedTransaction[n];
      spans = new int[4 * n];
      canonical = new boolean[n];
      for (int i = 0; i < n; i++) {
        int before = r.nonCanonicalCount();
        spans[4 * i] = r.arrayPosition();
        try {
          txs[i] = readProcessed(r, spans, 4 * i);
        } catch (DecodeException e) {
          throw e.within("[" + i + "]");
        }
        spans[4 * i + 3] = r.arrayPosition();
        canonical[i] = r.nonCanonicalCount() == before;
      }
    } catch (DecodeException e) {
      throw e.within(BLOCK.componentName(1));
    }
    r.exit();
    SignedBlock block;
    try {
      block = new SignedBlock(header, List.of(txs));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw r.error(DecodeException.Kind.INVALID_VALUE, SignedBlock.class.getSimpleName() + ": " + e.getMessage());
    }
    r.expectEnd();
    return new DecodedBlock(block, raw, spans, canonical);
  }

  /** processed_transaction: the flattened signed_transaction, then the operation results. */
  private static ProcessedTransaction readProcessed(FcReader r, int[] spans, int at) {
    r.enter();
    SignedTransaction signed = readSigned(r, spans, at); // flattened
    spans[at + 2] = r.arrayPosition();
    List<StaticVariant> results;
    try {
      results = RESULTS.read(r);
    } catch (DecodeException e) {
      throw e.within(PROCESSED.componentName(1));
    }
    r.exit();
    try {
      return new ProcessedTransaction(signed, results);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw r.error(DecodeException.Kind.INVALID_VALUE, ProcessedTransaction.class.getSimpleName() + ": " + e.getMessage());
    }
  }

  /** signed_transaction: the flattened transaction, then the signatures. */
  private static SignedTransaction readSigned(FcReader r, int[] spans, int at) {
    r.enter();
    Transaction tx = TRANSACTION.read(r); // flattened
    spans[at + 1] = r.arrayPosition();
    List<Bytes> signatures;
    try {
      signatures = SIGNATURES.read(r);
    } catch (DecodeException e) {
      throw e.within(SIGNED.componentName(1));
    }
    r.exit();
    try {
      return new SignedTransaction(tx, signatures);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw r.error(DecodeException.Kind.INVALID_VALUE, SignedTransaction.class.getSimpleName() + ": " + e.getMessage());
    }
  }
}
