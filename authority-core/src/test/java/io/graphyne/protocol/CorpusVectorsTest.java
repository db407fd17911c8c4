package io.graphyne.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * bitsharesjs-corpus.jsonl (198 random signed transactions over 66 operation types, boundary
 * values) and op_json_samples_mainnet.json (203 real mainnet operations).
 */
class CorpusVectorsTest {

  @TestFactory
  Stream<DynamicTest> bitsharesjsCorpus() {
    List<JsonNode> records = Vectors.jsonLines("bitsharesjs-corpus.jsonl");
    assertThat(records).hasSize(198);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode rec : records) {
      tests.add(DynamicTest.dynamicTest("seed " + rec.get("seed").asText(), () -> {
        JsonContext ctx = new JsonContext(rec.get("address_prefix").asText());
        byte[] hex = Hex.decode(rec.get("hex").asText());
        SignedTransaction fromJson = ProtocolJson.fromJson(SignedTransaction.class, rec.get("json"), ctx);
        assertThat(fromJson.toBytes()).isEqualTo(hex);
        SignedTransaction decoded = Codecs.decode(SignedTransaction.class, hex);
        assertThat(decoded).isEqualTo(fromJson);
        assertThat(Hex.encode(decoded.transaction().toBytes())).isEqualTo(rec.get("unsigned_hex").asText());
        assertThat(decoded.id().toHex()).isEqualTo(rec.get("txid").asText());
        Bytes chainId = Bytes.fromHex(rec.get("chain_id").asText());
        assertThat(decoded.sigDigest(chainId).toHex()).isEqualTo(rec.get("digest").asText());
        JsonNode ours = ProtocolJson.toJson(decoded, ctx);
        assertThat(ProtocolJson.fromJson(SignedTransaction.class, ours, ctx)).isEqualTo(decoded);
      }));
    }
    return tests.stream();
  }

  @Test
  void corpusCoversTheOperationTypesItClaims() {
    Set<Integer> tags = new HashSet<>();
    for (JsonNode rec : Vectors.jsonLines("bitsharesjs-corpus.jsonl")) {
      SignedTransaction tx = Codecs.decode(SignedTransaction.class, Hex.decode(rec.get("hex").asText()));
      tx.transaction().operations().forEach(op -> tags.add(op.tag()));
    }
    assertThat(tags.size()).isGreaterThanOrEqualTo(66);
  }

  @TestFactory
  Stream<DynamicTest> mainnetOperationSamples() {
    JsonNode samples = Vectors.json("op_json_samples_mainnet.json").get("samples");
    assertThat(samples.size()).isEqualTo(203);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode s : samples) {
      tests.add(DynamicTest.dynamicTest(s.get("id").asText() + " " + s.get("operation_name").asText(), () -> {
        int tag = s.get("operation_id").asInt();
        Class<? extends Operation> cls = Operations.classOf(tag);
        assertThat(Operations.nameOf(tag)).isEqualTo(s.get("operation_name").asText());
        Operation op;
        try {
          op = ProtocolJson.fromJson(cls, s.get("operation"), JsonContext.BTS);
        } catch (DecodeException e) {
          // A few samples were never checked against real bytes upstream and lack fields (e.g.
          // sample-173's chain_parameters); they must fail with a clear typed error.
          assertThat(s.get("op_types_validated_against_upstream_hex").asBoolean()).as(e.getMessage()).isFalse();
          assertThat(e.kind()).isEqualTo(DecodeException.Kind.BAD_JSON);
          assertThat(e.getMessage()).contains("missing field");
          return;
        }
        byte[] bytes = Codecs.encode(op);
        assertThat((Object) Codecs.decode(cls, bytes)).isEqualTo(op);
        JsonNode ours = ProtocolJson.toJson(op, JsonContext.BTS);
        assertThat((Object) ProtocolJson.fromJson(cls, ours, JsonContext.BTS)).isEqualTo(op);
        if (s.has("derived_only_serialized_op_hex")) {
          assertThat(Hex.encode(Codecs.encodeOperation(op))).isEqualTo(s.get("derived_only_serialized_op_hex").asText());
        }
      }));
    }
    return tests.stream();
  }
}
