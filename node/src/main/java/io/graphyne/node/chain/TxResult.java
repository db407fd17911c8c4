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
    trusted = trusted.isEmpty() ? Set.of() : EnumSet.copyOf(trusted);
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
