package io.graphyne.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.Schema;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.json.ProtocolJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Property tests over every operation, every nested struct and every static_variant: random value
 * -> fc::raw -> value; -> JSON -> value; mutated bytes either decode or throw DecodeException.
 */
class CodecPropertyTest {
  private static final JsonContext CTX = new JsonContext("TEST");

  /** Every type the protocol has, by fc name. */
  static List<String> allTypes() {
    List<String> types = new ArrayList<>(Schema.STRUCTS.keySet());
    types.addAll(Schema.STATIC_VARIANTS.keySet());
    types.add("operation");
    types.add("transaction");
    types.add("signed_transaction");
    types.add("processed_transaction");
    types.add("signed_block_header");
    types.add("signed_block");
    types.sort(null);
    return types;
  }

  @Provide
  Arbitrary<String> types() {
    return Arbitraries.of(allTypes());
  }

  @Provide
  Arbitrary<Integer> opTags() {
    return Arbitraries.integers().between(0, Operations.count() - 1);
  }

  private static byte[] encode(Codec<Object> c, Object v) {
    FcWriter w = new FcWriter();
    c.write(w, v);
    return w.toByteArray();
  }

  private static Object decodeAll(Codec<Object> c, byte[] bytes) {
    FcReader r = new FcReader(bytes);
    Object v = c.read(r);
    r.expectEnd();
    return v;
  }

  private static void roundTrip(String type, long seed) {
    Codec<Object> c = Codecs.forType(type);
    Object v = new RandomValues(seed).of(type);
    byte[] bytes = encode(c, v);
    assertThat(decodeAll(c, bytes)).as(type).isEqualTo(v);
    JsonNode json = c.toJson(v, CTX);
    JsonNode reparsed = ProtocolJson.parse(ProtocolJson.write(json));
    assertThat(c.fromJson(reparsed, CTX)).as(type + " JSON").isEqualTo(v);
  }

  @Property(tries = 3000)
  void everyTypeRoundTrips(@ForAll("types") String type, @ForAll long seed) {
    roundTrip(type, seed);
  }

  @Property(tries = 2000)
  void everyOperationRoundTrips(@ForAll("opTags") int tag, @ForAll long seed) {
    roundTrip(Schema.STRUCTS.entrySet().stream()
        .filter(e -> e.getValue() == Operations.classOf(tag)).findFirst().orElseThrow().getKey(), seed);
  }

  /** Deterministic coverage: every type and every operation, 25 values each. */
  @Test
  void everyTypeAndOperationIsCovered() {
    List<String> types = allTypes();
    assertThat(types).contains("transfer_operation", "limit_order_update_operation", "restriction", "chain_parameters");
    int n = 0;
    for (String t : types) {
      for (long seed = 0; seed < 25; seed++) {
        roundTrip(t, seed * 7919 + t.hashCode());
        n++;
      }
    }
    assertThat(n).isEqualTo(types.size() * 25);
    assertThat(Schema.OPERATIONS).hasSize(78);
  }

  /** Mutated bytes (bit flips, truncation, extension, insertion, deletion) never escape as anything but DecodeException. */
  @Property(tries = 4000)
  void mutatedBytesDecodeOrThrowOnlyDecodeException(@ForAll("types") String type, @ForAll long seed) {
    Codec<Object> c = Codecs.forType(type);
    Random rnd = new Random(seed);
    byte[] bytes = mutate(encode(c, new RandomValues(seed).of(type)), rnd);
    Object decoded;
    try {
      decoded = decodeAll(c, bytes);
    } catch (DecodeException e) {
      assertThat(e.kind()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    // Whatever decodes must re-encode canonically, and the canonical form is a fixed point.
    byte[] again = encode(c, decoded);
    assertThat(decodeAll(c, again)).isEqualTo(decoded);
    assertThat(encode(c, decodeAll(c, again))).isEqualTo(again);
  }

  @Property(tries = 300)
  void mutatedTransactionsAndBlocks(@ForAll long seed, @ForAll boolean block) {
    Class<?> cls = block ? SignedBlock.class : SignedTransaction.class;
    Object v = new RandomValues(seed).of(cls);
    byte[] bytes = mutate(Codecs.encode(v), new Random(seed));
    try {
      Object d = Codecs.decode(cls, bytes);
      assertThat(Codecs.decode(cls, Codecs.encode(d))).isEqualTo(d);
    } catch (DecodeException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  static byte[] mutate(byte[] in, Random rnd) {
    byte[] b = in;
    int rounds = 1 + rnd.nextInt(3);
    for (int k = 0; k < rounds; k++) {
      switch (rnd.nextInt(5)) {
        case 0: // flip a bit
          if (b.length > 0) {
            b = b.clone();
            b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
          }
          break;
        case 1: // truncate
          b = Arrays.copyOf(b, b.length == 0 ? 0 : rnd.nextInt(b.length));
          break;
        case 2: // extend
          byte[] ext = new byte[1 + rnd.nextInt(8)];
          rnd.nextBytes(ext);
          byte[] longer = Arrays.copyOf(b, b.length + ext.length);
          System.arraycopy(ext, 0, longer, b.length, ext.length);
          b = longer;
          break;
        case 3: // insert a byte (often a huge length prefix)
          int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
          byte[] ins = new byte[b.length + 1];
          System.arraycopy(b, 0, ins, 0, at);
          ins[at] = (byte) (rnd.nextBoolean() ? 0xff : rnd.nextInt(256));
          System.arraycopy(b, at, ins, at + 1, b.length - at);
          b = ins;
          break;
        default: // delete a byte
          if (b.length > 0) {
            int del = rnd.nextInt(b.length);
            byte[] out = new byte[b.length - 1];
            System.arraycopy(b, 0, out, 0, del);
            System.arraycopy(b, del + 1, out, del, b.length - del - 1);
            b = out;
          }
          break;
      }
    }
    return b;
  }
}
