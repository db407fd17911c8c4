package io.graphyne.bench;

import io.graphyne.protocol.BlockHeader;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedBlockHeader;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Benchmark inputs built from the real private chain's transactions (shared/vectors). */
public final class RealBlocks {
  private RealBlocks() {}

  /** The private chain's signed transactions (transfers, account creations, proposals, ...). */
  public static List<SignedTransaction> transactions() {
    List<SignedTransaction> real = new ArrayList<>();
    Vectors.jsonLines("private-chain/transactions.jsonl")
        .forEach(t -> real.add(Codecs.decode(SignedTransaction.class, Hex.decode(t.get("hex").asText()))));
    return real;
  }

  /** One signed block (zero signature) holding {@code txPerBlock} of them, cycling. */
  public static SignedBlock block(int txPerBlock) {
    List<SignedTransaction> real = transactions();
    List<ProcessedTransaction> txs = new ArrayList<>();
    for (int i = 0; i < txPerBlock; i++) {
      txs.add(new ProcessedTransaction(real.get(i % real.size()), List.of()));
    }
    BlockHeader header =
        new BlockHeader(Bytes.zeros(20), Instant.ofEpochSecond(1_700_000_000L), ObjectId.witness(1),
            SignedBlock.merkleRoot(txs), List.of());
    return new SignedBlock(new SignedBlockHeader(header, Bytes.zeros(65)), txs);
  }
}
