package io.graphyne.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.codec.JsonContext;

/**
 * bitshares-core's JSON form of protocol values (what its APIs return and cli_wallet accepts):
 * operations as {@code [tag, {...}]}, ids as {@code "1.2.3"}, keys with the chain's prefix, times
 * as {@code "2016-04-06T08:29:27"}, 64-bit integers beyond ±2^32 as strings (both forms accepted),
 * extensions as objects of their set members.
 */
public final class ProtocolJson {
  /** Shared, configured once; Jackson's ObjectMapper is thread-safe once configured. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(SerializationFeature.INDENT_OUTPUT);

  private ProtocolJson() {}

  public static JsonNode toJson(Object record, JsonContext ctx) {
    @SuppressWarnings("unchecked")
    io.graphyne.protocol.codec.RecordCodec<Object> c =
        (io.graphyne.protocol.codec.RecordCodec<Object>) Codecs.of(record.getClass());
    return c.toJson(record, ctx);
  }

  public static JsonNode toJson(Object record, String addressPrefix) {
    return toJson(record, new JsonContext(addressPrefix));
  }

  public static <T> T fromJson(Class<T> type, JsonNode node, JsonContext ctx) {
    return Codecs.of(type).fromJson(node, ctx);
  }

  public static <T> T fromJson(Class<T> type, String json, JsonContext ctx) {
    return fromJson(type, parse(json), ctx);
  }

  /** Parses JSON text; malformed text is a {@link DecodeException} of kind BAD_JSON. */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DecodeException(DecodeException.Kind.BAD_JSON, -1, "malformed JSON: " + e.getOriginalMessage());
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String writePretty(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
