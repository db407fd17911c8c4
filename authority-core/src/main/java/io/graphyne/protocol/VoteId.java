package io.graphyne.protocol;

/**
 * {@code vote_id_type}: one uint32 {@code content = instance << 8 | type} (0 committee, 1 witness,
 * 2 worker); text form {@code "type:instance"}. Ordered — and made unique in sets — by instance
 * only, as fc compares it (spec/chain.md §1.4).
 */
public record VoteId(int type, long instance) implements Comparable<VoteId> {
  public VoteId {
    if (type < 0 || type > 0xff || instance < 0 || instance > 0xffffffL) {
      throw new IllegalArgumentException("vote id out of range: " + type + ":" + instance);
    }
  }

  public static VoteId fromContent(long content) {
    return new VoteId((int) (content & 0xff), (content >>> 8) & 0xffffffL);
  }

  public long content() {
    return (instance << 8) | type;
  }

  public static VoteId parse(String text) {
    int i = text.indexOf(':');
    if (i < 0) {
      throw new IllegalArgumentException("not a vote id: '" + text + "'");
    }
    try {
      return new VoteId(Integer.parseInt(text.substring(0, i)), Long.parseLong(text.substring(i + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a vote id: '" + text + "'");
    }
  }

  @Override
  public int compareTo(VoteId o) {
    return Long.compare(instance, o.instance);
  }

  @Override
  public String toString() {
    return type + ":" + instance;
  }
}
