package io.graphyne.authority;

import io.graphyne.protocol.Address;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * bitshares-core's {@code sign_state} (spec/authority.md §2.3), exactly: keys in address order,
 * early exit at the threshold, approved-account cache (successes only), depth counted against
 * {@code max_depth}, nested owner only when allowed, temp account pre-approved. Not thread-safe;
 * one instance per check at a time: {@link AuthorityChecker} reuses one per thread ({@link
 * #forCheck}, {@link #release}), the analysis tools construct their own.
 */
final class SignState {
  static final ObjectId TEMP_ACCOUNT = ObjectId.account(4);
  static final ObjectId COMMITTEE_ACCOUNT = ObjectId.account(0);

  private AuthorityView view;
  private int maxDepth;
  private boolean allowNonImmediateOwner;
  private Set<PublicKey> available;
  /** Approved accounts (a handful per check: scanned linearly, no hash set per transaction). */
  private ObjectId[] approved = new ObjectId[4];
  private int approvedCount;
  /** Replaces the array once it outgrows a linear scan (proposals with many approvals). */
  private HashSet<ObjectId> approvedSet;
  private static final int APPROVED_SCAN_LIMIT = 16;
  private PublicKey[] keys;
  private boolean[] used;
  private int count;
  /** Key to position, once there are more signers than a linear scan handles well. */
  private HashMap<PublicKey, Integer> index;
  private static final int INDEX_THRESHOLD = 8;
  private Map<Address, PublicKey> providedAddresses;
  private Map<Address, PublicKey> availableAddresses;
  Tracer tracer;
  /** Whether the last member looked at by {@link #keyMember} was signed. */
  private boolean hit;

  /** One reusable state per thread for {@link #forCheck} (a check allocates no state of its own). */
  private static final ThreadLocal<SignState> SPARE = new ThreadLocal<>();
  /** Sizes up to which a released spare keeps its arrays. */
  private static final int SPARE_KEYS = 64;
  private static final int SPARE_APPROVED = 16;
  /** This thread's spare: handed out by {@link #forCheck} until {@link #release}. */
  private boolean spare;
  private boolean inUse;

  /**
   * @param provided distinct signer keys
   * @param available extra keys treated as signed when needed (get_required_signatures), or empty
   */
  SignState(
      Collection<PublicKey> provided,
      Set<PublicKey> available,
      AuthorityView view,
      int maxDepth,
      boolean allowNonImmediateOwner) {
    int n = provided.size();
    this.keys = provided.toArray(new PublicKey[Math.max(n, 2)]);
    this.used = new boolean[keys.length];
    init(n, available, view, maxDepth, allowNonImmediateOwner);
  }

  private SignState() {
    this.keys = new PublicKey[4];
    this.used = new boolean[4];
  }

  /**
   * A state for one check, as {@code new SignState(provided, Set.of(), view, maxDepth,
   * allowNonImmediateOwner)}: the thread's spare when it is free (call {@link #release} when done),
   * a new one when the spare is busy (a check started from inside a check).
   */
  static SignState forCheck(
      List<PublicKey> provided, AuthorityView view, int maxDepth, boolean allowNonImmediateOwner) {
    SignState s = SPARE.get();
    if (s == null) {
      s = new SignState();
      s.spare = true;
      SPARE.set(s);
    }
    if (s.inUse) {
      return new SignState(provided, Set.of(), view, maxDepth, allowNonImmediateOwner);
    }
    s.inUse = true;
    int n = provided.size();
    if (n > s.keys.length) {
      s.keys = new PublicKey[n];
      s.used = new boolean[n];
    }
    for (int i = 0; i < n; i++) {
      s.keys[i] = provided.get(i);
    }
    s.init(n, Set.of(), view, maxDepth, allowNonImmediateOwner);
    return s;
  }

  /** Returns the thread's spare (the state must not be used afterwards); no-op for other states. */
  void release() {
    if (!spare) {
      return;
    }
    // drop references to the check's objects so the spare keeps nothing alive
    if (keys.length > SPARE_KEYS) {
      keys = new PublicKey[4];
      used = new boolean[4];
    } else {
      Arrays.fill(keys, 0, count, null);
    }
    if (approved.length > SPARE_APPROVED) {
      approved = new ObjectId[4];
    } else {
      Arrays.fill(approved, 0, approvedCount, null);
    }
    approvedCount = 0;
    approvedSet = null;
    count = 0;
    index = null;
    providedAddresses = null;
    availableAddresses = null;
    view = null;
    available = null;
    tracer = null;
    inUse = false;
  }

  /** Sets up a fresh check over the first {@code n} entries of {@link #keys}. */
  private void init(
      int n, Set<PublicKey> available, AuthorityView view, int maxDepth, boolean allowNonImmediateOwner) {
    this.view = view;
    this.maxDepth = maxDepth;
    this.allowNonImmediateOwner = allowNonImmediateOwner;
    this.available = available;
    Arrays.fill(used, false);
    this.count = n;
    if (n > INDEX_THRESHOLD) {
      index = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        index.put(keys[i], i);
      }
    }
    approved[approvedCount++] = TEMP_ACCOUNT;
  }

  void approve(Collection<ObjectId> accounts) {
    if (accounts.isEmpty()) {
      return;
    }
    for (ObjectId a : accounts) {
      addApproved(a);
    }
  }

  boolean isApproved(ObjectId account) {
    if (approvedSet != null) {
      return approvedSet.contains(account);
    }
    for (int i = 0; i < approvedCount; i++) {
      if (approved[i].equals(account)) {
        return true;
      }
    }
    return false;
  }

  private void addApproved(ObjectId account) {
    if (isApproved(account)) {
      return;
    }
    if (approvedSet != null) {
      approvedSet.add(account);
      return;
    }
    if (approvedCount == approved.length) {
      if (approvedCount >= APPROVED_SCAN_LIMIT) {
        approvedSet = new HashSet<>(Arrays.asList(approved));
        approvedSet.add(account);
        return;
      }
      approved = Arrays.copyOf(approved, approvedCount * 2);
    }
    approved[approvedCount++] = account;
  }

  /** {@code signed_by(key)}. */
  boolean signedKey(PublicKey k) {
    if (index != null) {
      Integer i = index.get(k);
      if (i != null) {
        used[i] = true;
        return true;
      }
    } else {
      for (int i = 0; i < count; i++) {
        if (keys[i].equals(k)) {
          used[i] = true;
          return true;
        }
      }
    }
    if (!available.isEmpty() && available.contains(k)) {
      add(k);
      return true;
    }
    return false;
  }

  private void add(PublicKey k) {
    if (count == keys.length) {
      keys = Arrays.copyOf(keys, count * 2);
      used = Arrays.copyOf(used, count * 2);
    }
    keys[count] = k;
    used[count] = true;
    if (index != null) {
      index.put(k, count);
    }
    count++;
  }

  private void markUsed(PublicKey k) {
    if (index != null) {
      Integer i = index.get(k);
      if (i != null) {
        used[i] = true;
        return;
      }
    } else {
      for (int i = 0; i < count; i++) {
        if (keys[i].equals(k)) {
          used[i] = true;
          return;
        }
      }
    }
    add(k);
  }

  /** {@code signed_by(address)} with the five address forms of each key (spec §2.7). */
  boolean signedAddress(Address a) {
    if (providedAddresses == null) {
      availableAddresses = new HashMap<>();
      providedAddresses = new HashMap<>();
      for (PublicKey k : available) {
        putForms(availableAddresses, k);
      }
      for (int i = 0; i < count; i++) {
        putForms(providedAddresses, keys[i]);
      }
    }
    PublicKey k = providedAddresses.get(a);
    if (k == null) {
      k = availableAddresses.get(a);
      if (k == null || !available.contains(k)) {
        // bitshares-core dereferences an end iterator here (undefined behaviour); we say "not signed"
        return false;
      }
    }
    markUsed(k);
    return true;
  }

  /** The five address forms bitshares-core derives from a key. */
  static List<Address> addressForms(PublicKey k) {
    List<Address> out = new ArrayList<>(5);
    try {
      out.add(Address.fromPts(Address.ptsAddress(k, false, 56)));
    } catch (IllegalStateException notOnCurve) {
      // an invalid key has no uncompressed form; it can match nothing in that form
    }
    out.add(Address.fromPts(Address.ptsAddress(k, true, 56)));
    try {
      out.add(Address.fromPts(Address.ptsAddress(k, false, 0)));
    } catch (IllegalStateException notOnCurve) {
      // as above
    }
    out.add(Address.fromPts(Address.ptsAddress(k, true, 0)));
    out.add(k.address());
    return out;
  }

  private static void putForms(Map<Address, PublicKey> m, PublicKey k) {
    for (Address a : addressForms(k)) {
      m.put(a, k);
    }
  }

  /** {@code check_authority(account_id)}: approved, or active, or (HF-584) owner; not cached. */
  boolean checkAccount(ObjectId id) {
    if (isApproved(id)) {
      if (tracer != null) {
        tracer.topLevelApproved(id);
      }
      return true;
    }
    return checkAuth(id, AuthorityView.Role.ACTIVE, view.active(id), 0)
        || (allowNonImmediateOwner && checkAuth(id, AuthorityView.Role.OWNER, view.owner(id), 0));
  }

  /** {@code check_authority(owner(id))} at depth 0. */
  boolean checkOwner(ObjectId id) {
    return checkAuth(id, AuthorityView.Role.OWNER, view.owner(id), 0);
  }

  /** {@code check_authority(auth, depth)}. Account and role only label the trace. */
  boolean checkAuth(ObjectId account, AuthorityView.Role role, Authority auth, int depth) {
    if (auth == null) {
      if (tracer != null) {
        tracer.beginAuthority(account, role, null, depth);
        tracer.endAuthority(false, 0);
      }
      return false;
    }
    Tracer t = tracer;
    if (t != null) {
      t.beginAuthority(account, role, auth, depth);
    }
    final long threshold = auth.weightThreshold();
    long total = 0; // bitshares-core uses uint32; weights are uint16 and at most a few hundred members
    for (Map.Entry<PublicKey, Integer> e : auth.keyAuths().entrySet()) {
      total = keyMember(t, e.getKey(), e.getValue(), total);
      if (hit && total >= threshold) {
        return end(t, true, total);
      }
    }
    if (!auth.addressAuths().isEmpty()) {
      for (Map.Entry<Address, Integer> e : auth.addressAuths().entrySet()) {
        boolean s = signedAddress(e.getKey());
        if (s) {
          total += e.getValue();
        }
        if (t != null) {
          t.addressMember(e.getKey(), e.getValue(), s, total);
        }
        if (s && total >= threshold) {
          return end(t, true, total);
        }
      }
    }
    if (auth.accountAuths().isEmpty()) {
      return end(t, total >= threshold, total);
    }
    for (Map.Entry<ObjectId, Integer> e : auth.accountAuths().entrySet()) {
      total = accountMember(t, e.getKey(), e.getValue(), depth, total);
      if (hit && total >= threshold) {
        return end(t, true, total);
      }
    }
    return end(t, total >= threshold, total);
  }

  /** One key member: marks it used when signed ({@link #hit}) and returns the new total. */
  private long keyMember(Tracer t, PublicKey k, Integer w, long total) {
    boolean s = signedKey(k);
    if (s) {
      total += w;
    }
    if (t != null) {
      t.keyMember(k, w, s, total);
    }
    hit = s;
    return total;
  }

  /**
   * One account member at {@code depth}: counts when already approved or satisfied below (then
   * approved), not past the depth limit; {@link #hit} says whether it counted. Returns the new total.
   */
  private long accountMember(Tracer t, ObjectId a, int w, int depth, long total) {
    if (t != null) {
      t.accountMemberBegin(a, w, depth);
    }
    if (isApproved(a)) {
      total += w;
      if (t != null) {
        t.accountMemberEnd(a, w, Tracer.MemberOutcome.APPROVED_CACHED, total);
      }
      hit = true;
      return total;
    }
    if (depth == maxDepth) {
      if (t != null) {
        t.accountMemberEnd(a, w, Tracer.MemberOutcome.DEPTH_LIMIT, total);
      }
      hit = false;
      return total;
    }
    if (checkAuth(a, AuthorityView.Role.ACTIVE, view.active(a), depth + 1)
        || (allowNonImmediateOwner && checkAuth(a, AuthorityView.Role.OWNER, view.owner(a), depth + 1))) {
      addApproved(a);
      total += w;
      if (t != null) {
        t.accountMemberEnd(a, w, Tracer.MemberOutcome.SATISFIED, total);
      }
      hit = true;
      return total;
    }
    if (t != null) {
      t.accountMemberEnd(a, w, Tracer.MemberOutcome.NOT_SATISFIED, total);
    }
    hit = false;
    return total;
  }

  private static boolean end(Tracer t, boolean result, long total) {
    if (t != null) {
      t.endAuthority(result, total);
    }
    return result;
  }

  /** Keys in the provided map (signers plus available keys that got used). */
  int size() {
    return count;
  }

  PublicKey key(int i) {
    return keys[i];
  }

  boolean used(int i) {
    return used[i];
  }

  boolean anyUnused() {
    for (int i = 0; i < count; i++) {
      if (!used[i]) {
        return true;
      }
    }
    return false;
  }
}
