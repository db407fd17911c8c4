package io.graphyne.node.chain;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.protocol.ops.AccountUpdateOperation;
import io.graphyne.protocol.ops.ProposalCreateOperation;
import io.graphyne.protocol.ops.ProposalUpdateOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.OpWrapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stateless transaction validation (rule T1, bitshares-core {@code transaction::validate} and the
 * operations' {@code validate()}). Implemented: at least one operation; no virtual operation; fee
 * amounts not negative; transfer (from != to, amount &gt; 0); account_create and account_update
 * authority rules of spec/authority.md §1.3 and name validity; proposal_create (non-empty,
 * proposed operations validated recursively); proposal_update (something to change, no overlap).
 * The other operations' field-level checks (asset symbols, prices, ...) are not re-implemented:
 * they concern state the light node trusts to the producer ({@link Trust#OPERATION_EFFECTS}).
 */
public final class TransactionValidator {
  private TransactionValidator() {}

  public static final int MIN_NAME_LENGTH = 1;
  public static final int MAX_NAME_LENGTH = 63;

  /** Null when valid, else why not. */
  public static String validate(Transaction tx) {
    if (tx.operations().isEmpty()) {
      return "transaction has no operations";
    }
    for (int i = 0; i < tx.operations().size(); i++) {
      String r = validate(tx.operations().get(i), 0);
      if (r != null) {
        return "operation " + i + ": " + r;
      }
    }
    return null;
  }

  /** Validates one operation ({@code depth} = proposal nesting). */
  public static String validate(Operation op, int depth) {
    if (op.isVirtual()) {
      return op.name() + " is a virtual operation";
    }
    if (op.fee() == null || op.fee().amount() < 0) {
      return "negative fee";
    }
    if (op instanceof TransferOperation t) {
      if (t.from().equals(t.to())) {
        return "transfer to self";
      }
      if (t.amount().amount() <= 0) {
        return "transfer amount must be positive";
      }
    } else if (op instanceof AccountCreateOperation c) {
      if (!isValidName(c.name())) {
        return "invalid account name '" + c.name() + "'";
      }
      if (c.referrerPercent() > 10000) {
        return "referrer_percent above 100%";
      }
      String r = newAuthority("owner", c.owner());
      if (r == null) {
        r = newAuthority("active", c.active());
      }
      return r;
    } else if (op instanceof AccountUpdateOperation u) {
      if (u.account().equals(ObjectId.account(0)) || u.account().equals(ObjectId.account(4))) {
        return "account_update of " + u.account() + " is forbidden";
      }
      boolean special = u.extensions() != null
          && (u.extensions().ownerSpecialAuthority() != null || u.extensions().activeSpecialAuthority() != null);
      if (u.owner() == null && u.active() == null && u.newOptions() == null && !special) {
        return "account_update changes nothing";
      }
      if (u.owner() != null) {
        String r = newAuthority("owner", u.owner());
        if (r != null) {
          return r;
        }
      }
      if (u.active() != null) {
        return newAuthority("active", u.active());
      }
    } else if (op instanceof ProposalCreateOperation p) {
      if (p.proposedOps().isEmpty()) {
        return "proposal has no operations";
      }
      if (depth > 8) {
        return "proposals nested too deeply";
      }
      for (OpWrapper w : p.proposedOps()) {
        String r = validate(w.op(), depth + 1);
        if (r != null) {
          return "proposed " + r;
        }
      }
    } else if (op instanceof ProposalUpdateOperation u) {
      if (u.activeApprovalsToAdd().isEmpty() && u.activeApprovalsToRemove().isEmpty()
          && u.ownerApprovalsToAdd().isEmpty() && u.ownerApprovalsToRemove().isEmpty()
          && u.keyApprovalsToAdd().isEmpty() && u.keyApprovalsToRemove().isEmpty()) {
        return "proposal_update changes nothing";
      }
      if (overlaps(u.activeApprovalsToAdd(), u.activeApprovalsToRemove())
          || overlaps(u.ownerApprovalsToAdd(), u.ownerApprovalsToRemove())
          || overlaps(u.keyApprovalsToAdd(), u.keyApprovalsToRemove())) {
        return "an approval is both added and removed";
      }
    }
    return null;
  }

  private static <T> boolean overlaps(List<T> a, List<T> b) {
    Set<T> s = new HashSet<>(a);
    for (T t : b) {
      if (s.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private static String newAuthority(String role, Authority a) {
    int members = a.accountAuths().size() + a.keyAuths().size() + a.addressAuths().size();
    if (members == 0) {
      return role + " authority has no members";
    }
    if (!a.addressAuths().isEmpty()) {
      return role + " authority has address_auths";
    }
    if (isImpossible(a)) {
      return role + " authority is impossible (weights below threshold)";
    }
    return null;
  }

  /** Sum of member weights below the threshold. */
  public static boolean isImpossible(Authority a) {
    long sum = 0;
    for (int w : a.accountAuths().values()) {
      sum += w;
    }
    for (int w : a.keyAuths().values()) {
      sum += w;
    }
    for (int w : a.addressAuths().values()) {
      sum += w;
    }
    return sum < a.weightThreshold();
  }

  /** bitshares-core {@code is_valid_name}. */
  public static boolean isValidName(String name) {
    int len = name.length();
    if (len < MIN_NAME_LENGTH || len > MAX_NAME_LENGTH) {
      return false;
    }
    int begin = 0;
    while (true) {
      int end = name.indexOf('.', begin);
      if (end < 0) {
        end = len;
      }
      if (end - begin < MIN_NAME_LENGTH) {
        return false;
      }
      char first = name.charAt(begin);
      if (first < 'a' || first > 'z') {
        return false;
      }
      char last = name.charAt(end - 1);
      if (!((last >= 'a' && last <= 'z') || (last >= '0' && last <= '9'))) {
        return false;
      }
      for (int i = begin + 1; i < end - 1; i++) {
        char c = name.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
          return false;
        }
      }
      if (end == len) {
        return true;
      }
      begin = end + 1;
    }
  }
}
