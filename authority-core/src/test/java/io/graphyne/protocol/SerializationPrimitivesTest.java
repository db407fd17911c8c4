package io.graphyne.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.codec.Codec;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.codec.FcReader;
import io.graphyne.protocol.codec.FcWriter;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** misc.json "serialization_primitives" and spec/chain.md §1 examples. */
class SerializationPrimitivesTest {
  private static final JsonNode SECTION = Vectors.json("misc.json").get("sections").get("serialization_primitives");

  /** Vector id -> the fc type it exercises. */
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("serialization_primitives-002", "uint8_t"),
          Map.entry("serialization_primitives-003", "uint16_t"),
          Map.entry("serialization_primitives-004", "uint32_t"),
          Map.entry("serialization_primitives-005", "uint64_t"),
          Map.entry("serialization_primitives-006", "int64_t"),
          Map.entry("serialization_primitives-007", "int16_t"),
          Map.entry("serialization_primitives-008", "unsigned_int"),
          Map.entry("serialization_primitives-009", "string"),
          Map.entry("serialization_primitives-010", "vector<char>"),
          Map.entry("serialization_primitives-011", "bool"),
          Map.entry("serialization_primitives-012", "bool"),
          Map.entry("serialization_primitives-013", "optional<uint16_t>"),
          Map.entry("serialization_primitives-014", "optional<uint16_t>"),
          Map.entry("serialization_primitives-016", "flat_map<uint16_t,uint16_t>"),
          Map.entry("serialization_primitives-017", "vote_id_type"),
          Map.entry("serialization_primitives-018", "account_id_type"),
          Map.entry("serialization_primitives-019", "object_id_type"),
          Map.entry("serialization_primitives-020", "time_point_sec"),
          Map.entry("serialization_primitives-021", "fc::ripemd160"),
          Map.entry("serialization_primitives-022", "fc::sha256"),
          Map.entry("serialization_primitives-023", "string"),
          Map.entry("serialization_primitives-024", "vote_id_type"),
          Map.entry("serialization_primitives-025", "vote_id_type"),
          Map.entry("serialization_primitives-026", "flat_set<bool>"),
          Map.entry("serialization_primitives-027", "flat_map<bool,bool>"));

  @Test
  void everyTypedVector() {
    int checked = 0;
    for (JsonNode v : SECTION) {
      String id = v.get("id").asText();
      String type = TYPES.get(id);
      if (type == null) {
        continue;
      }
      String expected = v.has("fc_expected_hex") ? v.get("fc_expected_hex").asText() : v.get("expected_hex").asText();
      Codec<Object> c = Codecs.forType(type);
      Object value = c.fromJson(v.get("value"), JsonContext.BTS);
      FcWriter w = new FcWriter();
      c.write(w, value);
      assertThat(Hex.encode(w.toByteArray())).as(id + " " + type).isEqualTo(expected);
      FcReader r = new FcReader(Hex.decode(expected));
      assertThat(c.read(r)).as(id).isEqualTo(value);
      r.expectEnd();
      checked++;
    }
    assertThat(checked).isEqualTo(TYPES.size());
  }

  @Test
  void varints() {
    JsonNode v = SECTION.get(0);
    Iterator<Map.Entry<String, JsonNode>> it = v.get("vectors").fields();
    int n = 0;
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      long value = Long.parseUnsignedLong(e.getKey());
      assertThat(Hex.encode(new FcWriter().varint(value).toByteArray())).isEqualTo(e.getValue().asText());
      assertThat(new FcReader(Hex.decode(e.getValue().asText())).varint()).isEqualTo(value);
      n++;
    }
    assertThat(n).isGreaterThan(10);
  }

  @Test
  void staticVariantWhich10() {
    // serialization_primitives-015: tag 10 then a uint16 10.
    FcWriter w = new FcWriter().varint(10).u16(10);
    assertThat(Hex.encode(w.toByteArray())).isEqualTo("0a0a00");
  }

  @Test
  void specVarintExamples() {
    long[] values = {0, 127, 128, 300, 16384, 974337, 22805, -1L};
    String[] hex = {"00", "7f", "8001", "ac02", "808001", "81bc3b", "95b201", "ffffffffffffffffff01"};
    for (int i = 0; i < values.length; i++) {
      assertThat(Hex.encode(new FcWriter().varint(values[i]).toByteArray())).isEqualTo(hex[i]);
      assertThat(new FcReader(Hex.decode(hex[i])).varint()).isEqualTo(values[i]);
    }
  }

  @Test
  void nonMinimalVarintsDecodeLikeFc() {
    assertThat(new FcReader(Hex.decode("8000")).varint()).isZero();
    assertThatThrownBy(() -> new FcReader(Hex.decode("ffffffffffffffffff02")).varint())
        .isInstanceOf(DecodeException.class)
        .extracting(e -> ((DecodeException) e).kind())
        .isEqualTo(DecodeException.Kind.BAD_VARINT);
    assertThatThrownBy(() -> new FcReader(Hex.decode("8080")).varint()).isInstanceOf(DecodeException.class);
  }

  @Test
  void objectIdNumberExample() {
    // spec/chain.md §1.9: 1.7.12345 -> 39 30 00 00 00 00 07 01.
    FcWriter w = new FcWriter();
    Codecs.<ObjectId>forType("object_id_type").write(w, ObjectId.parse("1.7.12345"));
    assertThat(Hex.encode(w.toByteArray())).isEqualTo("3930000000000701");
  }

  @Test
  void badBoolIsTyped() {
    assertThatThrownBy(() -> new FcReader(new byte[] {2}).bool())
        .isInstanceOf(DecodeException.class)
        .extracting(e -> ((DecodeException) e).kind())
        .isEqualTo(DecodeException.Kind.BAD_BOOL);
  }

  @Test
  void base64AsFcWritesIt() {
    for (int i = 27; i < 32; i++) {
      JsonNode v = SECTION.get(i);
      assertThat(java.util.Base64.getEncoder().encodeToString(Hex.decode(v.get("value_hex").asText())))
          .isEqualTo(v.get("expected").asText());
    }
  }
}
