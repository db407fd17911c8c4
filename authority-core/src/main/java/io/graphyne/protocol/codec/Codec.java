package io.graphyne.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/**
 * Reads and writes one fc type in both of bitshares-core's forms: fc::raw bytes and the JSON of
 * its APIs. Built once per type by {@link Codecs}; stateless and thread-safe.
 */
public abstract class Codec<T> {
  /** The fc type this codec handles, as spelled in spec/operations.json. */
  public abstract String fcType();

  public abstract T read(FcReader r);

  /**
   * Reads a value whose Java form is a {@code long} or {@code int} (a record component of that
   * type) without boxing it. The integer codecs override this; the default unboxes {@link #read}.
   */
  long readPrimitive(FcReader r) {
    return ((Number) read(r)).longValue();
  }

  public abstract void write(FcWriter w, T value);

  public abstract JsonNode toJson(T value, JsonContext ctx);

  public abstract T fromJson(JsonNode node, JsonContext ctx);

  /** The fewest bytes any value of this type encodes to (bounds element counts). */
  public int minBytes() {
    return 1;
  }

  /** fc's operator&lt; for this type when used as a set element or map key. */
  @SuppressWarnings("unchecked")
  public Comparator<T> comparator() {
    return (a, b) -> ((Comparable<T>) a).compareTo(b);
  }

  @Override
  public String toString() {
    return "Codec[" + fcType() + "]";
  }
}
