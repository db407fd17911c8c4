package io.graphyne.p2p.chain;

import io.graphyne.crypto.Hashes;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.codec.FcWriter;

/**
 * Generates a linked chain of simple signed blocks (no transactions) for tests and benchmarks:
 * each header links to the previous id, witnesses rotate over 1.6.1..1.6.5, blocks are 3 s apart,
 * and each is signed (compact, fc-canonical) by a fixed key over SHA-256 of the unsigned header.
 */
public final class ChainGenerator {
  private ChainGenerator() {}

  /** Appends {@code count} generated blocks to {@code chain}, starting after its head. */
  public static void extend(MemoryChain chain, int count, EcCrypto crypto, byte[] signingKey, long startTime) {
    for (int i = 0; i < count; i++) {
      ChainAccess.Head head = chain.head();
      long num = head.num() + 1;
      FcWriter w = new FcWriter(160);
      w.bytes(head.id().unsafeArray());
      w.u32(startTime + 3 * num);
      w.varint(1 + (num % 5));
      w.bytes(new byte[20]); // merkle root of no transactions
      w.varint(0); // header extensions
      byte[] unsigned = w.toByteArray();
      byte[] sig = crypto.signCompact(signingKey, Hashes.sha256(unsigned));
      w.bytes(sig);
      w.varint(0); // transactions
      Bytes block = Bytes.wrap(w.toByteArray());
      BlockHeaders h = BlockHeaders.parse(block.unsafeArray());
      if (chain.append(block, h) != ChainAccess.BlockVerdict.ACCEPTED) {
        throw new IllegalStateException("generated block " + num + " was not accepted");
      }
    }
  }
}
