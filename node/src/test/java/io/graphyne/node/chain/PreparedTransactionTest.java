package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.codec.Codecs;
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

  private static void check(ProcessedTransaction t, Bytes chainId) {
    PreparedTransaction p = PreparedTransaction.digest(t, chainId);
    assertThat(p.id()).isEqualTo(t.transaction().id());
    assertThat(p.sigDigest()).isEqualTo(t.transaction().sigDigest(chainId).toArray());
    assertThat(p.merkleDigest()).isEqualTo(t.merkleDigest().toArray());
    assertThat(p.unsignedSize()).isEqualTo(Codecs.encode(t.transaction()).length);
    assertThat(p.signedSize()).isEqualTo(Codecs.encode(t.signed()).length);
  }
}
