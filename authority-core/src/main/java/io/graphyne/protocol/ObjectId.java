package io.graphyne.protocol;

/**
 * A Graphene object id {@code space.type.instance} (spec/chain.md §1.9). Typed ids travel as a
 * varint of the instance; {@code object_id_type} travels as the packed 64-bit number.
 */
public record ObjectId(int space, int type, long instance) implements Comparable<ObjectId> {
  public static final long MAX_INSTANCE = (1L << 48) - 1;

  public ObjectId {
    if (space < 0 || space > 0xff || type < 0 || type > 0xff) {
      throw new IllegalArgumentException("space and type must be 0..255: " + space + "." + type);
    }
    if (instance < 0 || instance > MAX_INSTANCE) {
      throw new IllegalArgumentException("instance out of range: " + Long.toUnsignedString(instance));
    }
  }

  public static final int PROTOCOL_SPACE = 1;
  public static final int IMPLEMENTATION_SPACE = 2;
  public static final int ACCOUNT_TYPE = 2;
  public static final int ASSET_TYPE = 3;
  public static final int WITNESS_TYPE = 6;
  public static final int PROPOSAL_TYPE = 10;

  public static ObjectId account(long instance) {
    return new ObjectId(PROTOCOL_SPACE, ACCOUNT_TYPE, instance);
  }

  public static ObjectId asset(long instance) {
    return new ObjectId(PROTOCOL_SPACE, ASSET_TYPE, instance);
  }

  public static ObjectId witness(long instance) {
    return new ObjectId(PROTOCOL_SPACE, WITNESS_TYPE, instance);
  }

  /** The packed {@code object_id_type} number: space &lt;&lt; 56 | type &lt;&lt; 48 | instance. */
  public long toNumber() {
    return ((long) space << 56) | ((long) type << 48) | instance;
  }

  public static ObjectId fromNumber(long number) {
    return new ObjectId((int) (number >>> 56), (int) ((number >>> 48) & 0xff), number & MAX_INSTANCE);
  }

  /** Parses {@code "1.2.3"}. */
  public static ObjectId parse(String text) {
    String[] parts = text.strip().split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not an object id: '" + text + "'");
    }
    try {
      return new ObjectId(
          Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an object id: '" + text + "'");
    }
  }

  public boolean isType(int space, int type) {
    return this.space == space && this.type == type;
  }

  @Override
  public int compareTo(ObjectId o) {
    return Long.compareUnsigned(toNumber(), o.toNumber());
  }

  @Override
  public String toString() {
    return space + "." + type + "." + instance;
  }
}
