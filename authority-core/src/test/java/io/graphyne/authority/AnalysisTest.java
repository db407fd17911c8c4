package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.protocol.ObjectId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** explain and lint. */
class AnalysisTest {
  static final CheckParams P = CheckParams.defaults();

  @Test
  void explainShowsEarlyExitAndUnusedReason() {
    Net n = new Net();
    var a = n.auth(2, "k:test-1", 1, "k:test-2", 1, "k:test-3", 1);
    n.create("a", a, a);
    ObjectNode t = Explain.explain(List.of(n.transfer("a")), n.sign("test-1", "test-2", "test-3"), n.view(), P, "BTS");
    assertThat(t.get("valid").asBoolean()).isFalse();
    assertThat(t.get("error").asText()).isEqualTo("irrelevant_sig");
    JsonNode eval = t.get("requirements").get(0).get("evaluations").get(0);
    assertThat(eval.get("threshold").asLong()).isEqualTo(2);
    assertThat(eval.get("total").asLong()).isEqualTo(2);
    assertThat(eval.get("members")).hasSize(2);
    assertThat(eval.get("not_examined").get(0).asText()).isEqualTo(Net.key("test-1").toString("BTS"));
    assertThat(t.get("unused").get(0).get("key").asText()).isEqualTo(Net.key("test-1").toString("BTS"));
    assertThat(t.get("unused").get(0).get("reason").asText()).contains("reached its threshold");
    String text = Explain.text(t);
    assertThat(text).contains("INVALID: irrelevant_sig").contains("2/2 satisfied").contains("not examined");
  }

  @Test
  void explainShowsDepthCutAndMissingWeight() {
    Net n = new Net();
    n.single("p2");
    n.single("deep");
    n.create("gp", n.auth(1, "deep", 1), n.auth(1, "deep", 1));
    n.create("p1", n.auth(1, "gp", 1), n.auth(1, "gp", 1));
    n.create("child", n.auth(1, "k:child", 1), n.auth(2, "p1", 1, "p2", 1));
    ObjectNode t = Explain.explain(List.of(n.transfer("child")), n.sign("p2", "deep"), n.view(), P, "BTS");
    assertThat(t.get("error").asText()).isEqualTo("missing_active");
    assertThat(t.get("failed_account").get("name").asText()).isEqualTo("child");
    String s = t.toString();
    assertThat(s).contains("\"outcome\":\"depth_limit\"").contains("\"missing_weight\":1");
    assertThat(Explain.text(t)).contains("depth_limit").contains("NOT satisfied (missing 1)");
  }

  @Test
  void explainAgreesWithVerdictOnCompany() {
    Net n = SeedExamplesTest.company();
    ObjectNode t = Explain.explain(List.of(n.transfer("company")), n.sign("treasurer", "controller"), n.view(), P, "BTS");
    assertThat(t.get("valid").asBoolean()).isTrue();
    assertThat(t.get("used")).hasSize(2);
    assertThat(Explain.text(t)).startsWith("VALID").contains("account").contains("(cfo)");
  }

  @Test
  void unusedKeyBehindAnUnexaminedAccount() {
    Net n = SeedExamplesTest.company();
    ObjectNode t = Explain.explain(List.of(n.transfer("company")), n.sign("ceo", "chief"), n.view(), P, "BTS");
    assertThat(t.get("error").asText()).isEqualTo("irrelevant_sig");
    assertThat(t.get("unused").get(0).get("key").asText()).isEqualTo(Net.key("chief").toString("BTS"));
    assertThat(t.get("unused").get(0).get("reason").asText()).contains("(cfo)").contains("never examined");
  }

  @Test
  void specialAccountsAreInformational() {
    Net n = new Net();
    n.put(ObjectId.account(3), "null-account", n.auth(1), n.auth(1));
    var all = Lint.lint(n.view(), List.of(ObjectId.account(3)), P, null, "BTS");
    assertThat(of(all, Lint.Kind.LOCKOUT)).isNotEmpty().allMatch(f -> f.severity() == Lint.Severity.INFO);
  }

  static List<Lint.Finding> of(List<Lint.Finding> all, Lint.Kind kind) {
    return all.stream().filter(f -> f.kind() == kind).toList();
  }

  @Test
  void lintFindsLockoutSingleKeyDepthAndCycles() {
    Net n = new Net();
    n.single("solo");
    n.single("deep");
    // impossible owner
    n.create("locked", n.auth(5, "k:x", 1), n.auth(1, "k:y", 1));
    // single key controls a multi-member authority
    n.create("weak", n.auth(1, "k:w", 1), n.auth(2, "k:big", 2, "k:s1", 1, "k:s2", 1));
    // depth: top -> mid -> low -> deep (deep at depth 3 > 2)
    n.create("low", n.auth(1, "deep", 1), n.auth(1, "deep", 1));
    n.create("mid", n.auth(1, "low", 1), n.auth(1, "low", 1));
    n.create("top", n.auth(1, "mid", 1), n.auth(1, "mid", 1));
    // cycle x <-> y
    ObjectId cx = ObjectId.account(500);
    ObjectId cy = ObjectId.account(501);
    n.put(cx, "cx", n.auth(1, cy, 1), n.auth(1, cy, 1, "k:cxk", 1));
    n.put(cy, "cy", n.auth(1, cx, 1), n.auth(1, cx, 1));
    var view = n.view();
    var all = Lint.lint(view, List.of(n.id("locked"), n.id("weak"), n.id("top"), cx), P, null, "BTS");
    assertThat(of(all, Lint.Kind.LOCKOUT)).anyMatch(f -> f.account().equals(n.id("locked")) && f.role() == AuthorityView.Role.OWNER);
    assertThat(of(all, Lint.Kind.SINGLE_KEY_CONTROL)).anyMatch(f -> f.subjects().contains(Net.key("big").toString("BTS"))
        && f.message().contains("(key of weak active)"));
    assertThat(of(all, Lint.Kind.BEYOND_DEPTH_LIMIT)).anyMatch(f -> f.subjects().contains(n.id("deep").toString()));
    assertThat(of(all, Lint.Kind.LOCKOUT)).anyMatch(f -> f.account().equals(n.id("top")));
    assertThat(of(all, Lint.Kind.CYCLE)).anyMatch(f -> f.message().contains("1.2.500 -> 1.2.501 -> 1.2.500"));
  }

  @Test
  void lintSecondFactorCoverage() {
    Net n = SeedExamplesTest.company();
    var view = n.view();
    // the CEO does not cover the company: CFO sets exist without it
    var missing = Lint.lint(view, List.of(n.id("company")), P, new Lint.SecondFactor(null, n.id("ceo")), "BTS");
    assertThat(of(missing, Lint.Kind.SECOND_FACTOR_MISSING)).hasSize(2);
    // a company whose every path needs the auditor
    n.single("auditor");
    var guarded = n.auth(2, "cfo", 1, "auditor", 1);
    n.create("guarded", guarded, guarded);
    var ok = Lint.lint(n.view(), List.of(n.id("guarded")), P, Lint.SecondFactor.parse("auditor", n.view()), "BTS");
    assertThat(of(ok, Lint.Kind.SECOND_FACTOR_COVERED)).hasSize(2);
    assertThat(of(ok, Lint.Kind.SECOND_FACTOR_MISSING)).isEmpty();
    var byKey = Lint.lint(n.view(), List.of(n.id("guarded")), P,
        new Lint.SecondFactor(Net.key("auditor"), null), "BTS");
    assertThat(of(byKey, Lint.Kind.SECOND_FACTOR_COVERED)).hasSize(2);
  }
}
