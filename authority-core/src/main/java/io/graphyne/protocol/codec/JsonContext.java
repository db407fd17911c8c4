package io.graphyne.protocol.codec;

/** What the JSON form depends on: the chain's address prefix for keys and addresses. */
public record JsonContext(String addressPrefix) {
  public static final JsonContext BTS = new JsonContext("BTS");

  public JsonContext {
    if (addressPrefix == null || addressPrefix.isEmpty()) {
      throw new IllegalArgumentException("address prefix must not be empty");
    }
  }
}
