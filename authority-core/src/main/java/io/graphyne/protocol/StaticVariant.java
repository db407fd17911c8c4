package io.graphyne.protocol;

import java.util.Objects;

/**
 * A value of an fc {@code static_variant} other than {@code operation}: the tag (0-based position
 * of the member type) and the member's value (a record, boxed primitive, list, ...).
 * Sets of static variants order by tag only, as fc does.
 */
public record StaticVariant(int tag, Object value) implements Comparable<StaticVariant> {
  public StaticVariant {
    if (tag < 0) {
      throw new IllegalArgumentException("negative static_variant tag");
    }
    Objects.requireNonNull(value, "value");
  }

  @Override
  public int compareTo(StaticVariant o) {
    return Integer.compare(tag, o.tag);
  }
}
