package io.graphyne.node.chain;

import io.graphyne.authority.AuthError;
import io.graphyne.protocol.Bytes;
import java.util.EnumSet;
import java.util.Set;

/**
 * The verdict on one transaction: the reason (ACCEPTED or the rule it broke), details, the
 * authority error when T3 failed, and what was taken on trust when it was accepted.
 */
public record TxResult(Reason reason, String detail, AuthError authError, Bytes txId, Set<Trust> trusted) {
  public TxResult {
    trusted = shared(trusted);
  }

  private static final Trust[] KINDS = Trust.values();

  /** One immutable set per combination of trust kinds: every verdict shares it, none copies. */
  @SuppressWarnings("unchecked")
  private static final Set<Trust>[] BY_MASK = new Set[1 << KINDS.length];

  static {
    for (int m = 0; m < BY_MASK.length; m++) {
      EnumSet<Trust> s = EnumSet.noneOf(Trust.class);
      for (Trust t : KINDS) {
        if ((m & (1 << t.ordinal())) != 0) {
          s.add(t);
        }
      }
      BY_MASK[m] = m == 0 ? Set.of() : java.util.Collections.unmodifiableSet(s);
    }
  }

  /** The shared immutable set equal to {@code trusted}. */
  static Set<Trust> shared(Set<Trust> trusted) {
    if (trusted.isEmpty()) {
      return Set.of();
    }
    int m = 0;
    for (Trust t : KINDS) {
      if (trusted.contains(t)) {
        m |= 1 << t.ordinal();
      }
    }
    return BY_MASK[m];
  }

  public boolean accepted() {
    return reason == Reason.ACCEPTED;
  }

  static TxResult reject(Reason r, String detail, Bytes id) {
    return new TxResult(r, detail, null, id, Set.of());
  }

  @Override
  public String toString() {
    return reason.jsonName() + (detail == null ? "" : " (" + detail + ")") + (trusted.isEmpty() ? "" : " trusted=" + trusted);
  }
}
