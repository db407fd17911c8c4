package io.graphyne.node.chain;

import io.graphyne.protocol.BlockHeader;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedBlockHeader;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.codec.Codecs;

/**
 * Builds every record codec once on the calling thread. {@code Codecs.of} publishes a new codec in
 * its map before the codec's {@code init()} has finished, so a second thread can see a codec
 * whose accessors are still null (found while encoding on several threads; reported to the
 * codec's owner). Calling {@link #ensure()} before any parallel encoding or decoding avoids it.
 */
public final class CodecWarmup {
  private static volatile boolean done;

  private CodecWarmup() {}

  public static void ensure() {
    if (done) {
      return;
    }
    synchronized (CodecWarmup.class) {
      if (done) {
        return;
      }
      for (Class<?> c : io.graphyne.protocol.Schema.STRUCTS.values()) {
        Codecs.of(c);
      }
      for (int tag = 0; tag < Operations.count(); tag++) {
        Codecs.of(Operations.classOf(tag));
      }
      for (Class<?> c : new Class<?>[] {Transaction.class, SignedTransaction.class, ProcessedTransaction.class,
          BlockHeader.class, SignedBlockHeader.class, SignedBlock.class}) {
        Codecs.of(c);
      }
      Codecs.forType("operation");
      Codecs.forType("vector<restriction>");
      done = true;
    }
  }
}
