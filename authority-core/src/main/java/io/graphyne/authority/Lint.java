package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Static analysis of account authorities: lockouts (impossible or unsatisfiable within the depth
 * limit), a single key that controls a role alone, members that can never count because of the
 * depth limit, unknown members, cycles, and second-factor coverage (does every minimal signer set
 * include a given key or account).
 */
public final class Lint {
  private Lint() {}

  public enum Severity {
    ERROR,
    WARNING,
    INFO
  }

  public enum Kind {
    LOCKOUT,
    SINGLE_KEY_CONTROL,
    BEYOND_DEPTH_LIMIT,
    UNKNOWN_MEMBER,
    CYCLE,
    SECOND_FACTOR_MISSING,
    SECOND_FACTOR_COVERED,
    WHO_CAN_SIGN_TRUNCATED
  }

  /** One finding; {@code subjects} are keys, accounts or key sets as text. */
  public record Finding(
      Severity severity, Kind kind, ObjectId account, AuthorityView.Role role, String message, List<String> subjects) {}

  /** A second factor: either a key or an account (a set covers an account if it holds any of its keys). */
  public record SecondFactor(PublicKey key, ObjectId account) {
    public static SecondFactor parse(String text, AuthorityView view) {
      ObjectId id = view.resolve(text);
      if (id != null) {
        return new SecondFactor(null, id);
      }
      return new SecondFactor(PublicKey.parse(text, null), null);
    }
  }

  public static List<Finding> lint(
      AuthorityView view, Iterable<ObjectId> accounts, CheckParams params, SecondFactor factor, String prefix) {
    List<Finding> out = new ArrayList<>();
    for (ObjectId id : accounts) {
      for (AuthorityView.Role role : AuthorityView.Role.values()) {
        lintRole(view, id, role, params, factor, prefix, out);
      }
      cycles(view, id, params, out);
    }
    return out;
  }

  private static String label(AuthorityView view, ObjectId id) {
    String n = view.name(id);
    return n == null ? id.toString() : id + " (" + n + ")";
  }

  private static void lintRole(
      AuthorityView view, ObjectId id, AuthorityView.Role role, CheckParams params, SecondFactor factor,
      String prefix, List<Finding> out) {
    Authority auth = view.authority(id, role);
    String who = label(view, id) + " " + role.jsonName();
    if (auth == null) {
      out.add(new Finding(Severity.ERROR, Kind.UNKNOWN_MEMBER, id, role, who + ": account not in the view", List.of()));
      return;
    }
    long sum = 0;
    for (int w : auth.keyAuths().values()) {
      sum += w;
    }
    for (int w : auth.accountAuths().values()) {
      sum += w;
    }
    for (int w : auth.addressAuths().values()) {
      sum += w;
    }
    if (sum < auth.weightThreshold()) {
      boolean special = id.space() == 1 && id.type() == 2 && id.instance() <= 5;
      out.add(new Finding(special ? Severity.INFO : Severity.ERROR, Kind.LOCKOUT, id, role,
          who + ": impossible, member weights sum to " + sum + " < threshold " + auth.weightThreshold()
              + (special ? " (special account: its active is vote-derived at maintenance or it is meant to be"
                  + " uncontrollable)" : ""),
          List.of()));
    }
    depthAndUnknown(view, id, role, auth, 0, params, out, new HashSet<>());
    WhoCanSign.Result r = WhoCanSign.compute(view, id, role, params);
    if (r.truncated()) {
      out.add(new Finding(Severity.INFO, Kind.WHO_CAN_SIGN_TRUNCATED, id, role,
          who + ": signer sets truncated at " + r.sets().size(), List.of()));
    }
    if (r.sets().isEmpty() && sum >= auth.weightThreshold() && !r.truncated()) {
      out.add(new Finding(Severity.ERROR, Kind.LOCKOUT, id, role,
          who + ": no set of keys can satisfy it within max_authority_depth " + params.maxDepth()
              + (role == AuthorityView.Role.ACTIVE ? " (the owner can still act for it at top level)" : ""),
          List.of()));
    }
    for (SortedSet<PublicKey> s : r.sets()) {
      if (s.size() == 1 && auth.keyAuths().size() + auth.accountAuths().size() + auth.addressAuths().size() > 1) {
        PublicKey k = s.first();
        String holders = view instanceof MapAuthorityView m && !m.holders(k).isEmpty()
            ? " (key of " + String.join(", ", m.holders(k)) + ")" : "";
        out.add(new Finding(Severity.WARNING, Kind.SINGLE_KEY_CONTROL, id, role,
            who + ": key " + k.toString(prefix) + holders + " controls it alone", List.of(k.toString(prefix))));
      }
      if (s.isEmpty()) {
        out.add(new Finding(Severity.WARNING, Kind.SINGLE_KEY_CONTROL, id, role,
            who + ": satisfied with no signature at all (threshold 0 or temp account member)", List.of()));
      }
    }
    if (factor != null) {
      Set<PublicKey> factorKeys = new HashSet<>();
      String fname;
      if (factor.key() != null) {
        factorKeys.add(factor.key());
        fname = factor.key().toString(prefix);
      } else {
        factorKeys.addAll(WhoCanSign.universe(view, factor.account(), AuthorityView.Role.ACTIVE, params));
        factorKeys.addAll(WhoCanSign.universe(view, factor.account(), AuthorityView.Role.OWNER, params));
        fname = label(view, factor.account());
      }
      List<String> uncovered = new ArrayList<>();
      for (SortedSet<PublicKey> s : r.sets()) {
        if (s.stream().noneMatch(factorKeys::contains)) {
          uncovered.add(setText(s, prefix));
        }
      }
      if (uncovered.isEmpty()) {
        out.add(new Finding(Severity.INFO, Kind.SECOND_FACTOR_COVERED, id, role,
            who + ": every minimal signer set includes " + fname
                + (r.truncated() ? " (among the sets found; the search was truncated)" : ""),
            List.of()));
      } else {
        out.add(new Finding(Severity.ERROR, Kind.SECOND_FACTOR_MISSING, id, role,
            who + ": " + uncovered.size() + " of " + r.sets().size() + " minimal signer sets do not include " + fname,
            uncovered));
      }
    }
  }

