package io.graphyne.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.crypto.PrivateKey;
import io.graphyne.crypto.Recovery;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.util.Hex;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainFixtureTest {

  @Test
  void buildsLinkedSignedBlocksWithSignedTransactions() {
    ChainFixture chain = ChainFixture.builder().witnesses(3).build();
    PrivateKey alice = ChainFixture.key("alice");
    PrivateKey bob = ChainFixture.key("bob");
    chain.produceEmpty(2);
    SignedTransaction t1 = chain.sign(List.of(ChainFixture.transfer(17, 18, 1000)), alice);
    SignedTransaction t2 = chain.sign(List.of(ChainFixture.transfer(18, 17, 5), ChainFixture.transfer(18, 19, 6)), bob, alice);
    SignedTransaction t3 = chain.sign(List.of(ChainFixture.transfer(19, 17, 1)), bob);
    SignedBlock b3 = chain.produce(t1, t2, t3);
    chain.produce(chain.sign(List.of(ChainFixture.transfer(17, 19, 2)), alice));

    Secp256k1 secp = chain.secp();
    Bytes previous = Bytes.zeros(20);
    List<SignedBlock> blocks = chain.blocks();
    assertThat(blocks).hasSize(4);
    for (int i = 0; i < blocks.size(); i++) {
      SignedBlock b = blocks.get(i);
      assertThat(b.blockNum()).isEqualTo(i + 1);
      assertThat(b.header().previous()).isEqualTo(previous);
      assertThat(b.header().witness()).isEqualTo(ChainFixture.witnessId(i % 3));
      assertThat(b.computeMerkleRoot()).isEqualTo(b.header().transactionMerkleRoot());
      // Byte-exact through the codec.
      SignedBlock decoded = Codecs.decode(SignedBlock.class, b.toBytes());
      assertThat(decoded).isEqualTo(b);
      assertThat(decoded.id()).isEqualTo(b.id());
      Recovery signee =
          secp.recover(b.header().digest().toArray(), b.signedHeader().witnessSignature().toArray());
      assertThat(signee.key()).isEqualTo(chain.witnessKey(i % 3));
      previous = b.id();
    }
    assertThat(chain.headId()).isEqualTo(previous);
    assertThat(b3.header().transactionMerkleRoot().isZero()).isFalse();

    // TaPoS refers to block 2, signatures recover to the given keys in order.
    ProcessedTransaction p2 = b3.transactions().get(1);
    Transaction tx = p2.signed().transaction();
    assertThat(tx.refBlockNum()).isEqualTo(2);
    assertThat(tx.refBlockPrefix()).isEqualTo(Transaction.refBlockPrefix(blocks.get(1).id()));
    byte[] digest = tx.sigDigest(chain.chainId()).toArray();
    assertThat(secp.recover(digest, p2.signed().signatures().get(0).toArray()).key())
        .isEqualTo(bob.publicKey(secp));
    assertThat(secp.recover(digest, p2.signed().signatures().get(1).toArray()).key())
        .isEqualTo(alice.publicKey(secp));
  }

  /**
   * With the private chain's chain id, time and witness key, the fixture reproduces the real
   * node's block 1 byte for byte (deterministic fc signing).
   */
  @Test
  void reproducesTheRealPrivateChainBlockOne() {
    JsonNode chainJson = Vectors.json("private-chain/chain.json");
    ChainFixture chain =
        ChainFixture.builder()
            .chainId(Bytes.fromHex(chainJson.get("chain_id").asText()))
            .witnesses(5)
            .build();
    JsonNode keys = Vectors.json("private-chain/keys.json");
    for (int i = 0; i < 5; i++) {
      assertThat(chain.witnessKey(i).toString("BTS"))
          .isEqualTo(keys.get("init" + i + "-witness").get("pub").asText());
    }
    JsonNode real = Vectors.jsonLines("private-chain/blocks.jsonl").get(0).get("block");
    assertThat(real.get("witness").asText()).isEqualTo("1.6.5");
    SignedBlock b =
        chain.produce(4, Instant.parse(real.get("timestamp").asText() + "Z"), List.of());
    assertThat(Hex.encode(b.toBytes())).isEqualTo(Vectors.lines("private-chain/blocks.hex").get(0));
    assertThat(b.id().toHex())
        .isEqualTo(Vectors.jsonLines("private-chain/block_ids.jsonl").get(0).get("block_id").asText());
  }

  @Test
  void badBlocksCanBeBuiltWithoutJoiningTheChain() {
    ChainFixture chain = ChainFixture.builder().witnesses(2).build();
    chain.produceEmpty(1);
    SignedBlock wrongSigner =
        chain.build(chain.headId(), 1, chain.headTime().plusSeconds(3), List.of(), ChainFixture.key("mallory"));
    assertThat(chain.headNum()).isEqualTo(1);
    Recovery r =
        chain.secp().recover(wrongSigner.header().digest().toArray(), wrongSigner.signedHeader().witnessSignature().toArray());
    assertThat(r.key()).isNotEqualTo(chain.witnessKey(1));
    assertThat(Secp256k1.isCanonical(wrongSigner.signedHeader().witnessSignature().toArray())).isTrue();
  }
}
