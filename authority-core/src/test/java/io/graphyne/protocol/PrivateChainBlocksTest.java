package io.graphyne.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real private chain made by bitshares-core 7.0.2 (shared/vectors/private-chain): every block
 * decodes and re-encodes byte for byte, its JSON equals what the node's get_block returned, and
 * block ids, merkle roots and transaction ids equal the node's.
 */
class PrivateChainBlocksTest {
  private static final JsonContext CTX = new JsonContext("BTS");

  @Test
  void everyBlockRoundTripsAndMatchesTheNode() {
    List<String> hex = Vectors.lines("private-chain/blocks.hex");
    List<JsonNode> json = Vectors.jsonLines("private-chain/blocks.jsonl");
    List<JsonNode> ids = Vectors.jsonLines("private-chain/block_ids.jsonl");
    Map<Long, String> idByNum = new HashMap<>();
    ids.forEach(n -> idByNum.put(n.get("block_num").asLong(), n.get("block_id").asText()));
    assertThat(hex).hasSize(220);
    Bytes previousId = Bytes.zeros(20);
    for (int i = 0; i < hex.size(); i++) {
      byte[] raw = Hex.decode(hex.get(i));
      SignedBlock block = Codecs.decode(SignedBlock.class, raw);
      assertThat(block.toBytes()).as("block %d re-encodes", i + 1).isEqualTo(raw);
      assertThat(block.blockNum()).isEqualTo(i + 1);
      assertThat(block.header().previous()).isEqualTo(previousId);
      assertThat(block.id().toHex()).isEqualTo(idByNum.get((long) i + 1));
      assertThat(block.computeMerkleRoot()).isEqualTo(block.header().transactionMerkleRoot());
      JsonNode nodeJson = json.get(i).get("block");
      assertThat(ProtocolJson.toJson(block, CTX)).as("block %d JSON", i + 1).isEqualTo(nodeJson);
      assertThat(ProtocolJson.fromJson(SignedBlock.class, nodeJson, CTX)).isEqualTo(block);
      previousId = block.id();
    }
  }

  @Test
  void transactionIdsMatchTheNode() {
    List<JsonNode> txs = Vectors.jsonLines("private-chain/transactions.jsonl");
    assertThat(txs).isNotEmpty();
    for (JsonNode t : txs) {
      SignedTransaction tx = Codecs.decode(SignedTransaction.class, Hex.decode(t.get("hex").asText()));
      assertThat(tx.id().toHex()).isEqualTo(t.get("tx_id").asText());
      assertThat(Hex.encode(tx.transaction().toBytes())).isEqualTo(t.get("hex_without_sig").asText());
      assertThat(Hex.encode(tx.toBytes())).isEqualTo(t.get("hex").asText());
    }
  }
}