  static String setText(SortedSet<PublicKey> s, String prefix) {
    List<String> l = new ArrayList<>();
    for (PublicKey k : s) {
      l.add(k.toString(prefix));
    }
    return String.join(",", l);
  }

  private static void depthAndUnknown(
      AuthorityView view, ObjectId root, AuthorityView.Role role, Authority auth, int depth, CheckParams params,
      List<Finding> out, Set<String> reported) {
    for (ObjectId m : auth.accountAuths().keySet()) {
      if (m.equals(SignState.TEMP_ACCOUNT)) {
        continue;
      }
      if (view.active(m) == null) {
        if (reported.add("unknown " + m)) {
          out.add(new Finding(Severity.WARNING, Kind.UNKNOWN_MEMBER, root, role,
              label(view, root) + " " + role.jsonName() + ": member " + m + " is not in the view", List.of(m.toString())));
        }
        continue;
      }
      if (depth == params.maxDepth()) {
        if (reported.add("depth " + m)) {
          out.add(new Finding(Severity.WARNING, Kind.BEYOND_DEPTH_LIMIT, root, role,
              label(view, root) + " " + role.jsonName() + ": member " + label(view, m) + " sits at depth " + depth
                  + " = max_authority_depth; its authority is never expanded there (it counts only if approved"
                  + " earlier in the same check)",
              List.of(m.toString())));
        }
        continue;
      }
      if (reported.add("visit " + m + "@" + depth)) {
        depthAndUnknown(view, root, role, view.active(m), depth + 1, params, out, reported);
        if (params.allowNonImmediateOwner() && view.owner(m) != null) {
          depthAndUnknown(view, root, role, view.owner(m), depth + 1, params, out, reported);
        }
      }
    }
  }

  /** Cycles through account_auths reachable from the account (active and owner edges). */
  private static void cycles(AuthorityView view, ObjectId start, CheckParams params, List<Finding> out) {
    Set<String> seen = new LinkedHashSet<>();
    List<ObjectId> path = new ArrayList<>();
    dfs(view, start, path, new int[] {20_000}, seen, 0);
    for (String c : seen) {
      out.add(new Finding(Severity.INFO, Kind.CYCLE, start, null,
          label(view, start) + ": authority cycle " + c + " (legal; the depth limit ends the recursion)",
          List.of(c.split(" -> "))));
    }
  }

  private static void dfs(
      AuthorityView view, ObjectId at, List<ObjectId> path, int[] budget, Set<String> cycles, int steps) {
    if (steps > 64 || cycles.size() > 20 || --budget[0] < 0) {
      return;
    }
    int i = path.indexOf(at);
    if (i >= 0) {
      List<ObjectId> cyc = new ArrayList<>(path.subList(i, path.size()));
      // canonical rotation: start at the smallest id
      int min = 0;
      for (int j = 1; j < cyc.size(); j++) {
        if (cyc.get(j).compareTo(cyc.get(min)) < 0) {
          min = j;
        }
      }
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j <= cyc.size(); j++) {
        sb.append(j == 0 ? "" : " -> ").append(cyc.get((min + j) % cyc.size()));
      }
      cycles.add(sb.toString());
      return;
    }
    path.add(at);
    Set<ObjectId> next = new TreeSet<>();
    for (AuthorityView.Role r : AuthorityView.Role.values()) {
      Authority a = view.authority(at, r);
      if (a != null) {
        next.addAll(a.accountAuths().keySet());
      }
    }
    for (ObjectId n : next) {
      dfs(view, n, path, budget, cycles, steps + 1);
    }
    path.remove(path.size() - 1);
  }
}
