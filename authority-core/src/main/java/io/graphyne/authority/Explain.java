package io.graphyne.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.protocol.Address;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation tree of one check: per requirement, per authority evaluated, which keys and
 * accounts contributed which weight toward which threshold, where the depth limit cut, which
 * members were never examined because the threshold was already reached, what is missing, and
 * why each unused signature is unused. Built from the checker's own steps (a {@link Tracer}), so
 * it cannot disagree with the verdict.
 */
public final class Explain {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Explain() {}

  /** The tree as JSON; keys printed with {@code prefix}. */
  public static ObjectNode explain(
      List<OpRequirement> ops, List<PublicKey> signers, AuthorityView view, CheckParams params, String prefix) {
    Builder b = new Builder(view, prefix, params);
    Verdict v = AuthorityChecker.verify(ops, signers, view, params, b);
    ObjectNode root = F.objectNode();
    root.put("valid", v.valid());
    root.put("error", v.valid() ? null : v.error().jsonName());
    if (v.failedAccount() != null) {
      root.set("failed_account", b.account(v.failedAccount()));
    }
    root.put("max_depth", params.maxDepth());
    root.put("allow_non_immediate_owner", params.allowNonImmediateOwner());
    root.set("signers", keys(v.signers(), prefix));
    root.set("used", keys(v.used(), prefix));
    ArrayNode unused = F.arrayNode();
    for (PublicKey k : v.unused()) {
      ObjectNode u = F.objectNode();
      u.put("key", k.toString(prefix));
      u.put("reason", b.whyUnused(k));
      unused.add(u);
    }
    root.set("unused", unused);
    root.set("required_active", ids(v.requiredActive()));
    root.set("required_owner", ids(v.requiredOwner()));
    root.set("requirements", b.requirements);
    if (v.error() == AuthError.DUPLICATE_SIG) {
      root.put("note", "a key signed more than once; bitshares-core rejects before any authority logic");
    } else if (v.error() == AuthError.INVALID_COMMITTEE_APPROVAL) {
      root.put("note", "1.2.0 (committee) is required-active; it can act only through a proposal");
    }
    return root;
  }

  /** Keys as a JSON array of their text form with {@code prefix}. */
  public static ArrayNode keys(Iterable<PublicKey> keys, String prefix) {
    ArrayNode a = F.arrayNode();
    for (PublicKey k : keys) {
      a.add(k.toString(prefix));
    }
    return a;
  }

  /** Object ids as a JSON array of {@code "1.2.3"} strings. */
  public static ArrayNode ids(Iterable<ObjectId> ids) {
    ArrayNode a = F.arrayNode();
    for (ObjectId id : ids) {
      a.add(id.toString());
    }
    return a;
  }

  private static final class Builder implements Tracer {
    final AuthorityView view;
    final String prefix;
    final ArrayNode requirements = F.arrayNode();
    final Deque<ObjectNode> stack = new ArrayDeque<>();
    final Deque<Authority> auths = new ArrayDeque<>();
    final Deque<Set<Object>> visited = new ArrayDeque<>();
    ObjectNode current;
    /** Keys skipped by an early exit, and keys seen in any evaluated authority. */
    final Map<PublicKey, String> skipped = new java.util.HashMap<>();
    final Set<PublicKey> seen = new HashSet<>();

    final CheckParams params;
    /** Account members never examined (early exit) or cut by the depth limit, with where. */
    final Map<ObjectId, String> skippedAccounts = new java.util.LinkedHashMap<>();
    final Map<ObjectId, String> depthCut = new java.util.LinkedHashMap<>();

    Builder(AuthorityView view, String prefix, CheckParams params) {
      this.view = view;
      this.prefix = prefix;
      this.params = params;
    }

    ObjectNode account(ObjectId id) {
      ObjectNode n = F.objectNode();
      n.put("id", id.toString());
      String name = view.name(id);
      if (name != null) {
        n.put("name", name);
      }
      return n;
    }

    String label(ObjectId id) {
      String name = view.name(id);
      return name == null ? id.toString() : id + " (" + name + ")";
    }

    @Override
    public void requirement(String kind, ObjectId account, int otherIndex) {
      current = F.objectNode();
      current.put("kind", kind);
      if (account != null) {
        current.put("account", account.toString());
        String name = view.name(account);
        if (name != null) {
          current.put("name", name);
        }
      } else {
        current.put("index", otherIndex);
      }
      current.set("evaluations", F.arrayNode());
      requirements.add(current);
    }

    @Override
    public void requirementResult(boolean satisfied) {
      current.put("satisfied", satisfied);
    }

