package io.graphyne.protocol;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the bitshares-core field and its fc type (as spelled in spec/operations.json) for a record
 * component. The component order of a protocol record is its wire order; the codec is built once
 * from these annotations (see {@code io.graphyne.protocol.codec.Codecs}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Fc {
  /** The field name in bitshares-core (the JSON key). */
  String name();

  /** The fc type, e.g. {@code flat_map<account_id_type,weight_type>}. */
  String type();

  /**
   * True for a base-class part (FC_REFLECT_DERIVED): on the wire a struct is its fields
   * concatenated either way, but in JSON the part's fields are merged into the outer object.
   */
  boolean flatten() default false;
}
