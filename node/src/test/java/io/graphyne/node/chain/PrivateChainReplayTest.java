package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * THE acceptance test: the real private chain made by bitshares-core 7.0.2 replays from its
 * genesis with every block and transaction accepted, and every block id, witness signee and
 * transaction signer equal to what the node recorded.
 */
class PrivateChainReplayTest {
  static final Secp256k1 SECP = Secp256k1Provider.system();

  static Genesis genesis() throws Exception {
    return Genesis.load(Vectors.path("private-chain/genesis.json"));
  }

  static ChainController fresh(ChainStore store, Genesis g) {
    g.initialize(store);
    return ChainController.open(store, ChainController.Options.defaults(HardforkSchedule.mainnet()));
  }

  @Test
  void replaysEveryBlockWithIdsSigneesAndSignersEqualToTheNode() throws Exception {
    Genesis g = genesis();
    assertThat(g.chainId().toHex()).isEqualTo(Vectors.json("private-chain/chain.json").get("chain_id").asText());
    List<String> blocks = Vectors.lines("private-chain/blocks.hex");
    List<JsonNode> ids = Vectors.jsonLines("private-chain/block_ids.jsonl");
    Map<String, Integer> expectedSigners = new HashMap<>();
    for (JsonNode s : Vectors.jsonLines("private-chain/scenario.jsonl")) {
      expectedSigners.put(s.get("tx_id").asText(), s.get("signers").asInt());
    }
    Set<PublicKey> knownKeys = new HashSet<>();
    for (Iterator<JsonNode> it = Vectors.json("private-chain/keys.json").elements(); it.hasNext(); ) {
      knownKeys.add(PublicKey.parse(it.next().get("pub").asText(), null));
    }
    Map<ObjectId, PublicKey> witnessKeys = new HashMap<>();
    for (int i = 0; i < g.witnessCandidates().size(); i++) {
      witnessKeys.put(ObjectId.witness(i + 1), g.witnessCandidates().get(i).signingKey());
    }
    try (ChainStore store = ChainStore.inMemory(g.chainId())) {
      ChainController c = fresh(store, g);
      int txs = 0;
      for (int i = 0; i < blocks.size(); i++) {
        PreparedBlock b = PreparedBlock.decode(Hex.decode(blocks.get(i)), g.chainId(), SECP);
        BlockResult r = c.pushBlock(b);
        assertThat(r.reason()).as("block %d: %s", i + 1, r).isEqualTo(Reason.ACCEPTED);
        assertThat(r.blockId().toHex()).isEqualTo(ids.get(i).get("block_id").asText());
        assertThat(r.signee()).isEqualTo(witnessKeys.get(r.witness()));
        for (PreparedTransaction t : b.transactions()) {
          txs++;
          assertThat(t.signers()).hasSize(expectedSigners.get(t.id().toHex()));
          assertThat(knownKeys).containsAll(t.signers());
        }
      }
      assertThat(txs).isEqualTo(217);
      assertThat(c.head().blockNum()).isEqualTo(220);
      assertThat(c.head().lastIrreversibleBlockNum()).isBetween(200L, 220L);
      assertThat(c.rejections()).isEmpty();
      // 1.10.8 executed an authority change of multikey-2of3 (1.2.24): 3 keys, threshold 3
      assertThat(store.state().account(ObjectId.account(24)).orElseThrow().active().weightThreshold()).isEqualTo(3);
      // every proposal of the first 220 blocks has executed, expired or been deleted, except open ones
      assertThat(store.state().counter(Genesis.NEXT_PROPOSAL)).hasValue(9);
    }
  }
}