    @Override
    public void topLevelApproved(ObjectId account) {
      ((ArrayNode) current.get("evaluations")).add(F.objectNode()
          .put("approved", true)
          .put("why", account.instance() == 4 && account.space() == 1
              ? "temp account 1.2.4 is always approved"
              : "approved earlier in this check or by a proposal approval"));
    }

    @Override
    public void beginAuthority(ObjectId account, AuthorityView.Role role, Authority auth, int depth) {
      ObjectNode n = F.objectNode();
      if (account != null) {
        n.put("account", account.toString());
        String name = view.name(account);
        if (name != null) {
          n.put("name", name);
        }
      }
      n.put("role", role == null ? "other" : role.jsonName());
      n.put("depth", depth);
      if (auth == null) {
        n.put("missing", "authority unknown (account not in the view)");
      } else {
        n.put("threshold", auth.weightThreshold());
      }
      n.set("members", F.arrayNode());
      ArrayNode target = stack.isEmpty()
          ? (ArrayNode) current.get("evaluations")
          : (ArrayNode) lastMember().withArray("evaluations");
      target.add(n);
      stack.push(n);
      auths.push(auth == null ? new Authority(1, Map.of(), Map.of(), Map.of()) : auth);
      visited.push(new HashSet<>());
    }

    private ObjectNode lastMember() {
      ArrayNode m = (ArrayNode) stack.peek().get("members");
      return (ObjectNode) m.get(m.size() - 1);
    }

    @Override
    public void keyMember(PublicKey key, int weight, boolean signed, long total) {
      seen.add(key);
      visited.peek().add(key);
      ((ArrayNode) stack.peek().get("members")).add(F.objectNode()
          .put("type", "key").put("key", key.toString(prefix)).put("weight", weight)
          .put("signed", signed).put("total", total));
    }

    @Override
    public void addressMember(Address address, int weight, boolean signed, long total) {
      visited.peek().add(address);
      ((ArrayNode) stack.peek().get("members")).add(F.objectNode()
          .put("type", "address").put("address", address.toString(prefix)).put("weight", weight)
          .put("signed", signed).put("total", total));
    }

    @Override
    public void accountMemberBegin(ObjectId account, int weight, int depth) {
      visited.peek().add(account);
      ObjectNode m = F.objectNode().put("type", "account").put("account", account.toString());
      String name = view.name(account);
      if (name != null) {
        m.put("name", name);
      }
      m.put("weight", weight);
      ((ArrayNode) stack.peek().get("members")).add(m);
    }

    @Override
    public void accountMemberEnd(ObjectId account, int weight, MemberOutcome outcome, long total) {
      ObjectNode m = lastMemberFor(account);
      m.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
      m.put("total", total);
      if (outcome == MemberOutcome.DEPTH_LIMIT) {
        depthCut.putIfAbsent(account, stack.peek().path("account").asText("other") + " " + stack.peek().path("role").asText());
        m.put("note", "at depth == max_depth and not approved earlier: not expanded, its keys cannot count here");
      }
    }

    private ObjectNode lastMemberFor(ObjectId account) {
      ArrayNode ms = (ArrayNode) stack.peek().get("members");
      for (int i = ms.size() - 1; i >= 0; i--) {
        JsonNode m = ms.get(i);
        if ("account".equals(m.path("type").asText()) && account.toString().equals(m.path("account").asText())
            && !m.has("outcome")) {
          return (ObjectNode) m;
        }
      }
      return (ObjectNode) ms.get(ms.size() - 1);
    }

    @Override
    public void endAuthority(boolean satisfied, long total) {
      ObjectNode n = stack.pop();
      Authority auth = auths.pop();
      Set<Object> v = visited.pop();
      n.put("total", total);
      n.put("satisfied", satisfied);
      if (!satisfied && n.has("threshold")) {
        n.put("missing_weight", auth.weightThreshold() - total);
      }
      ArrayNode notExamined = F.arrayNode();
      String where = n.path("account").asText("other") + " " + n.path("role").asText();
      for (PublicKey k : auth.keyAuths().keySet()) {
        if (!v.contains(k)) {
          notExamined.add(k.toString(prefix));
          skipped.putIfAbsent(k, where);
        }
      }
      for (Address a : auth.addressAuths().keySet()) {
        if (!v.contains(a)) {
          notExamined.add(a.toString(prefix));
        }
      }
      for (ObjectId a : auth.accountAuths().keySet()) {
        if (!v.contains(a)) {
          notExamined.add(a.toString());
          skippedAccounts.putIfAbsent(a, where);
        }
      }
      if (!notExamined.isEmpty()) {
        n.set("not_examined", notExamined);
        n.put("note", "threshold reached early: later members were never looked at");
      }
    }

