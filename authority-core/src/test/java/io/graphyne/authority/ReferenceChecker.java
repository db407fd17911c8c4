package io.graphyne.authority;

import io.graphyne.protocol.Address;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The differential tests' oracle: {@code verify_authority} and {@code sign_state} as the checker
 * computed them before the allocation-free rework, written the plain way (tree sets, hash sets,
 * iterators, no reuse, no shortcuts). Test code only; the production checker must agree with it
 * on every field of the verdict.
 */
final class ReferenceChecker {
  private ReferenceChecker() {}

  static final ObjectId TEMP = ObjectId.account(4);
  static final ObjectId COMMITTEE = ObjectId.account(0);

  /** The required active/owner sets and other authorities of one plain requirement. */
  static Verdict verify(List<OpRequirement> ops, List<PublicKey> signers, AuthorityView view, CheckParams params) {
    if (new HashSet<>(signers).size() != signers.size()) {
      return new Verdict(AuthError.DUPLICATE_SIG, null, List.copyOf(signers), List.of(), List.of(),
          Collections.emptySortedSet(), Collections.emptySortedSet());
    }
    State s = new State(signers, view, params.maxDepth(), params.allowNonImmediateOwner());
    s.approved.addAll(params.activeApprovals());
    s.approved.addAll(params.ownerApprovals());
    SortedSet<ObjectId> active;
    SortedSet<ObjectId> owner;
    List<Authority> other = new ArrayList<>();
    CustomAuthorityLookup custom = params.customAuthorities();
    if (ops.size() == 1 && custom == CustomAuthorityLookup.NONE) {
      // the operation's own sets, in their own order
      active = ops.get(0).active();
      owner = ops.get(0).owner();
      other.addAll(ops.get(0).other());
    } else {
      TreeSet<ObjectId> a = new TreeSet<>();
      TreeSet<ObjectId> o = new TreeSet<>();
      for (OpRequirement op : ops) {
        o.addAll(op.owner());
        other.addAll(op.other());
        for (ObjectId acct : op.active()) {
          boolean replaced = false;
          if (custom != CustomAuthorityLookup.NONE) {
            for (Authority cauth : custom.viable(acct, op)) {
              if (s.check(cauth, 0)) {
                replaced = true;
                break;
              }
            }
          }
          if (!replaced) {
            a.add(acct);
          }
        }
      }
      active = Collections.unmodifiableSortedSet(a);
      owner = Collections.unmodifiableSortedSet(o);
    }
    AuthError error = null;
    ObjectId failed = null;
    if (!params.allowCommittee() && active.contains(COMMITTEE)) {
      error = AuthError.INVALID_COMMITTEE_APPROVAL;
      failed = COMMITTEE;
    }
    if (error == null) {
      for (Authority a : other) {
        if (!s.check(a, 0)) {
          error = AuthError.MISSING_OTHER;
          break;
        }
      }
    }
    if (error == null) {
      for (ObjectId id : owner) {
        if (!(params.ownerApprovals().contains(id) || s.check(view.owner(id), 0))) {
          error = AuthError.MISSING_OWNER;
          failed = id;
          break;
        }
      }
    }
    if (error == null) {
      for (ObjectId id : active) {
        boolean ok = s.approved.contains(id)
            || s.check(view.active(id), 0)
            || (params.allowNonImmediateOwner() && s.check(view.owner(id), 0))
            || s.check(view.owner(id), 0);
        if (!ok) {
          error = AuthError.MISSING_ACTIVE;
          failed = id;
          break;
        }
      }
    }
    List<PublicKey> used = new ArrayList<>();
    List<PublicKey> unused = new ArrayList<>();
    for (PublicKey k : s.keys) {
      (s.used.contains(k) ? used : unused).add(k);
    }
    if (error == null && !unused.isEmpty()) {
      error = AuthError.IRRELEVANT_SIG;
    }
    return new Verdict(error, failed, List.copyOf(signers), used, unused, active, owner);
  }

  /** sign_state with provided keys only. */
  static final class State {
    final AuthorityView view;
    final int maxDepth;
    final boolean nonImmediateOwner;
    final List<PublicKey> keys;
    final Set<PublicKey> used = new HashSet<>();
    final Set<ObjectId> approved = new HashSet<>();
    Map<Address, PublicKey> addresses;

    State(List<PublicKey> keys, AuthorityView view, int maxDepth, boolean nonImmediateOwner) {
      this.keys = keys;
      this.view = view;
      this.maxDepth = maxDepth;
      this.nonImmediateOwner = nonImmediateOwner;
      approved.add(TEMP);
    }

    boolean signed(PublicKey k) {
      if (keys.contains(k)) {
        used.add(k);
        return true;
      }
      return false;
    }

    boolean signed(Address a) {
      if (addresses == null) {
        addresses = new HashMap<>();
        for (PublicKey k : keys) {
          for (Address f : SignState.addressForms(k)) {
            addresses.put(f, k);
          }
        }
      }
      PublicKey k = addresses.get(a);
      if (k == null) {
        return false;
      }
      used.add(k);
      return true;
    }

    boolean check(Authority auth, int depth) {
      if (auth == null) {
        return false;
      }
      long total = 0;
      for (Map.Entry<PublicKey, Integer> e : auth.keyAuths().entrySet()) {
        if (signed(e.getKey())) {
          total += e.getValue();
          if (total >= auth.weightThreshold()) {
            return true;
          }
        }
      }
      for (Map.Entry<Address, Integer> e : auth.addressAuths().entrySet()) {
        if (signed(e.getKey())) {
          total += e.getValue();
          if (total >= auth.weightThreshold()) {
            return true;
          }
        }
      }
      for (Map.Entry<ObjectId, Integer> e : auth.accountAuths().entrySet()) {
        ObjectId a = e.getKey();
        if (approved.contains(a)) {
          total += e.getValue();
          if (total >= auth.weightThreshold()) {
            return true;
          }
        } else if (depth != maxDepth
            && (check(view.active(a), depth + 1) || (nonImmediateOwner && check(view.owner(a), depth + 1)))) {
          approved.add(a);
          total += e.getValue();
          if (total >= auth.weightThreshold()) {
            return true;
          }
        }
      }
      return total >= auth.weightThreshold();
    }
  }

  /** Sorted copy, for comparing against {@link Verdict#requiredActive()}. */
  static SortedSet<ObjectId> sorted(Set<ObjectId> ids) {
    return new TreeSet<>(ids);
  }
}
