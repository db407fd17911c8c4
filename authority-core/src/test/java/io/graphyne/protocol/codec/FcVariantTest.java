package io.graphyne.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphyne.util.Hex;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FcVariantTest {

  /** Skips the fixed-size hello fields up to user_data (spec/p2p.md §3.2). */
  static FcReader atUserData(byte[] payload) {
    FcReader r = new FcReader(payload);
    r.string();
    r.u32();
    r.skip(4 + 2 + 2 + 33 + 65 + 32);
    return r;
  }

  @Test
  void realNodeUserDataDecodesAndReencodesExactly() throws Exception {
    JsonNode v = new ObjectMapper().readTree(io.graphyne.testing.Vectors.shared().resolve("vectors/p2p-real-node.json").toFile());
    byte[] payload = Hex.decode(v.at("/node_hello/payload").asText());
    FcReader r = atUserData(payload);
    int start = r.position();
    FcVariant.Obj ud = FcVariant.Obj.readBody(r);
    r.expectEnd();
    JsonNode expected = v.at("/node_hello/decoded/user_data");
    assertThat(ud.entries()).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode e = expected.get(i);
      FcVariant.Entry got = ud.entries().get(i);
      assertThat(got.key()).isEqualTo(e.get("key").asText());
      assertThat(got.value().tag()).isEqualTo(e.get("variant_tag").asInt());
      if (got.value() instanceof FcVariant.Str s) {
        assertThat(s.value()).isEqualTo(e.get("value").asText());
      } else if (got.value() instanceof FcVariant.UInt64 u) {
        assertThat(u.value()).isEqualTo(e.get("value").asLong());
      }
    }
    assertThat(ud.number("last_known_block_number")).contains(659L);
    assertThat(ud.string("node_id")).hasValueSatisfying(s -> assertThat(s).hasSize(66));
    FcWriter w = new FcWriter();
    ud.writeBody(w);
    byte[] original = java.util.Arrays.copyOfRange(payload, start, payload.length);
    assertThat(w.toByteArray()).isEqualTo(original);
  }

  @Test
  void closingConnectionExceptionLogMessageIsAVariantObject() throws Exception {
    JsonNode v = new ObjectMapper().readTree(io.graphyne.testing.Vectors.shared().resolve("vectors/p2p-real-node.json").toFile());
    byte[] payload = Hex.decode(v.at("/closing_connection_inactivity/payload").asText());
    FcReader r = new FcReader(payload);
    assertThat(r.string()).isEqualTo("Disconnecting due to inactivity");
    assertThat(r.bool()).isFalse();
    assertThat(r.bool()).isTrue();
    assertThat(r.i64()).isZero();
    assertThat(r.string()).isEqualTo("exception");
    assertThat(r.string()).isEqualTo("unspecified");
    int n = (int) r.varint();
    assertThat(n).isEqualTo(1);
    FcVariant log = FcVariant.read(r);
    r.expectEnd();
    assertThat(log).isInstanceOf(FcVariant.Obj.class);
    FcVariant.Obj o = (FcVariant.Obj) log;
    assertThat(o.keys()).containsExactly("context", "format", "data");
    FcVariant.Obj data = (FcVariant.Obj) o.get("data").orElseThrow();
    assertThat(data.number("inactivity_timeout")).contains(50L);
    assertThat(data.get("last_message_received_seconds_ago")).contains(new FcVariant.Int64(-30));
  }

  @Test
  void everyTagRoundTrips() {
    FcVariant v =
        new FcVariant.Array(
            List.of(
                FcVariant.Null.INSTANCE,
                new FcVariant.Int64(-5),
                new FcVariant.UInt64(-1L),
                new FcVariant.Bool(true),
                new FcVariant.Str("héllo"),
                FcVariant.Obj.builder().put("a", "b").putUInt64("n", 7).build(),
                new FcVariant.Array(List.of())));
    byte[] bytes = FcVariant.encode(v);
    assertThat(FcVariant.decode(bytes)).isEqualTo(v);
    assertThat(Hex.encode(FcVariant.encode(new FcVariant.Int64(1)))).isEqualTo("010100000000000000");
  }

  @Test
  void doubleBlobAndUnknownTagsAreTypedErrors() {
    assertThatThrownBy(() -> FcVariant.decode(Hex.decode("030000000000000000")))
        .isInstanceOf(DecodeException.class)
        .extracting(e -> ((DecodeException) e).kind())
        .isEqualTo(DecodeException.Kind.UNKNOWN_TAG);
    assertThatThrownBy(() -> FcVariant.decode(Hex.decode("0800"))).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> FcVariant.decode(Hex.decode("09"))).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> FcVariant.decode(Hex.decode("0401"  + "00"))).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> FcVariant.decode(Hex.decode("0402"))).isInstanceOf(DecodeException.class);
  }

  @Test
  void repeatedKeyOverwritesInPlace() {
    FcWriter w = new FcWriter();
    w.varint(3);
    w.string("a");
    new FcVariant.Str("1").write(w);
    w.string("b");
    new FcVariant.Str("2").write(w);
    w.string("a");
    new FcVariant.Str("3").write(w);
    FcVariant.Obj o = FcVariant.Obj.readBody(new FcReader(w.toByteArray()));
    assertThat(o.keys()).containsExactly("a", "b");
    assertThat(o.string("a")).contains("3");
  }

  @Test
  void deepNestingAndHugeCountsAreBounded() {
    byte[] deep = new byte[1000];
    java.util.Arrays.fill(deep, 0, 999, (byte) 6);
    for (int i = 0; i < 999; i += 2) {
      deep[i] = 6;
      deep[i + 1] = 1;
    }
    assertThatThrownBy(() -> FcVariant.decode(deep))
        .isInstanceOf(DecodeException.class)
        .extracting(e -> ((DecodeException) e).kind())
        .isIn(DecodeException.Kind.DEPTH_LIMIT, DecodeException.Kind.TRUNCATED);
    assertThatThrownBy(() -> FcVariant.decode(Hex.decode("06ffffffff0f")))
        .isInstanceOf(DecodeException.class);
  }

  @Property(tries = 300)
  void mutatedUserDataThrowsOnlyDecodeException(
      @ForAll @Size(min = 1, max = 8) List<Integer> positions, @ForAll long seed) throws Exception {
    JsonNode v = new ObjectMapper().readTree(io.graphyne.testing.Vectors.shared().resolve("vectors/p2p-real-node.json").toFile());
    byte[] payload = Hex.decode(v.at("/node_hello/payload").asText());
    FcReader head = atUserData(payload);
    byte[] body = java.util.Arrays.copyOfRange(payload, head.position(), payload.length);
    Random rnd = new Random(seed);
    for (int p : positions) {
      body[Math.floorMod(p, body.length)] = (byte) rnd.nextInt(256);
    }
    try {
      FcVariant.Obj.readBody(new FcReader(body));
    } catch (DecodeException expected) {
      assertThat(expected.kind()).isNotNull();
    }
  }
}