    private boolean reaches(ObjectId account, PublicKey k) {
      CheckParams deep = params.withMaxDepth(Math.min(255, params.maxDepth() + 1));
      return WhoCanSign.universe(view, account, AuthorityView.Role.ACTIVE, deep).contains(k)
          || WhoCanSign.universe(view, account, AuthorityView.Role.OWNER, deep).contains(k);
    }

    String whyUnused(PublicKey k) {
      String s = skipped.get(k);
      if (s != null && !seen.contains(k)) {
        return "only in " + s + ", which reached its threshold before this key was looked at";
      }
      for (Map.Entry<ObjectId, String> e : skippedAccounts.entrySet()) {
        if (reaches(e.getKey(), k)) {
          return "reachable only through " + label(e.getKey()) + ", a member of " + e.getValue()
              + " that was never examined because that authority reached its threshold first";
        }
      }
      for (Map.Entry<ObjectId, String> e : depthCut.entrySet()) {
        if (reaches(e.getKey(), k)) {
          return "reachable only through " + label(e.getKey()) + ", a member of " + e.getValue()
              + " at depth max_authority_depth (" + params.maxDepth() + "), which is not expanded";
        }
      }
      if (view instanceof MapAuthorityView m && !m.holders(k).isEmpty()) {
        return "not in any authority the check evaluated (it is a key of " + String.join(", ", m.holders(k))
            + ", which the check did not need)";
      }
      return "not in any authority the check evaluated";
    }
  }

  /** A readable rendering of {@link #explain}. */
  public static String text(ObjectNode tree) {
    StringBuilder sb = new StringBuilder();
    sb.append(tree.get("valid").asBoolean() ? "VALID" : "INVALID: " + tree.get("error").asText());
    if (tree.has("failed_account")) {
      sb.append(" (").append(tree.get("failed_account").get("id").asText());
      if (tree.get("failed_account").has("name")) {
        sb.append(' ').append(tree.get("failed_account").get("name").asText());
      }
      sb.append(')');
    }
    sb.append('\n');
    for (JsonNode r : tree.get("requirements")) {
      sb.append("requirement ").append(r.get("kind").asText()).append(' ')
          .append(r.has("account") ? r.get("account").asText() + name(r) : "#" + r.path("index").asInt())
          .append(": ").append(r.path("satisfied").asBoolean() ? "satisfied" : "NOT satisfied").append('\n');
      for (JsonNode e : r.get("evaluations")) {
        render(e, sb, 1);
      }
    }
    for (JsonNode u : tree.get("unused")) {
      sb.append("unused signature ").append(u.get("key").asText()).append(": ").append(u.get("reason").asText()).append('\n');
    }
    if (tree.has("note")) {
      sb.append(tree.get("note").asText()).append('\n');
    }
    return sb.toString();
  }

  private static String name(JsonNode n) {
    return n.has("name") ? " (" + n.get("name").asText() + ")" : "";
  }

  private static void render(JsonNode e, StringBuilder sb, int indent) {
    String pad = "  ".repeat(indent);
    if (e.has("approved")) {
      sb.append(pad).append("approved: ").append(e.get("why").asText()).append('\n');
      return;
    }
    sb.append(pad).append(e.get("role").asText()).append(' ').append(e.path("account").asText(""))
        .append(name(e)).append(" depth ").append(e.get("depth").asInt());
    if (e.has("missing")) {
      sb.append(": ").append(e.get("missing").asText()).append('\n');
      return;
    }
    sb.append(": ").append(e.get("total").asLong()).append('/').append(e.get("threshold").asLong())
        .append(e.get("satisfied").asBoolean() ? " satisfied" : " NOT satisfied (missing " + e.get("missing_weight").asLong() + ")")
        .append('\n');
    for (JsonNode m : e.get("members")) {
      String type = m.get("type").asText();
      sb.append(pad).append("  ");
      switch (type) {
        case "key", "address" -> sb.append(type).append(' ').append(m.get(type).asText()).append(" w=")
            .append(m.get("weight").asInt()).append(m.get("signed").asBoolean() ? " signed" : " not signed")
            .append(" -> ").append(m.get("total").asLong()).append('\n');
        default -> {
          sb.append("account ").append(m.get("account").asText()).append(name(m)).append(" w=")
              .append(m.get("weight").asInt()).append(' ').append(m.path("outcome").asText()).append(" -> ")
              .append(m.path("total").asLong()).append('\n');
          for (JsonNode sub : m.path("evaluations")) {
            render(sub, sb, indent + 2);
          }
        }
      }
    }
    if (e.has("not_examined")) {
      sb.append(pad).append("  not examined (threshold already reached): ").append(e.get("not_examined")).append('\n');
    }
  }
}
