package io.graphyne.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import org.junit.jupiter.api.Test;

/** shared/vectors/blocks.json: header bytes, header digest, block id, merkle root, tx ids. */
class BlockVectorsTest {
  private static final JsonNode FILE = Vectors.json("blocks.json");

  private static JsonNode vector(String id) {
    for (JsonNode v : FILE.get("vectors")) {
      if (v.get("id").asText().equals(id)) {
        return v;
      }
    }
    throw new AssertionError("no vector " + id);
  }

  @Test
  void mainnetBlock1() {
    JsonNode v = vector("block-001");
    SignedBlock b = ProtocolJson.fromJson(SignedBlock.class, v.get("block"), JsonContext.BTS);
    JsonNode d = v.get("derived");
    assertThat(Hex.encode(Codecs.encode(b.header()))).isEqualTo(d.get("header_bytes_hex").asText());
    assertThat(b.header().digest().toHex()).isEqualTo(d.get("header_digest_sha256").asText());
    assertThat(b.id().toHex()).isEqualTo(d.get("block_id").asText());
    assertThat(b.blockNum()).isEqualTo(1);
    assertThat(b.computeMerkleRoot().toHex()).isEqualTo(d.get("merkle_root_of_empty_block").asText());
    assertThat(Codecs.decode(SignedBlock.class, b.toBytes())).isEqualTo(b);
  }

  @Test
  void mainnetBlock15776988Header() {
    JsonNode v = vector("block-002");
    SignedBlockHeader h = ProtocolJson.fromJson(SignedBlockHeader.class, v.get("block_header"), JsonContext.BTS);
    JsonNode d = v.get("derived");
    assertThat(h.blockNum()).isEqualTo(d.get("block_num_from_previous").asLong()).isEqualTo(15776988L);
    assertThat(h.header().digest().toHex()).isEqualTo(d.get("header_digest_sha256").asText());
    assertThat(h.id().toHex()).isEqualTo(d.get("block_id").asText());
  }

  @Test
  void blocksWithTransactions() {
    for (String id : new String[] {"block-003", "block-004"}) {
      JsonNode v = vector(id);
      String prefix = id.equals("block-003") ? "AUNIT" : "BTS";
      SignedBlock b = ProtocolJson.fromJson(SignedBlock.class, v.get("block"), new JsonContext(prefix));
      JsonNode d = v.get("derived");
      assertThat(b.header().digest().toHex()).as(id).isEqualTo(d.get("header_digest_sha256").asText());
      assertThat(b.id().toHex()).as(id).isEqualTo(d.get("block_id").asText());
      assertThat(b.computeMerkleRoot()).as(id).isEqualTo(b.header().transactionMerkleRoot());
      ProcessedTransaction tx0 = b.transactions().get(0);
      assertThat(Hex.encode(tx0.transaction().toBytes())).isEqualTo(d.get("tx0_unsigned_hex").asText());
      assertThat(tx0.transaction().id().toHex()).isEqualTo(d.get("tx0_txid").asText());
      assertThat(Hex.encode(tx0.toBytes())).isEqualTo(d.get("tx0_processed_transaction_hex").asText());
      assertThat(Codecs.decode(SignedBlock.class, b.toBytes())).isEqualTo(b);
      assertThat(ProtocolJson.fromJson(SignedBlock.class, ProtocolJson.toJson(b, prefix), new JsonContext(prefix))).isEqualTo(b);
    }
  }
}
