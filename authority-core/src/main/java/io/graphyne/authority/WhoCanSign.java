package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The minimal sets of keys that satisfy one role of an account under bitshares-core's exact
 * evaluation (nesting, early exit, approved-account cache, depth limit, HF-584 owners).
 *
 * <p>A set is reported when it satisfies {@code check_authority(role(account), 0)} and no proper
 * subset does. Such a set never has an unused key (an unused key is never looked at, so removing
 * it would change nothing), so it passes the full check; and every signer set that passes contains
 * one of them. The evaluation is not monotone (early exit can skip an account another branch needs
 * from the cache), so the exhaustive search tests every subset in size order, skipping supersets
 * of sets already found. When the key universe is too large for that, candidates come from the
 * authority structure and are verified and shrunk with the real checker; {@code exhaustive} is
 * then false. {@code truncated} says the set limit or the candidate budget cut the answer short.
 */
public final class WhoCanSign {
  private WhoCanSign() {}

  /** Search bounds. */
  public record Limits(int maxSets, int maxUniverseForExhaustive, int maxCandidates) {
    public static Limits defaults() {
      return new Limits(1000, 18, 100_000);
    }
  }

  /** The answer. */
  public record Result(
      ObjectId account,
      AuthorityView.Role role,
      List<SortedSet<PublicKey>> sets,
      boolean truncated,
      boolean exhaustive,
      SortedSet<PublicKey> universe) {}

  public static Result compute(
      AuthorityView view, ObjectId account, AuthorityView.Role role, CheckParams params) {
    return compute(view, account, role, params, Limits.defaults());
  }

  public static Result compute(
      AuthorityView view, ObjectId account, AuthorityView.Role role, CheckParams params, Limits limits) {
    SortedSet<PublicKey> universe = universe(view, account, role, params);
    List<PublicKey> u = new ArrayList<>(universe);
    if (u.size() <= limits.maxUniverseForExhaustive()) {
      return exhaustive(view, account, role, params, limits, u, universe);
    }
    return structural(view, account, role, params, limits, universe);
  }

  /**
   * Every key the checker can look at for this role: keys of the role authority and of member
   * accounts' active (and, after HF-584, owner) authorities down to the depth limit.
   */
  public static SortedSet<PublicKey> universe(
      AuthorityView view, ObjectId account, AuthorityView.Role role, CheckParams params) {
    TreeSet<PublicKey> out = new TreeSet<>();
    collect(view, view.authority(account, role), 0, params, out, new java.util.HashMap<>());
    return out;
  }

  private static void collect(
      AuthorityView view, Authority auth, int depth, CheckParams params, Set<PublicKey> out,
      Map<Authority, Integer> seenAtDepth) {
    if (auth == null) {
      return;
    }
    Integer seen = seenAtDepth.get(auth);
    if (seen != null && seen <= depth) {
      return;
    }
    seenAtDepth.put(auth, depth);
    out.addAll(auth.keyAuths().keySet());
    if (depth == params.maxDepth()) {
      return;
    }
    for (ObjectId a : auth.accountAuths().keySet()) {
      collect(view, view.active(a), depth + 1, params, out, seenAtDepth);
      if (params.allowNonImmediateOwner()) {
        collect(view, view.owner(a), depth + 1, params, out, seenAtDepth);
      }
    }
  }

  private static boolean satisfies(
      AuthorityView view, ObjectId account, AuthorityView.Role role, CheckParams params, List<PublicKey> keys) {
    SignState s = new SignState(keys, Set.of(), view, params.maxDepth(), params.allowNonImmediateOwner());
    s.approve(params.activeApprovals());
    s.approve(params.ownerApprovals());
    return s.checkAuth(account, role, view.authority(account, role), 0);
  }

