package io.graphyne.p2p.chain;

import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.protocol.BlockHeader;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedBlockHeader;
import java.time.Instant;
import java.util.List;

/**
 * Generates a linked chain of simple signed blocks (no transactions) for tests and benchmarks:
 * each header links to the previous id, witnesses rotate over 1.6.1..1.6.5, blocks are 3 s apart,
 * and each is signed (compact, fc-canonical) by one key over the header digest, as a witness
 * signs. Not valid under consensus rules (the witness keys are not the chain's).
 */
public final class ChainGenerator {
  private ChainGenerator() {}

  /** Appends {@code count} generated blocks to {@code chain}, starting after its head. */
  public static void extend(MemoryChain chain, int count, EcCrypto crypto, byte[] signingKey, long startTime) {
    for (int i = 0; i < count; i++) {
      ChainAccess.Head head = chain.head();
      long num = head.num() + 1;
      BlockHeader header =
          new BlockHeader(
              head.id(),
              Instant.ofEpochSecond(startTime + 3 * num),
              new ObjectId(ObjectId.PROTOCOL_SPACE, ObjectId.WITNESS_TYPE, 1 + (num % 5)),
              Bytes.zeros(20),
              List.of());
      Bytes sig = Bytes.wrap(crypto.signCompact(signingKey, header.digest().unsafeArray()));
      SignedBlock block = new SignedBlock(new SignedBlockHeader(header, sig), List.of());
      Bytes raw = Bytes.wrap(block.toBytes());
      if (chain.append(raw, BlockHeaders.parse(raw.unsafeArray())) != ChainAccess.BlockVerdict.ACCEPTED) {
        throw new IllegalStateException("generated block " + num + " was not accepted");
      }
    }
  }
}
