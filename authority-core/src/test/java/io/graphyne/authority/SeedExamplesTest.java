package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The examples of shared/seeds: flat 2-of-4 (33/51), 49/25/25/10, and the CEO/CFO company. */
class SeedExamplesTest {
  static final CheckParams P = CheckParams.defaults();

  static Set<Set<PublicKey>> sets(WhoCanSign.Result r) {
    Set<Set<PublicKey>> out = new java.util.HashSet<>();
    for (SortedSet<PublicKey> s : r.sets()) {
      out.add(new TreeSet<>(s));
    }
    return out;
  }

  static Set<PublicKey> keys(String... labels) {
    Set<PublicKey> s = new TreeSet<>();
    for (String l : labels) {
      s.add(Net.key(l));
    }
    return s;
  }

  static Net people(String... names) {
    Net n = new Net();
    for (String s : names) {
      n.single(s);
    }
    return n;
  }

  @Test
  void flatTwoOfFour() {
    Net n = people("alice", "bob", "charlie", "dennis");
    var a = n.auth(51, "alice", 33, "bob", 33, "charlie", 33, "dennis", 33);
    n.create("fund", a, a);
    var r = WhoCanSign.compute(n.view(), n.id("fund"), AuthorityView.Role.ACTIVE, P);
    assertThat(r.truncated()).isFalse();
    assertThat(r.exhaustive()).isTrue();
    String[] p = {"alice", "bob", "charlie", "dennis"};
    Set<Set<PublicKey>> expected = new java.util.HashSet<>();
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        expected.add(keys(p[i], p[j]));
        assertThat(Net.outcome(n.check(n.transfer("fund"), p[i], p[j]))).isEqualTo("OK");
      }
      assertThat(Net.outcome(n.check(n.transfer("fund"), p[i]))).isEqualTo("missing_active");
    }
    assertThat(sets(r)).isEqualTo(expected);
    // over-signing with a third member leaves one signature unused
    assertThat(Net.outcome(n.check(n.transfer("fund"), "alice", "bob", "charlie"))).isEqualTo("irrelevant_sig");
  }

  @Test
  void weighted49_25_25_10() {
    Net n = people("alice", "bob", "charlie", "dennis");
    var a = n.auth(51, "alice", 49, "bob", 25, "charlie", 25, "dennis", 10);
    n.create("fund", a, a);
    var r = WhoCanSign.compute(n.view(), n.id("fund"), AuthorityView.Role.ACTIVE, P);
    assertThat(sets(r)).containsExactlyInAnyOrder(
        keys("alice", "bob"), keys("alice", "charlie"), keys("alice", "dennis"), keys("bob", "charlie", "dennis"));
    assertThat(Net.outcome(n.check(n.transfer("fund"), "bob", "charlie"))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(n.transfer("fund"), "bob", "charlie", "dennis"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.transfer("fund"), "alice", "dennis"))).isEqualTo("OK");
  }

  static Net company() {
    Net n = people("ceo", "chief", "treasurer", "controller", "tax", "accounting");
    var cfo = n.auth(51, "chief", 51, "treasurer", 33, "controller", 33, "tax", 10, "accounting", 10);
    n.create("cfo", cfo, cfo);
    var co = n.auth(51, "ceo", 51, "cfo", 51);
    n.create("company", co, co);
    return n;
  }

  static final List<Set<PublicKey>> CFO_SETS = List.of(
      keys("chief"), keys("treasurer", "controller"), keys("treasurer", "tax", "accounting"),
      keys("controller", "tax", "accounting"));

  @Test
  void companyWhoCanSign() {
    Net n = company();
    var cfo = WhoCanSign.compute(n.view(), n.id("cfo"), AuthorityView.Role.ACTIVE, P);
    assertThat(sets(cfo)).containsExactlyInAnyOrderElementsOf(CFO_SETS);
    assertThat(cfo.truncated()).isFalse();
    var co = WhoCanSign.compute(n.view(), n.id("company"), AuthorityView.Role.ACTIVE, P);
    List<Set<PublicKey>> expected = new ArrayList<>(CFO_SETS);
    expected.add(keys("ceo"));
    assertThat(sets(co)).containsExactlyInAnyOrderElementsOf(expected);
    for (Set<PublicKey> s : expected) {
      assertThat(AuthorityChecker.verify(List.of(n.transfer("company")), new ArrayList<>(s), n.view(), P).valid())
          .as(s.toString()).isTrue();
    }
    // the structural search (used for large key universes) gives the same answer here
    var structural = WhoCanSign.compute(n.view(), n.id("company"), AuthorityView.Role.ACTIVE, P,
        new WhoCanSign.Limits(1000, 0, 100_000));
    assertThat(structural.exhaustive()).isFalse();
    assertThat(sets(structural)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void companyChecks() {
    Net n = company();
    assertThat(Net.outcome(n.check(n.transfer("company"), "treasurer", "tax", "accounting"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.transfer("company"), "tax", "accounting"))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(n.transfer("company"), "ceo", "chief"))).isEqualTo("irrelevant_sig");
  }
}
