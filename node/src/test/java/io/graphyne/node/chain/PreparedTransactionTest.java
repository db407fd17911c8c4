package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodedBlock;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The single-encoding digests of {@link PreparedTransaction} equal the ones computed from separate
 * encodings of the transaction, the signed transaction and the processed transaction.
 */
class PreparedTransactionTest {
  @Test
  void digestsAndSizesEqualSeparateEncodingsOnTheRealPrivateChain() throws Exception {
    Bytes chainId = Bytes.fromHex(Vectors.json("private-chain/chain.json").get("chain_id").asText());
    List<ProcessedTransaction> all = new ArrayList<>();
    for (String line : Vectors.lines("private-chain/blocks.hex")) {
      all.addAll(Codecs.decode(SignedBlock.class, Hex.decode(line.strip())).transactions());
    }
    assertThat(all).hasSizeGreaterThan(200);
    for (ProcessedTransaction t : all) {
      check(t, chainId);
    }
  }

  @Test
  void operationResultsAreInTheMerkleLeafButNotInTheIdOrSizes() throws Exception {
    Bytes chainId = Bytes.fromHex(Vectors.json("private-chain/chain.json").get("chain_id").asText());
    ProcessedTransaction base = null;
    for (String line : Vectors.lines("private-chain/blocks.hex")) {
      SignedBlock b = Codecs.decode(SignedBlock.class, Hex.decode(line.strip()));
      if (!b.transactions().isEmpty()) {
        base = b.transactions().get(0);
        break;
      }
    }
    assertThat(base).isNotNull();
    // object_id_type result (tag 1) and an empty void result (tag 0)
    ProcessedTransaction withResults = new ProcessedTransaction(base.signed(),
        List.of(new StaticVariant(1, ObjectId.account(77)), new StaticVariant(0, new io.graphyne.protocol.types.VoidResult())));
    check(withResults, chainId);
    PreparedTransaction a = PreparedTransaction.digest(base, chainId);
    PreparedTransaction b = PreparedTransaction.digest(withResults, chainId);
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(b.sigDigest()).isEqualTo(a.sigDigest());
    assertThat(b.merkleDigest()).isNotEqualTo(a.merkleDigest());
  }

