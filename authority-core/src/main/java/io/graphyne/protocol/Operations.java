package io.graphyne.protocol;

import java.util.HashMap;
import java.util.Map;

/** Lookups between operation tags, names and record classes. */
public final class Operations {
  private static final Map<Class<?>, Integer> TAGS = new HashMap<>();
  private static final Map<String, Integer> BY_NAME = new HashMap<>();

  static {
    for (int i = 0; i < Schema.OPERATIONS.size(); i++) {
      TAGS.put(Schema.OPERATIONS.get(i), i);
      String n = Schema.OPERATION_NAMES.get(i);
      BY_NAME.put(n, i);
      BY_NAME.put(n + "_operation", i);
      BY_NAME.put("graphene::protocol::" + n + "_operation", i);
    }
  }

  private Operations() {}

  public static int count() {
    return Schema.OPERATIONS.size();
  }

  public static int tagOf(Class<?> opClass) {
    Integer t = TAGS.get(opClass);
    if (t == null) {
      throw new IllegalArgumentException(opClass.getName() + " is not an operation");
    }
    return t;
  }

  /** Tag by name ({@code transfer}, {@code transfer_operation}, or fully qualified); -1 if none. */
  public static int tagOf(String name) {
    Integer t = BY_NAME.get(name);
    return t == null ? -1 : t;
  }

  public static Class<? extends Operation> classOf(int tag) {
    return Schema.OPERATIONS.get(tag);
  }

  public static String nameOf(int tag) {
    return Schema.OPERATION_NAMES.get(tag);
  }
}
