package io.graphyne.authority;

import io.graphyne.protocol.Address;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * bitshares-core's wallet-side signature helpers (spec/authority.md §3), with the same results:
 * required, potential, potential address and minimal signatures, and verify_account_authority.
 * Unlike bitshares-core (issue #2202), {@link #minimizeRequiredSignatures} takes custom
 * authorities into account through {@link CheckParams#customAuthorities()}.
 */
public final class WalletApis {
  private WalletApis() {}

  /** Raised where bitshares-core's helper lets a non-missing-authority exception escape. */
  public static final class AuthorityException extends RuntimeException {
    private final transient Verdict verdict;

    public AuthorityException(Verdict verdict) {
      super(verdict.error().coreName());
      this.verdict = verdict;
    }

    public Verdict verdict() {
      return verdict;
    }
  }

  /**
   * {@code get_required_signatures(trx, available_keys)} (§3.1): the available keys that a greedy
   * check in evaluation order ends up using, excluding keys that already signed. Never fails for
   * unsatisfiable authorities; duplicate existing signers raise {@link AuthorityException}.
   */
  public static SortedSet<PublicKey> requiredSignatures(
      List<OpRequirement> ops,
      List<PublicKey> existingSigners,
      Set<PublicKey> availableKeys,
      AuthorityView view,
      CheckParams params) {
    return requiredSignatures(ops, existingSigners, availableKeys, view, params, null);
  }

  static SortedSet<PublicKey> requiredSignatures(
      List<OpRequirement> ops,
      List<PublicKey> existingSigners,
      Set<PublicKey> availableKeys,
      AuthorityView view,
      CheckParams params,
      Tracer tracer) {
    List<PublicKey> signers = AuthorityChecker.distinct(existingSigners);
    if (signers == null) {
      throw new AuthorityException(new Verdict(
          AuthError.DUPLICATE_SIG, null, List.copyOf(existingSigners), List.of(), List.of(),
          new TreeSet<>(), new TreeSet<>()));
    }
    Set<PublicKey> avail = Set.copyOf(availableKeys);
    SignState s = new SignState(signers, avail, view, params.maxDepth(), params.allowNonImmediateOwner());
    s.tracer = tracer;
    List<OpRequirement> effective = ops;
    if (params.customAuthorities() != CustomAuthorityLookup.NONE) {
      // Beyond bitshares-core (issue #2202): an active requirement a custom authority can meet is
      // met by it, in verify_authority's order (per operation, before everything else).
      effective = new ArrayList<>(ops.size());
      for (OpRequirement op : ops) {
        TreeSet<ObjectId> active = new TreeSet<>(op.active());
        for (ObjectId acct : op.active()) {
          for (Authority cauth : params.customAuthorities().viable(acct, op)) {
            SignState probe = new SignState(signers, avail, view, params.maxDepth(), params.allowNonImmediateOwner());
            if (probe.checkAuth(acct, AuthorityView.Role.ACTIVE, cauth, 0)) {
              s.checkAuth(acct, AuthorityView.Role.ACTIVE, cauth, 0);
              active.remove(acct);
              break;
            }
          }
        }
        effective.add(new OpRequirement(op.tag(), op.op(), active, op.owner(), op.other()));
      }
    }
    OpRequirement req = RequiredAuthorities.forWallet(effective);
    for (Authority a : req.other()) {
      s.checkAuth(null, null, a, 0);
    }
    for (ObjectId id : req.owner()) {
      s.checkOwner(id);
    }
    for (ObjectId id : req.active()) {
      if (!s.checkAccount(id)) {
        s.checkOwner(id);
      }
    }
    Set<PublicKey> existing = new HashSet<>(signers);
    TreeSet<PublicKey> out = new TreeSet<>();
    for (int i = 0; i < s.size(); i++) {
      PublicKey k = s.key(i);
      if (s.used(i) && availableKeys.contains(k) && !existing.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }

  /** An {@link AuthorityView} that records every key (and address) of every authority asked for. */
  private static final class RecordingView implements AuthorityView {
    final AuthorityView inner;
    final TreeSet<PublicKey> keys = new TreeSet<>();
    final TreeSet<Address> addresses = new TreeSet<>();

    RecordingView(AuthorityView inner) {
      this.inner = inner;
    }

    private Authority record(Authority a) {
      if (a != null) {
        keys.addAll(a.keyAuths().keySet());
        addresses.addAll(a.addressAuths().keySet());
      }
      return a;
    }

    @Override
    public Authority active(ObjectId account) {
      return record(inner.active(account));
    }

    @Override
    public Authority owner(ObjectId account) {
      return record(inner.owner(account));
    }
  }

  /**
   * {@code get_potential_signatures(trx)} (§3.2): every key of every authority the checker visits
   * with no available keys, plus the keys of "other" authorities.
   */
  public static SortedSet<PublicKey> potentialSignatures(
      List<OpRequirement> ops, List<PublicKey> existingSigners, AuthorityView view, CheckParams params) {
    RecordingView rec = new RecordingView(view);
    requiredSignatures(ops, existingSigners, Set.of(), rec, params);
    for (Authority a : RequiredAuthorities.forWallet(ops).other()) {
      rec.keys.addAll(a.keyAuths().keySet());
    }
    return rec.keys;
  }

  /**
   * {@code get_potential_address_signatures(trx)} (§3.3): address_auths of the visited account
   * authorities; addresses in "other" authorities are not added.
   */
  public static SortedSet<Address> potentialAddressSignatures(
      List<OpRequirement> ops, List<PublicKey> existingSigners, AuthorityView view, CheckParams params) {
    RecordingView rec = new RecordingView(view);
    requiredSignatures(ops, existingSigners, Set.of(), rec, params);
    return rec.addresses;
  }

  /**
   * {@code minimize_required_signatures} (§3.4): the required signatures, then each key (in
   * address order) dropped when the full check still passes without it. Irrelevant-signature and
   * committee failures propagate as {@link AuthorityException}, as in bitshares-core.
   */
  public static SortedSet<PublicKey> minimizeRequiredSignatures(
      List<OpRequirement> ops,
      List<PublicKey> existingSigners,
      Set<PublicKey> availableKeys,
      AuthorityView view,
      CheckParams params) {
    SortedSet<PublicKey> s = requiredSignatures(ops, existingSigners, availableKeys, view, params);
    TreeSet<PublicKey> result = new TreeSet<>(s);
    for (PublicKey k : s) {
      result.remove(k);
      Verdict v = AuthorityChecker.verify(ops, new ArrayList<>(result), view, params);
      if (v.valid()) {
        continue;
      }
      switch (v.error()) {
        case MISSING_ACTIVE, MISSING_OWNER, MISSING_OTHER -> result.add(k);
        default -> throw new AuthorityException(v);
      }
    }
    return result;
  }

  /**
   * {@code verify_account_authority(account, keys)} (§3.5): the keys checked against a dummy
   * transfer from the account, non-immediate owners always allowed, depth 2, no custom
   * authorities.
   */
  public static boolean verifyAccountAuthority(ObjectId account, List<PublicKey> keys, AuthorityView view) {
    return verifyAccountAuthority(account, keys, view, CheckParams.DEFAULT_MAX_DEPTH);
  }

  public static boolean verifyAccountAuthority(
      ObjectId account, List<PublicKey> keys, AuthorityView view, int maxDepth) {
    CheckParams p = CheckParams.defaults().withMaxDepth(maxDepth).withNonImmediateOwner(true);
    List<PublicKey> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(keys)); // a flat_set
    return AuthorityChecker.verify(List.of(OpRequirement.active(account)), distinct, view, p).valid();
  }
}