  private static Result exhaustive(
      AuthorityView view, ObjectId account, AuthorityView.Role role, CheckParams params, Limits limits,
      List<PublicKey> u, SortedSet<PublicKey> universe) {
    int n = u.size();
    List<Long> found = new ArrayList<>();
    boolean truncated = false;
    // every subset, in order of size
    outer:
    for (int size = 0; size <= n; size++) {
      long mask = size == 0 ? 0 : (1L << size) - 1;
      long limit = 1L << n;
      while (mask < limit) {
        boolean superset = false;
        for (long f : found) {
          if ((mask & f) == f) {
            superset = true;
            break;
          }
        }
        if (!superset) {
          List<PublicKey> keys = new ArrayList<>(size);
          for (int i = 0; i < n; i++) {
            if ((mask & (1L << i)) != 0) {
              keys.add(u.get(i));
            }
          }
          if (satisfies(view, account, role, params, keys)) {
            found.add(mask);
            if (found.size() >= limits.maxSets()) {
              truncated = true;
              break outer;
            }
          }
        }
        if (size == 0) {
          break;
        }
        // next subset with the same number of bits (Gosper's hack)
        long c = mask & -mask;
        long r = mask + c;
        mask = (((r ^ mask) >>> 2) / c) | r;
      }
    }
    List<SortedSet<PublicKey>> sets = new ArrayList<>(found.size());
    for (long f : found) {
      TreeSet<PublicKey> s = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        if ((f & (1L << i)) != 0) {
          s.add(u.get(i));
        }
      }
      sets.add(Collections.unmodifiableSortedSet(s));
    }
    sets.sort(SET_ORDER);
    return new Result(account, role, List.copyOf(sets), truncated, true, universe);
  }

  /** Size first, then lexicographic by key order. */
  public static final Comparator<SortedSet<PublicKey>> SET_ORDER = (a, b) -> {
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    var ia = a.iterator();
    var ib = b.iterator();
    while (ia.hasNext()) {
      int c = ia.next().compareTo(ib.next());
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };

  private static Result structural(
      AuthorityView view, ObjectId account, AuthorityView.Role role, CheckParams params, Limits limits,
      SortedSet<PublicKey> universe) {
    boolean[] cut = {false};
    List<Set<PublicKey>> candidates = new ArrayList<>(
        options(view, view.authority(account, role), 0, params, limits, cut, new java.util.HashMap<>()));
    LinkedHashSet<SortedSet<PublicKey>> verified = new LinkedHashSet<>();
    // smallest candidates first, so that a cut keeps the most useful sets
    candidates.sort(java.util.Comparator.comparingInt(Set::size));
    for (Set<PublicKey> cand : candidates) {
      if (verified.size() >= 4L * limits.maxSets()) {
        cut[0] = true;
        break;
      }
      List<PublicKey> keys = new ArrayList<>(new TreeSet<>(cand));
      if (!satisfies(view, account, role, params, keys)) {
        continue;
      }
      // shrink: drop keys while the set still satisfies
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int i = 0; i < keys.size(); i++) {
          List<PublicKey> less = new ArrayList<>(keys);
          less.remove(i);
          if (satisfies(view, account, role, params, less)) {
            keys = less;
            changed = true;
            break;
          }
        }
      }
      verified.add(Collections.unmodifiableSortedSet(new TreeSet<>(keys)));
    }
    List<SortedSet<PublicKey>> sets = removeSupersets(new ArrayList<>(verified));
    boolean truncated = cut[0];
    if (sets.size() > limits.maxSets()) {
      sets = sets.subList(0, limits.maxSets());
      truncated = true;
    }
    return new Result(account, role, List.copyOf(sets), truncated, false, universe);
  }

  static List<SortedSet<PublicKey>> removeSupersets(List<SortedSet<PublicKey>> in) {
    in.sort(SET_ORDER);
    List<SortedSet<PublicKey>> out = new ArrayList<>();
    for (SortedSet<PublicKey> s : in) {
      boolean sup = false;
      for (SortedSet<PublicKey> o : out) {
        if (s.containsAll(o)) {
          sup = true;
          break;
        }
      }
      if (!sup) {
        out.add(s);
      }
    }
    return out;
  }

  /** Structural minimal key sets of an authority at a depth (no cache effects). */
  private static List<Set<PublicKey>> options(
      AuthorityView view, Authority auth, int depth, CheckParams params, Limits limits, boolean[] cut,
      Map<String, List<Set<PublicKey>>> memo) {
    if (auth == null) {
      return List.of();
    }
    String memoKey = System.identityHashCode(auth) + "@" + depth;
    List<Set<PublicKey>> m = memo.get(memoKey);
    if (m != null) {
      return m;
    }
    memo.put(memoKey, List.of()); // cycle guard
    List<Long> weights = new ArrayList<>();
    List<List<Set<PublicKey>>> memberOptions = new ArrayList<>();
    for (Map.Entry<PublicKey, Integer> e : auth.keyAuths().entrySet()) {
      weights.add((long) e.getValue());
      memberOptions.add(List.of(Set.of(e.getKey())));
    }
    for (Map.Entry<ObjectId, Integer> e : auth.accountAuths().entrySet()) {
      ObjectId a = e.getKey();
      List<Set<PublicKey>> opts = new ArrayList<>();
      if (params.activeApprovals().contains(a) || params.ownerApprovals().contains(a)
          || a.equals(SignState.TEMP_ACCOUNT)) {
        opts.add(Set.of());
      } else if (depth < params.maxDepth()) {
        opts.addAll(options(view, view.active(a), depth + 1, params, limits, cut, memo));
        if (params.allowNonImmediateOwner()) {
          opts.addAll(options(view, view.owner(a), depth + 1, params, limits, cut, memo));
        }
      }
      weights.add((long) e.getValue());
      memberOptions.add(opts);
    }
    List<Set<PublicKey>> result = new ArrayList<>();
    int n = weights.size();
    long threshold = auth.weightThreshold();
    if (n > 20) {
      cut[0] = true;
      n = 20;
    }
    for (long mask = 0; mask < (1L << n); mask++) {
      long sum = 0;
      boolean minimal = true;
      for (int i = 0; i < n; i++) {
        if ((mask & (1L << i)) != 0) {
          sum += weights.get(i);
        }
      }
      if (sum < threshold) {
        continue;
      }
      for (int i = 0; i < n && minimal; i++) {
        if ((mask & (1L << i)) != 0 && sum - weights.get(i) >= threshold) {
          minimal = false;
        }
      }
      if (!minimal) {
        continue;
      }
      List<Set<PublicKey>> combos = new ArrayList<>();
      combos.add(Set.of());
      for (int i = 0; i < n && !combos.isEmpty(); i++) {
        if ((mask & (1L << i)) == 0) {
          continue;
        }
        List<Set<PublicKey>> next = new ArrayList<>();
        for (Set<PublicKey> c : combos) {
          for (Set<PublicKey> o : memberOptions.get(i)) {
            Set<PublicKey> u = new java.util.HashSet<>(c);
            u.addAll(o);
            next.add(u);
            if (next.size() > limits.maxCandidates()) {
              cut[0] = true;
              break;
            }
          }
          if (next.size() > limits.maxCandidates()) {
            break;
          }
        }
        combos = next;
      }
      result.addAll(combos);
      if (result.size() > limits.maxCandidates()) {
        cut[0] = true;
        break;
      }
    }
    memo.put(memoKey, result);
    return result;
  }
}
