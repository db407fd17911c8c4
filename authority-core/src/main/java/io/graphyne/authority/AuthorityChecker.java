package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * bitshares-core's {@code verify_authority} (spec/authority.md §2.4): custom authorities per
 * operation, then the committee check, then "other", owner and active, then irrelevant
 * signatures. Keys are already recovered (recovery is stateless and runs elsewhere, in parallel).
 */
public final class AuthorityChecker {
  private AuthorityChecker() {}

  /** Checks operations' requirements against signer keys. */
  public static Verdict verify(
      List<OpRequirement> ops, List<PublicKey> signers, AuthorityView view, CheckParams params) {
    return verify(ops, signers, view, params, null);
  }

  /** As {@link #verify(List, List, AuthorityView, CheckParams)}, reporting each step to a tracer. */
  public static Verdict verify(
      List<OpRequirement> ops,
      List<PublicKey> signers,
      AuthorityView view,
      CheckParams params,
      Tracer tracer) {
    // 1. duplicate recovered keys: tx_duplicate_sig before any authority logic
    List<PublicKey> distinct = distinct(signers);
    if (distinct == null) {
      return duplicateSig(signers);
    }
    SignState s = SignState.forCheck(distinct, view, params.maxDepth(), params.allowNonImmediateOwner());
    try {
      s.tracer = tracer;
      return verify(ops, signers, params, tracer, s);
    } finally {
      s.release();
    }
  }

  /**
   * {@code verify_authority} of operation records: as {@link #verify(List, List, AuthorityView,
   * CheckParams)} over {@link RecordOpFields#requirements}. One operation that requires its fee
   * payer's active alone, without custom authorities (most transactions), is checked without
   * building its requirement.
   *
   * @param ignoreCustomOperationRequiredAuths as for {@link RecordOpFields#requirements}
   */
  public static Verdict verifyOperations(
      List<Operation> ops,
      boolean ignoreCustomOperationRequiredAuths,
      List<PublicKey> signers,
      AuthorityView view,
      CheckParams params) {
    if (ops.size() == 1 && params.customAuthorities() == CustomAuthorityLookup.NONE) {
      Operation op = ops.get(0);
      ObjectId payer = RecordOpFields.soleFeePayer(op, RecordOpFields.tagOf(op), ignoreCustomOperationRequiredAuths);
      if (payer != null) {
        IdSet active = IdSet.of(payer);
        List<PublicKey> distinct = distinct(signers);
        if (distinct == null) {
          return duplicateSig(signers);
        }
        SignState s = SignState.forCheck(distinct, view, params.maxDepth(), params.allowNonImmediateOwner());
        try {
          s.approve(params.activeApprovals());
          s.approve(params.ownerApprovals());
          return check(active, IdSet.EMPTY, List.of(), signers, params, null, s);
        } finally {
          s.release();
        }
      }
    }
    return verify(RecordOpFields.requirements(ops, ignoreCustomOperationRequiredAuths), signers, view, params);
  }

  /** tx_duplicate_sig: a key recovered twice, reported before any authority logic. */
  private static Verdict duplicateSig(List<PublicKey> signers) {
    return new Verdict(
        AuthError.DUPLICATE_SIG, null, List.copyOf(signers), List.of(), List.of(),
        Collections.emptySortedSet(), Collections.emptySortedSet());
  }

  private static Verdict verify(
      List<OpRequirement> ops, List<PublicKey> signers, CheckParams params, Tracer tracer, SignState s) {
    s.approve(params.activeApprovals());
    s.approve(params.ownerApprovals());

    SortedSet<ObjectId> requiredActive;
    SortedSet<ObjectId> requiredOwner;
    List<Authority> other;
    CustomAuthorityLookup custom = params.customAuthorities();
    if (ops.size() == 1 && custom == CustomAuthorityLookup.NONE) {
      // one operation, no custom authorities: its own (immutable) sets are the union
      OpRequirement op = ops.get(0);
      requiredActive = op.active();
      requiredOwner = op.owner();
      other = op.other();
    } else {
      TreeSet<ObjectId> active = new TreeSet<>();
      TreeSet<ObjectId> owner = new TreeSet<>();
      other = new ArrayList<>(0);
      for (OpRequirement op : ops) {
        owner.addAll(op.owner());
        other.addAll(op.other());
        if (custom == CustomAuthorityLookup.NONE) {
          active.addAll(op.active());
          continue;
        }
        for (ObjectId acct : op.active()) {
          boolean replaced = false;
          for (Authority cauth : custom.viable(acct, op)) {
            if (tracer != null) {
              tracer.requirement("custom", acct, -1);
            }
            boolean ok = s.checkAuth(acct, AuthorityView.Role.ACTIVE, cauth, 0);
            if (tracer != null) {
              tracer.requirementResult(ok);
            }
            if (ok) {
              replaced = true;
              break;
            }
          }
          if (!replaced) {
            active.add(acct);
          }
        }
      }
      requiredActive = IdSet.copyOf(active);
      requiredOwner = IdSet.copyOf(owner);
    }
    return check(requiredActive, requiredOwner, other, signers, params, tracer, s);
  }

