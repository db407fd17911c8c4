package io.graphyne.protocol;

import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.codec.Codecs;
import java.util.List;

/** {@code signed_block}: the signed header, then the processed transactions. */
public record SignedBlock(
    @Fc(name = "signed_block_header", type = "signed_block_header", flatten = true) SignedBlockHeader signedHeader,
    @Fc(name = "transactions", type = "vector<processed_transaction>") List<ProcessedTransaction> transactions) {

  public SignedBlock {
    transactions = transactions == null ? List.of() : List.copyOf(transactions);
  }

  public BlockHeader header() {
    return signedHeader.header();
  }

  public Bytes id() {
    return signedHeader.id();
  }

  public long blockNum() {
    return signedHeader.blockNum();
  }

  public byte[] toBytes() {
    return Codecs.encode(this);
  }

  /** The merkle root of the transactions as bitshares-core computes it (spec/chain.md §3.2). */
  public Bytes computeMerkleRoot() {
    return merkleRoot(transactions);
  }

  public static Bytes merkleRoot(List<ProcessedTransaction> txs) {
    if (txs.isEmpty()) {
      return Bytes.zeros(20);
    }
    byte[][] level = new byte[txs.size()][];
    for (int i = 0; i < level.length; i++) {
      level[i] = Hashes.sha256(txs.get(i).toBytes());
    }
    return merkleRootOfDigests(level);
  }

  /** Merkle root over already computed merkle digests (the array is overwritten). */
  public static Bytes merkleRootOfDigests(byte[][] level) {
    if (level.length == 0) {
      return Bytes.zeros(20);
    }
    int n = level.length;
    while (n > 1) {
      int next = 0;
      for (int i = 0; i + 1 < n; i += 2) {
        level[next++] = Hashes.sha256(level[i], level[i + 1]);
      }
      if ((n & 1) == 1) {
        level[next++] = level[n - 1];
      }
      n = next;
    }
    return Bytes.wrap(Hashes.ripemd160(level[0]));
  }
}