  @Test
  void digestsFromTheRawBlockEqualTheReEncodingsOnEveryRealBlock() throws Exception {
    Bytes privateId = Bytes.fromHex(Vectors.json("private-chain/chain.json").get("chain_id").asText());
    int txs = 0;
    for (String line : Vectors.lines("private-chain/blocks.hex")) {
      txs += checkBothWays(Hex.decode(line.strip()), privateId);
    }
    Bytes loadId = Bytes.fromHex(Vectors.json("load-chain/chain.json").get("chain_id").asText());
    try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
        new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(Vectors.path("load-chain/blocks.hex.gz"))),
        java.nio.charset.StandardCharsets.US_ASCII))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          txs += checkBothWays(Hex.decode(line.strip()), loadId);
        }
      }
    }
    assertThat(txs).isGreaterThan(63054);
  }

  /** Both ways (raw slices, re-encoding): equal ids, digests, sizes and the header's merkle root. */
  private static int checkBothWays(byte[] raw, Bytes chainId) {
    DecodedBlock d = Codecs.decodeBlock(raw);
    int n = d.transactionCount();
    byte[][] fromRaw = new byte[n][];
    byte[][] reEncoded = new byte[n][];
    for (int i = 0; i < n; i++) {
      assertThat(d.canonical(i)).isTrue();
      PreparedTransaction a = PreparedTransaction.digest(d, i, chainId);
      PreparedTransaction b = PreparedTransaction.digest(d.transaction(i), chainId);
      assertSame(a, b);
      fromRaw[i] = a.merkleDigest();
      reEncoded[i] = b.merkleDigest();
    }
    Bytes root = d.block().header().transactionMerkleRoot();
    assertThat(SignedBlock.merkleRootOfDigests(fromRaw)).isEqualTo(root);
    assertThat(SignedBlock.merkleRootOfDigests(reEncoded)).isEqualTo(root);
    return n;
  }

  private static void assertSame(PreparedTransaction a, PreparedTransaction b) {
    assertThat(a.id()).isEqualTo(b.id());
    assertThat(a.sigDigest()).isEqualTo(b.sigDigest());
    assertThat(a.merkleDigest()).isEqualTo(b.merkleDigest());
    assertThat(a.unsignedSize()).isEqualTo(b.unsignedSize());
    assertThat(a.signedSize()).isEqualTo(b.signedSize());
    assertThat(a.processed()).isSameAs(b.processed());
  }

  /**
   * Non-canonical transactions in a block (an unsorted flat_map, a padded varint) are re-encoded:
   * their ids and digests are core's (those of the canonical transaction), not the raw bytes' hash.
   */
  @Test
  void nonCanonicalTransactionsFallBackToTheReEncoding() throws Exception {
    Bytes chainId = Bytes.fromHex(Vectors.json("private-chain/chain.json").get("chain_id").asText());
    String pair = "0c21000d2100"; // account_auths entries 1.2.12 and 1.2.13, weight 33
    byte[] raw = null;
    for (String line : Vectors.lines("private-chain/blocks.hex")) {
      if (line.contains(pair)) {
        raw = Hex.decode(line.strip());
        break;
      }
    }
    assertThat(raw).isNotNull();
    DecodedBlock original = Codecs.decodeBlock(raw);
    int at = Hex.encode(raw).indexOf(pair) / 2;
    int tx = 0;
    while (original.end(tx) <= at) {
      tx++;
    }
    byte[] swapped = raw.clone();
    System.arraycopy(Hex.decode("0d21000c2100"), 0, swapped, at, 6);
    checkFallBack(original, Codecs.decodeBlock(swapped), tx, chainId);

    // The operation count of the first transaction, padded to two bytes.
    int opCount = original.start(0) + 10;
    assertThat(raw[opCount]).isEqualTo((byte) 1);
    byte[] padded = new byte[raw.length + 1];
    System.arraycopy(raw, 0, padded, 0, opCount);
    padded[opCount] = (byte) 0x81;
    padded[opCount + 1] = 0;
    System.arraycopy(raw, opCount + 1, padded, opCount + 2, raw.length - opCount - 1);
    checkFallBack(original, Codecs.decodeBlock(padded), 0, chainId);
  }

  private static void checkFallBack(DecodedBlock original, DecodedBlock changed, int tx, Bytes chainId) {
    assertThat(changed.block()).isEqualTo(original.block());
    for (int i = 0; i < changed.transactionCount(); i++) {
      assertThat(changed.canonical(i)).as("tx " + i).isEqualTo(i != tx);
    }
    PreparedTransaction core = PreparedTransaction.digest(original, tx, chainId);
    PreparedTransaction p = PreparedTransaction.digest(changed, tx, chainId);
    assertSame(p, PreparedTransaction.digest(changed.transaction(tx), chainId));
    assertThat(p.id()).isEqualTo(core.id());
    assertThat(p.sigDigest()).isEqualTo(core.sigDigest());
    assertThat(p.merkleDigest()).isEqualTo(core.merkleDigest());
    assertThat(p.id()).isEqualTo(changed.transaction(tx).transaction().id());
    byte[] rawHash = io.graphyne.crypto.Hashes.sha256(changed.raw(), changed.start(tx), changed.end(tx) - changed.start(tx));
    assertThat(p.merkleDigest()).isNotEqualTo(rawHash);
  }

  private static void check(ProcessedTransaction t, Bytes chainId) {
    PreparedTransaction p = PreparedTransaction.digest(t, chainId);
    assertThat(p.id()).isEqualTo(t.transaction().id());
    assertThat(p.sigDigest()).isEqualTo(t.transaction().sigDigest(chainId).toArray());
    assertThat(p.merkleDigest()).isEqualTo(t.merkleDigest().toArray());
    assertThat(p.unsignedSize()).isEqualTo(Codecs.encode(t.transaction()).length);
    assertThat(p.signedSize()).isEqualTo(Codecs.encode(t.signed()).length);
  }
}