  /** The checks after the union of the requirements: committee, other, owner, active, unused keys. */
  private static Verdict check(
      SortedSet<ObjectId> requiredActive,
      SortedSet<ObjectId> requiredOwner,
      List<Authority> other,
      List<PublicKey> signers,
      CheckParams params,
      Tracer tracer,
      SignState s) {
    AuthError error = null;
    ObjectId failed = null;
    if (!params.allowCommittee() && requiredActive.contains(SignState.COMMITTEE_ACCOUNT)) {
      error = AuthError.INVALID_COMMITTEE_APPROVAL;
      failed = SignState.COMMITTEE_ACCOUNT;
    }
    if (error == null) {
      for (int i = 0; i < other.size(); i++) {
        if (tracer != null) {
          tracer.requirement("other", null, i);
        }
        boolean ok = s.checkAuth(null, null, other.get(i), 0);
        if (tracer != null) {
          tracer.requirementResult(ok);
        }
        if (!ok) {
          error = AuthError.MISSING_OTHER;
          break;
        }
      }
    }
    if (error == null && !requiredOwner.isEmpty()) {
      Set<ObjectId> ownerApprovals = params.ownerApprovals();
      ObjectId[] copy = copyUnlessIdSet(requiredOwner);
      for (int i = 0, n = requiredOwner.size(); i < n; i++) {
        ObjectId id = at(requiredOwner, copy, i);
        if (tracer != null) {
          tracer.requirement("owner", id, -1);
        }
        boolean ok = ownerApprovals.contains(id) || s.checkOwner(id);
        if (tracer != null) {
          tracer.requirementResult(ok);
        }
        if (!ok) {
          error = AuthError.MISSING_OWNER;
          failed = id;
          break;
        }
      }
    }
    if (error == null) {
      ObjectId[] copy = copyUnlessIdSet(requiredActive);
      for (int i = 0, n = requiredActive.size(); i < n; i++) {
        ObjectId id = at(requiredActive, copy, i);
        if (tracer != null) {
          tracer.requirement("active", id, -1);
        }
        boolean ok = s.checkAccount(id) || s.checkOwner(id);
        if (tracer != null) {
          tracer.requirementResult(ok);
        }
        if (!ok) {
          error = AuthError.MISSING_ACTIVE;
          failed = id;
          break;
        }
      }
    }
    List<PublicKey> signersCopy = List.copyOf(signers);
    if (error == null && !s.anyUnused()) {
      // valid: every key was used, and the state's keys are the signers in order (verify adds no
      // available keys), so the used list is the signer list itself
      return new Verdict(null, null, signersCopy, signersCopy, List.of(), requiredActive, requiredOwner);
    }
    List<PublicKey> used = new ArrayList<>(s.size());
    List<PublicKey> unused = new ArrayList<>(0);
    for (int i = 0; i < s.size(); i++) {
      (s.used(i) ? used : unused).add(s.key(i));
    }
    if (error == null && !unused.isEmpty()) {
      error = AuthError.IRRELEVANT_SIG;
    }
    // address order is applied by Verdict's accessors when somebody asks (not on the chain's hot path)
    return new Verdict(
        error,
        failed,
        signersCopy,
        used,
        unused,
        requiredActive,
        requiredOwner);
  }

  /**
   * Null for an {@link IdSet} (read by index, no copy); the ids in iteration order for any other
   * sorted set (an operation's own set with a comparator of its own, kept in that order).
   */
  private static ObjectId[] copyUnlessIdSet(SortedSet<ObjectId> ids) {
    return ids instanceof IdSet ? null : ids.toArray(new ObjectId[0]);
  }

  /** The {@code i}-th id of a required set in iteration order; see {@link #copyUnlessIdSet}. */
  private static ObjectId at(SortedSet<ObjectId> ids, ObjectId[] copy, int i) {
    return copy == null ? ((IdSet) ids).get(i) : copy[i];
  }

  /** The keys in order with duplicates found; null if any key repeats. */
  static List<PublicKey> distinct(Collection<PublicKey> signers) {
    int n = signers.size();
    List<PublicKey> l = signers instanceof List<PublicKey> list ? list : new ArrayList<>(signers);
    if (n <= 1) {
      return l;
    }
    if (n <= 8) {
      for (int i = 0; i < n; i++) {
        PublicKey k = l.get(i);
        for (int j = i + 1; j < n; j++) {
          if (k.equals(l.get(j))) {
            return null;
          }
        }
      }
      return l;
    }
    Set<PublicKey> seen = new HashSet<>(n * 2);
    for (PublicKey k : l) {
      if (!seen.add(k)) {
        return null;
      }
    }
    return l;
  }

  /**
   * Whether keys satisfy one role of one account on their own, without unused keys: a fresh
   * state, {@code check_authority(role(account), 0)}. The predicate behind who-can-sign.
   */
  public static boolean satisfiesRole(
      AuthorityView view, ObjectId account, AuthorityView.Role role, Collection<PublicKey> keys, CheckParams params) {
    return roleOutcome(view, account, role, keys, params) == RoleOutcome.PASS;
  }

  /** Result of {@link #roleOutcome}. */
  public enum RoleOutcome {
    PASS,
    NOT_SATISFIED,
    UNUSED_KEYS,
    DUPLICATE_KEYS
  }

  /** Evaluates one role of one account alone; see {@link #satisfiesRole}. */
  public static RoleOutcome roleOutcome(
      AuthorityView view, ObjectId account, AuthorityView.Role role, Collection<PublicKey> keys, CheckParams params) {
    List<PublicKey> distinct = distinct(keys);
    if (distinct == null) {
      return RoleOutcome.DUPLICATE_KEYS;
    }
    SignState s = new SignState(distinct, Set.of(), view, params.maxDepth(), params.allowNonImmediateOwner());
    s.approve(params.activeApprovals());
    s.approve(params.ownerApprovals());
    if (!s.checkAuth(account, role, view.authority(account, role), 0)) {
      return RoleOutcome.NOT_SATISFIED;
    }
    return s.anyUnused() ? RoleOutcome.UNUSED_KEYS : RoleOutcome.PASS;
  }

  /** Convenience for sorted id sets. */
  static SortedSet<ObjectId> sorted(Collection<ObjectId> ids) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(ids));
  }
}
