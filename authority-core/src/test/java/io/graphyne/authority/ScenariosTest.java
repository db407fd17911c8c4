package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * spec/authority.md §8, scenarios 1-25, 28-31, 34, 37-39 and 43's single-transaction part, with
 * real keys and real compact signatures (recovered back to signer keys). HF-584 passed and depth 2
 * unless a scenario says otherwise.
 */
class ScenariosTest {
  static final CheckParams P = CheckParams.defaults();
  static final CheckParams BEFORE_584 = P.withNonImmediateOwner(false);

  static PublicKey k(String label) {
    return Net.key(label);
  }

  @Test
  void s01_singleKey() {
    Net n = new Net();
    n.single("a");
    assertThat(Net.outcome(n.check(n.transfer("a"), "a"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.transfer("a")))).isEqualTo("missing_active");
  }

  @Test
  void s02_twoOfThree() {
    Net n = new Net();
    var a = n.auth(2, "k:k1", 1, "k:k2", 1, "k:k3", 1);
    n.create("a", a, a);
    assertThat(Net.outcome(n.check(n.transfer("a"), "k1"))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(n.transfer("a"), "k1", "k2"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.transfer("a"), "k2", "k3"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.transfer("a"), "k1", "k3"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.transfer("a"), "k3"))).isEqualTo("missing_active");
  }

  @Test
  void s03_twoOfThreeOverSigned() {
    Net n = new Net();
    var a = n.auth(2, "k:test-1", 1, "k:test-2", 1, "k:test-3", 1);
    n.create("a", a, a);
    Verdict v = n.check(n.transfer("a"), "test-1", "test-2", "test-3");
    assertThat(Net.outcome(v)).isEqualTo("irrelevant_sig");
    assertThat(v.unused()).containsExactly(k("test-1"));
    // address order test-3 < test-2 < test-1 (spec §1.2)
    assertThat(k("test-3").address().toString()).isEqualTo("741266e4e5eed910e26828238d78d0ee3f7e95df");
    assertThat(k("test-3").compareTo(k("test-2"))).isNegative();
    assertThat(k("test-2").compareTo(k("test-1"))).isNegative();
  }

  @Test
  void s04_weightedOrder() {
    Net n = new Net();
    n.create("a", n.auth(1, "k:o", 1), n.auth(2, "k:test-2", 2, "k:test-3", 1));
    assertThat(Net.outcome(n.check(n.transfer("a"), "test-2", "test-3"))).isEqualTo("OK");
    n.setActive("a", n.auth(2, "k:test-3", 2, "k:test-2", 1));
    Verdict v = n.check(n.transfer("a"), "test-2", "test-3");
    assertThat(Net.outcome(v)).isEqualTo("irrelevant_sig");
    assertThat(v.unused()).containsExactly(k("test-2"));
  }

  @Test
  void s05_duplicateSignature() {
    Net n = new Net();
    n.single("bob");
    assertThat(Net.outcome(n.check(n.transfer("bob"), "bob", "bob"))).isEqualTo("duplicate_sig");
  }

  @Test
  void s06_unrelatedExtraKey() {
    Net n = new Net();
    n.single("bob");
    assertThat(Net.outcome(n.check(n.transfer("bob"), "bob", "bogus"))).isEqualTo("irrelevant_sig");
    assertThat(Net.outcome(n.check(n.transfer("bob"), "bob"))).isEqualTo("OK");
  }

  @Test
  void s07_staleSignature() {
    Net n = new Net();
    n.single("a");
    byte[] before = Hashes.sha256("tx with one op".getBytes(StandardCharsets.UTF_8));
    byte[] after = Hashes.sha256("tx with two ops".getBytes(StandardCharsets.UTF_8));
    byte[] sig = TestCrypto.sign(before, Net.seed("a"));
    List<PublicKey> recovered = List.of(TestCrypto.recover(after, sig));
    assertThat(recovered.get(0)).isNotEqualTo(k("a"));
    var ops = List.of(n.transfer("a"), n.transfer("a"));
    assertThat(Net.outcome(AuthorityChecker.verify(ops, recovered, n.view(), P))).isEqualTo("missing_active");
    List<PublicKey> resigned = List.of(TestCrypto.recover(after, TestCrypto.sign(after, Net.seed("a"))));
    assertThat(Net.outcome(AuthorityChecker.verify(ops, resigned, n.view(), P))).isEqualTo("OK");
  }

  Net parents() {
    Net n = new Net();
    n.single("p1");
    n.single("p2");
    return n;
  }

  @Test
  void s08_twoParents() {
    Net n = parents();
    var c = n.auth(2, "p1", 1, "p2", 1);
    n.create("child", c, c);
    assertThat(Net.outcome(n.check(n.transfer("child")))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(n.transfer("child"), "p1"))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(n.transfer("child"), "p2"))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(n.transfer("child"), "p1", "p2"))).isEqualTo("OK");
  }

  Net overrideKey() {
    Net n = parents();
    n.create("child", n.auth(1, "k:child", 1), n.auth(2, "p1", 1, "p2", 1, "k:child", 2));
    return n;
  }

  @Test
  void s09_overrideKey() {
    Net n = overrideKey();
    assertThat(Net.outcome(n.check(n.transfer("child"), "child"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.transfer("child"), "p1"))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(n.transfer("child"), "p2"))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(n.transfer("child"), "p1", "p2"))).isEqualTo("OK");
  }

  @Test
  void s10_threeLevels() {
    Net n = overrideKey();
    n.single("gp");
    n.setActive("p1", n.auth(1, "gp", 1));
    n.setOwner("p1", n.auth(1, "gp", 1));
    assertThat(Net.outcome(n.check(n.transfer("child"), "p2", "gp"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.transfer("child"), "p1", "p2"))).isEqualTo("missing_active");
  }

  @Test
  void s11_depthLimit() {
    Net n = overrideKey();
    n.put(ObjectId.account(0), "committee-account", n.auth(1), n.auth(1, "k:cm", 1));
    n.create("gp", n.auth(1, "committee-account", 1), n.auth(1, "committee-account", 1));
    n.setActive("p1", n.auth(1, "gp", 1));
    n.setOwner("p1", n.auth(1, "gp", 1));
    // 1.2.0 would sit at depth 3
    assertThat(Net.outcome(n.check(n.transfer("child"), "p2", "cm"))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(n.transfer("child"), "child"))).isEqualTo("OK");
  }

  @Test
  void s12_cycle() {
    Net n = parents();
    var c = n.auth(2, "p1", 1, "p2", 1);
    ObjectId child = n.create("child", c, c);
    n.setActive("p1", n.auth(1, child, 1));
    n.setOwner("p1", n.auth(1, child, 1));
    assertThat(Net.outcome(n.check(n.transfer("child"), "p2"))).isEqualTo("missing_active");
  }

  @Test
  void s13_selfCycle() {
    Net n = new Net();
    ObjectId a = ObjectId.account(100);
    n.put(a, "a", n.auth(1, "k:o", 1), n.auth(1, a, 1, "k:a", 1));
    assertThat(Net.outcome(n.check(n.transfer("a"), "a"))).isEqualTo("OK");
    n.setActive("a", n.auth(1, a, 1));
    assertThat(Net.outcome(n.check(n.transfer("a"), "o"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(List.of(n.transfer("a")), BEFORE_584, "o"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.transfer("a"), "x"))).isEqualTo("missing_active");
  }

  @Test
  void s14_ownerStandsInForActive() {
    Net n = new Net();
    n.split("a");
    assertThat(Net.outcome(n.check(n.transfer("a"), "a-o"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.transfer("a"), "a-a"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.transfer("a"), "a-a", "a-o"))).isEqualTo("irrelevant_sig");
    // top-level owner fallback holds before HF-584 too
    assertThat(Net.outcome(n.check(List.of(n.transfer("a")), BEFORE_584, "a-o"))).isEqualTo("OK");
  }

  @Test
  void s15_ownerRequiredOperation() {
    Net n = new Net();
    n.split("a");
    assertThat(Net.outcome(n.check(n.ownerUpdate("a")))).isEqualTo("missing_owner");
    assertThat(Net.outcome(n.check(n.ownerUpdate("a"), "a-a"))).isEqualTo("missing_owner");
    assertThat(Net.outcome(n.check(n.ownerUpdate("a"), "a-o"))).isEqualTo("OK");
    assertThat(Net.outcome(n.check(n.ownerUpdate("a"), "a-o", "a-a"))).isEqualTo("OK");
  }

  @Test
  void s16_ownerDelegation() {
    Net n = new Net();
    n.split("bob");
    ObjectId alice = ObjectId.account(200);
    n.put(alice, "alice", n.auth(1, alice, 1), n.auth(1, "bob", 1));
    assertThat(Net.outcome(n.check(n.ownerUpdate("alice"), "bob-a"))).isEqualTo("OK");
  }

  /** The parent_owner_test graph (scenario 17-19). */
  static Net hf584Graph() {
    Net n = new Net();
    for (String s : List.of("cindy", "daisy", "frank", "gavin")) {
      n.split(s);
    }
    n.create("alice", n.auth(1, "k:alice-o", 1, "cindy", 1), n.auth(1, "k:alice-a", 1, "daisy", 1));
    n.create("edwin", n.auth(1, "k:edwin-o", 1, "frank", 1), n.auth(1, "k:edwin-a", 1, "gavin", 1));
    n.create("bob", n.auth(1, "k:bob-o", 1, "edwin", 1), n.auth(1, "k:bob-a", 1, "alice", 1));
    return n;
  }

  @Test
  void s17_hf584Matrix() {
    Net n = hf584Graph();
    for (String key : List.of("bob-a", "bob-o", "alice-a", "daisy-a", "edwin-a", "gavin-a")) {
      assertThat(Net.outcome(n.check(List.of(n.transfer("bob")), BEFORE_584, key))).as(key).isEqualTo("OK");
      assertThat(Net.outcome(n.check(List.of(n.transfer("bob")), P, key))).as(key).isEqualTo("OK");
    }
    for (String key : List.of("alice-o", "daisy-o", "cindy-a", "cindy-o", "edwin-o", "gavin-o", "frank-a", "frank-o")) {
      assertThat(Net.outcome(n.check(List.of(n.transfer("bob")), BEFORE_584, key))).as(key).isEqualTo("missing_active");
      assertThat(Net.outcome(n.check(List.of(n.transfer("bob")), P, key))).as(key).isEqualTo("OK");
    }
  }

  static Set<PublicKey> keys(String... labels) {
    java.util.TreeSet<PublicKey> s = new java.util.TreeSet<>();
    for (String l : labels) {
      s.add(k(l));
    }
    return s;
  }

  static Set<PublicKey> required(Net n, List<OpRequirement> ops, CheckParams p, List<PublicKey> signed, String... available) {
    return WalletApis.requiredSignatures(ops, signed, keys(available), n.view(), p);
  }

  @Test
  void s18_hf584RequiredSignatures() {
    Net n = hf584Graph();
    var t = List.of(n.transfer("bob"));
    assertThat(required(n, t, BEFORE_584, List.of(), "alice-o")).isEmpty();
    assertThat(required(n, t, BEFORE_584, List.of(), "alice-a", "alice-o")).isEqualTo(keys("alice-a"));
    assertThat(required(n, t, BEFORE_584, List.of(), "bob-a", "bob-o")).isEqualTo(keys("bob-a"));
    assertThat(required(n, t, BEFORE_584, List.of(), "cindy-a", "cindy-o")).isEmpty();
    assertThat(required(n, t, P, List.of(), "alice-o")).isEqualTo(keys("alice-o"));
    assertThat(required(n, t, P, List.of(), "cindy-a", "cindy-o")).isEqualTo(keys("cindy-a"));
    assertThat(required(n, t, P, List.of(), "frank-o")).isEqualTo(keys("frank-o"));
  }

  @Test
  void s19_hf584ProposalApprovals() {
    Net n = hf584Graph();
    var t = List.of(n.transfer("bob"));
    for (String approver : List.of("alice", "bob", "daisy", "edwin", "gavin")) {
      for (boolean owner : List.of(false, true)) {
        Set<ObjectId> ap = Set.of(n.id(approver));
        CheckParams before = CheckParams.forProposal(
            HardforkSchedule.mainnet().at(java.time.Instant.parse("2019-01-01T00:00:00Z")), 2,
            owner ? Set.of() : ap, owner ? ap : Set.of());
        assertThat(AuthorityChecker.verify(t, List.of(), n.view(), before).valid()).as(approver).isTrue();
      }
    }
    for (String approver : List.of("cindy", "frank")) {
      Set<ObjectId> ap = Set.of(n.id(approver));
      var rBefore = HardforkSchedule.mainnet().at(java.time.Instant.parse("2019-01-01T00:00:00Z"));
      var rAfter = HardforkSchedule.mainnet().at(java.time.Instant.parse("2019-04-23T14:02:00Z"));
      assertThat(AuthorityChecker.verify(t, List.of(), n.view(), CheckParams.forProposal(rBefore, 2, ap, Set.of())).valid())
          .as(approver + " before").isFalse();
      assertThat(AuthorityChecker.verify(t, List.of(), n.view(), CheckParams.forProposal(rAfter, 2, ap, Set.of())).valid())
          .as(approver + " after").isTrue();
    }
  }

  @Test
  void s20_corporateGraph() {
    Net n = new Net();
    for (String s : List.of("alice", "bob", "cindy", "dan", "edy")) {
      n.single(s);
    }
    String[][] corp = {
      {"mega", "40", "well", "30", "yaya", "30"},
      {"nova", "20", "alice", "10", "well", "10"},
      {"odle", "20", "dan", "10", "yaya", "10", "zyzz", "10"},
      {"poxx", "40", "well", "10", "xylo", "10", "yaya", "20", "zyzz", "20"},
      {"well", "60", "alice", "50", "bob", "50"},
      {"xylo", "40", "alice", "30", "cindy", "50"},
      {"yaya", "20", "bob", "10", "dan", "10", "edy", "10"},
      {"zyzz", "40", "dan", "50"},
    };
    // created in name order: ids ascending mega < nova < ... < zyzz
    for (String[] c : corp) {
      n.create(c[0], n.auth(1), n.auth(1));
    }
    for (String[] c : corp) {
      Object[] members = new Object[c.length - 2];
      for (int i = 2; i < c.length; i += 2) {
        members[i - 2] = c[i];
        members[i - 1] = Integer.parseInt(c[i + 1]);
      }
      var a = n.auth(Long.parseLong(c[1]), members);
      n.setActive(c[0], a);
      n.setOwner(c[0], a);
    }
    String[] all = {"alice", "bob", "cindy", "dan", "edy"};
    String[][] expect = {
      {"alice", "alice"}, {"bob", "bob"}, {"well", "alice", "bob"}, {"xylo", "alice", "cindy"},
      {"yaya", "bob", "dan"}, {"zyzz", "dan"}, {"mega", "alice", "bob", "dan"}, {"nova", "alice", "bob"},
      {"odle", "bob", "dan"}, {"poxx", "alice", "bob", "cindy", "dan"},
    };
    for (CheckParams p : List.of(P, BEFORE_584)) {
      for (String[] e : expect) {
        assertThat(required(n, List.of(n.transfer(e[0])), p, List.of(), all))
            .as(e[0]).isEqualTo(keys(java.util.Arrays.copyOfRange(e, 1, e.length)));
      }
    }
  }

  @Test
  void s21_nonMinimal() {
    Net n = new Net();
    n.single("alice");
    n.single("bob");
    n.create("roco", n.auth(1), n.auth(1));
    n.create("styx", n.auth(2, "alice", 1, "bob", 1), n.auth(2, "alice", 1, "bob", 1));
    n.create("thud", n.auth(1, "alice", 1), n.auth(1, "alice", 1));
    n.setActive("roco", n.auth(2, "styx", 1, "thud", 2));
    n.setOwner("roco", n.auth(2, "styx", 1, "thud", 2));
    var t = List.of(n.transfer("roco"));
    assertThat(required(n, t, P, List.of(), "alice", "bob")).isEqualTo(keys("alice", "bob"));
    assertThat(WalletApis.minimizeRequiredSignatures(t, List.of(), keys("alice", "bob"), n.view(), P))
        .isEqualTo(keys("alice"));
    assertThat(Net.outcome(n.check(t.get(0)))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(t.get(0), "alice"))).isEqualTo("OK");
  }

  @Test
  void s22_requiredOwnerOrActive() {
    Net n = new Net();
    n.split("a");
    var t = List.of(n.transfer("a"));
    assertThat(required(n, t, P, List.of(), "a-a")).isEqualTo(keys("a-a"));
    assertThat(required(n, t, P, List.of(), "a-o")).isEqualTo(keys("a-o"));
    assertThat(required(n, t, P, List.of(), "a-a", "a-o")).isEqualTo(keys("a-a"));
    var u = List.of(n.ownerUpdate("a"));
    assertThat(required(n, u, P, List.of(), "a-a")).isEmpty();
    assertThat(required(n, u, P, List.of(), "a-o")).isEqualTo(keys("a-o"));
    assertThat(required(n, u, P, List.of(), "a-a", "a-o")).isEqualTo(keys("a-o"));
  }

  @Test
  void s23_partlySigned() {
    Net n = new Net();
    n.single("morgan");
    var t = List.of(n.transfer("morgan"));
    for (List<PublicKey> signed : List.of(List.<PublicKey>of(), n.sign("nathan"))) {
      assertThat(required(n, t, P, signed)).isEmpty();
      assertThat(required(n, t, P, signed, "morgan")).isEqualTo(keys("morgan"));
      assertThat(required(n, t, P, signed, "nathan")).isEmpty();
      assertThat(required(n, t, P, signed, "morgan", "nathan")).isEqualTo(keys("morgan"));
    }
    List<PublicKey> byM = n.sign("morgan");
    assertThat(required(n, t, P, byM)).isEmpty();
    assertThat(required(n, t, P, byM, "morgan")).isEmpty();
    assertThat(required(n, t, P, byM, "nathan")).isEmpty();
    assertThat(required(n, t, P, byM, "morgan", "nathan")).isEmpty();
  }

  @Test
  void s24_potentialSignatures() {
    Net n = new Net();
    n.split("ashley");
    n.split("oliver");
    n.create("nathan", n.auth(1, "k:nathan-o", 1, "oliver", 1), n.auth(1, "k:nathan-a", 1, "ashley", 1));
    var t = List.of(n.transfer("nathan"));
    assertThat(WalletApis.potentialSignatures(t, List.of(), n.view(), BEFORE_584))
        .isEqualTo(keys("nathan-a", "nathan-o", "ashley-a", "oliver-a"));
    assertThat(WalletApis.potentialSignatures(t, List.of(), n.view(), P))
        .isEqualTo(keys("nathan-a", "nathan-o", "ashley-a", "oliver-a", "ashley-o", "oliver-o"));
    var u = List.of(n.ownerUpdate("nathan"));
    assertThat(WalletApis.potentialSignatures(u, List.of(), n.view(), BEFORE_584))
        .isEqualTo(keys("nathan-o", "oliver-a"));
    assertThat(WalletApis.potentialSignatures(u, List.of(), n.view(), P))
        .isEqualTo(keys("nathan-o", "oliver-a", "oliver-o"));
    var claim = List.of(n.op(37, "{\"deposit_to_account\":\"" + n.id("ashley")
        + "\",\"balance_owner_key\":\"" + k("bk").toString("BTS") + "\"}"));
    assertThat(WalletApis.potentialSignatures(claim, List.of(), n.view(), P)).contains(k("bk"));
  }

  @Test
  void s25_committeeInNormalTransaction() {
    Net n = new Net();
    n.put(ObjectId.account(0), "committee-account", n.auth(1), n.auth(1, "k:cm", 1));
    Verdict v = n.check(n.transfer("committee-account"), "cm");
    assertThat(Net.outcome(v)).isEqualTo("invalid_committee_approval");
    // proposal execution allows the committee
    CheckParams prop = CheckParams.forProposal(HardforkSchedule.allActive().at(java.time.Instant.now()), 2, Set.of(), Set.of());
    assertThat(AuthorityChecker.verify(List.of(n.transfer("committee-account")), n.sign("cm"), n.view(), prop).valid()).isTrue();
  }

  String update(Net n, String payer, String field, String... accounts) {
    StringBuilder sb = new StringBuilder("{\"fee_paying_account\":\"" + n.id(payer) + "\",\"proposal\":\"1.10.1\",\"" + field + "\":[");
    for (int i = 0; i < accounts.length; i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(accounts[i].startsWith("BTS") || accounts[i].matches("\\d.*") ? accounts[i] : n.id(accounts[i]).toString()).append('"');
    }
    return sb.append("]}").toString();
  }

  @Test
  void s28_singleAccountProposal() {
    Net n = new Net();
    n.single("moneyman");
    n.put(ObjectId.account(0), "committee-account", n.auth(1), n.auth(1, "k:cm", 1));
    var a = n.auth(2, "k:key1", 1, "k:key2", 1, "k:key3", 1);
    n.create("nathan", a, a);
    // creation needs only the proposer
    var create = n.op(22, "{\"fee_paying_account\":\"" + n.id("moneyman") + "\"}");
    assertThat(Net.outcome(n.check(create, "moneyman"))).isEqualTo("OK");
    var addNathan = n.op(23, update(n, "nathan", "active_approvals_to_add", "nathan"));
    assertThat(Net.outcome(n.check(addNathan, "cm"))).isEqualTo("missing_active");
    var addCommittee = n.op(23, update(n, "nathan", "active_approvals_to_add", "1.2.0"));
    assertThat(Net.outcome(n.check(addCommittee, "cm"))).isEqualTo("invalid_committee_approval");
    assertThat(Net.outcome(n.check(addNathan, "key2", "key3"))).isEqualTo("OK");
    // the proposal now executes
    var rules = HardforkSchedule.allActive().at(java.time.Instant.now());
    assertThat(AuthorityChecker.verify(List.of(n.transfer("nathan")), List.of(), n.view(),
        CheckParams.forProposal(rules, 2, Set.of(n.id("nathan")), Set.of())).valid()).isTrue();
  }

  @Test
  void s29_twoAccountProposal() {
    Net n = new Net();
    n.single("dan");
    n.single("nathan");
    var ops = List.of(n.transfer("dan"), n.transfer("nathan"));
    var rules = HardforkSchedule.allActive().at(java.time.Instant.now());
    assertThat(AuthorityChecker.verify(ops, List.of(), n.view(),
        CheckParams.forProposal(rules, 2, Set.of(n.id("nathan")), Set.of())).valid()).isFalse();
    var addDan = n.op(23, update(n, "nathan", "active_approvals_to_add", "dan"));
    assertThat(Net.outcome(n.check(addDan, "nathan"))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(addDan, "nathan", "dan"))).isEqualTo("OK");
    assertThat(AuthorityChecker.verify(ops, List.of(), n.view(),
        CheckParams.forProposal(rules, 2, Set.of(n.id("nathan"), n.id("dan")), Set.of())).valid()).isTrue();
  }

  @Test
  void s30_removeApprovalAndDelete() {
    Net n = new Net();
    n.single("dan");
    var remove = n.op(23, update(n, "dan", "active_approvals_to_remove", "dan"));
    assertThat(Net.outcome(n.check(remove, "dan"))).isEqualTo("OK");
    var delete = n.op(24, "{\"fee_paying_account\":\"" + n.id("dan") + "\",\"using_owner_authority\":true,\"proposal\":\"1.10.1\"}");
    assertThat(delete.owner()).isEmpty();
    assertThat(Net.outcome(n.check(delete, "dan"))).isEqualTo("OK");
  }

  @Test
  void s31_keyApprovals() {
    Net n = new Net();
    n.single("dan");
    n.split("nathan");
    var proposed = List.of(n.transfer("dan"), n.ownerUpdate("nathan"), n.transfer("nathan"));
    OpRequirement wallet = RequiredAuthorities.forWallet(proposed);
    assertThat(wallet.active()).containsExactly(n.id("dan"));
    assertThat(wallet.owner()).containsExactly(n.id("nathan"));
    var addKey = n.op(23, update(n, "dan", "key_approvals_to_add", k("dan").toString("BTS")));
    assertThat(addKey.other()).hasSize(1);
    assertThat(Net.outcome(n.check(addKey, "dan"))).isEqualTo("OK");
    var rules = HardforkSchedule.allActive().at(java.time.Instant.now());
    assertThat(AuthorityChecker.verify(proposed, List.of(k("dan")), n.view(),
        CheckParams.forProposal(rules, 2, Set.of(), Set.of())).valid()).isFalse();
    var addOwner = n.op(23, update(n, "nathan", "owner_approvals_to_add", "nathan"));
    assertThat(Net.outcome(n.check(addOwner, "nathan-a"))).isEqualTo("missing_owner");
    assertThat(Net.outcome(n.check(addOwner, "nathan-o"))).isEqualTo("OK");
    assertThat(AuthorityChecker.verify(proposed, List.of(k("dan")), n.view(),
        CheckParams.forProposal(rules, 2, Set.of(), Set.of(n.id("nathan")))).valid()).isTrue();
  }

  @Test
  void s34_customOperationHf210() {
    Net n = new Net();
    n.single("alice");
    n.single("bob");
    String body = "{\"payer\":\"" + n.id("alice") + "\",\"required_auths\":[\"" + n.id("bob") + "\"],\"id\":7,\"data\":\"\"}";
    var hf = HardforkSchedule.mainnet();
    for (String t : List.of("2020-07-30T13:55:00Z", "2020-07-30T13:55:01Z")) {
      var r = hf.at(java.time.Instant.parse(t));
      var op = RequiredAuthorities.requirement(35, new JsonOpFields(Net.json(body)), null, r.ignoreCustomOperationRequiredAuths());
      CheckParams p = CheckParams.forTransaction(r, 2);
      boolean after = t.endsWith("01Z");
      assertThat(Net.outcome(n.check(List.of(op), p, "alice"))).isEqualTo(after ? "missing_active" : "OK");
      assertThat(Net.outcome(n.check(List.of(op), p, "alice", "bob"))).isEqualTo(after ? "OK" : "irrelevant_sig");
      // a proposal of it lists bob only after the HF
      assertThat(RequiredAuthorities.forWallet(List.of(op)).active()).hasSize(after ? 2 : 1);
    }
  }

  @Test
  void s37_tempAccountPays() {
    Net n = new Net();
    n.put(ObjectId.account(4), "temp-account", n.auth(0), n.auth(0));
    var create = n.op(22, "{\"fee_paying_account\":\"1.2.4\"}");
    assertThat(Net.outcome(n.check(create))).isEqualTo("OK");
    n.create("a", n.auth(1, "k:a", 1), n.auth(1, ObjectId.account(4), 1));
    assertThat(Net.outcome(n.check(n.transfer("a")))).isEqualTo("OK");
    var keyApproval = n.op(23, "{\"fee_paying_account\":\"1.2.4\",\"proposal\":\"1.10.1\",\"key_approvals_to_add\":[\"" + k("kk").toString("BTS") + "\"]}");
    assertThat(Net.outcome(n.check(keyApproval))).isEqualTo("missing_other");
    assertThat(Net.outcome(n.check(keyApproval, "kk"))).isEqualTo("OK");
  }

  @Test
  void s38_thresholdZero() {
    Net n = new Net();
    n.create("a", n.auth(1, "k:o", 1), n.auth(0, "k:a", 1));
    assertThat(Net.outcome(n.check(n.transfer("a")))).isEqualTo("OK");
    Verdict v = n.check(n.transfer("a"), "a");
    assertThat(Net.outcome(v)).isEqualTo("OK");
    assertThat(v.used()).containsExactly(k("a"));
  }

  @Test
  void s39_oneKeyManyAccounts() {
    Net n = new Net();
    String[] names = new String[8];
    for (int i = 0; i < 8; i++) {
      names[i] = "cm" + i;
      n.create(names[i], n.auth(1, "k:shared", 1), n.auth(1, "k:shared", 1));
    }
    var op = n.op(23, update(n, "cm0", "active_approvals_to_add", names));
    assertThat(op.active()).hasSize(8);
    assertThat(Net.outcome(n.check(op, "shared"))).isEqualTo("OK");
  }

  @Test
  void s43_authorityChangeInsideOneTransaction() {
    Net n = new Net();
    n.create("a", n.auth(1, "k:old", 1), n.auth(1, "k:old", 1));
    var update = n.op(6, "{\"account\":\"" + n.id("a") + "\",\"active\":{\"weight_threshold\":1,\"key_auths\":[[\""
        + k("new").toString("BTS") + "\",1]]}}");
    var ops = List.of(update, n.transfer("a"));
    // checked against the state before the transaction
    assertThat(Net.outcome(n.check(ops, P, "new"))).isEqualTo("missing_active");
    assertThat(Net.outcome(n.check(ops, P, "old"))).isEqualTo("OK");
    // the next transaction in the block sees the new authority
    n.setActive("a", n.auth(1, "k:new", 1));
    assertThat(Net.outcome(n.check(n.transfer("a"), "new"))).isEqualTo("OK");
  }

  @Test
  void manySigners() {
    Net n = new Net();
    Object[] members = new Object[24];
    String[] labels = new String[12];
    for (int i = 0; i < 12; i++) {
      labels[i] = "many-" + i;
      members[2 * i] = "k:" + labels[i];
      members[2 * i + 1] = 1;
    }
    var a = n.auth(12, members);
    n.create("big", a, a);
    assertThat(Net.outcome(n.check(n.transfer("big"), labels))).isEqualTo("OK");
    String[] plus = java.util.Arrays.copyOf(labels, 13);
    plus[12] = "stranger";
    Verdict v = n.check(n.transfer("big"), plus);
    assertThat(Net.outcome(v)).isEqualTo("irrelevant_sig");
    assertThat(v.unused()).containsExactly(k("stranger"));
    String[] dup = java.util.Arrays.copyOf(labels, 13);
    dup[12] = labels[3];
    assertThat(Net.outcome(n.check(n.transfer("big"), dup))).isEqualTo("duplicate_sig");
    String[] missing = java.util.Arrays.copyOf(labels, 11);
    assertThat(Net.outcome(n.check(n.transfer("big"), missing))).isEqualTo("missing_active");
  }

  @Test
  void s26_committeeProposalReviewPeriodAndOtherAuthorities() {
    Net n = new Net();
    n.put(ObjectId.account(0), "committee-account", n.auth(1), n.auth(1, "k:cm", 1));
    n.single("dan");
    long required = 3600;
    var ops = List.of(n.transfer("committee-account"));
    assertThat(Proposals.checkCreate(ops, null, required)).containsExactly(Proposals.CreateProblem.REVIEW_PERIOD_REQUIRED);
    assertThat(Proposals.checkCreate(ops, required / 2, required)).containsExactly(Proposals.CreateProblem.REVIEW_PERIOD_INSUFFICIENT);
    assertThat(Proposals.checkCreate(ops, required, required)).isEmpty();
    // a proposal_update paid by temp with the committee key approval: authorized by that key alone
    var update = n.op(23, "{\"fee_paying_account\":\"1.2.4\",\"proposal\":\"1.10.1\",\"key_approvals_to_add\":[\""
        + k("cm").toString("BTS") + "\"]}");
    assertThat(Net.outcome(n.check(update, "cm"))).isEqualTo("OK");
    // at expiration, the committee's transfer executes with that key approval
    var rules = HardforkSchedule.allActive().at(java.time.Instant.now());
    assertThat(Proposals.authorizeExecution(ops, Set.of(), Set.of(), List.of(k("cm")), n.view(), rules, 2,
        CustomAuthorityLookup.NONE).valid()).isTrue();
    // proposals cannot hold operations that need "other" authorities
    var claim = List.of(n.op(37, "{\"deposit_to_account\":\"" + n.id("dan") + "\",\"balance_owner_key\":\""
        + k("bk").toString("BTS") + "\"}"));
    assertThat(Proposals.checkCreate(claim, null, required)).containsExactly(Proposals.CreateProblem.OTHER_AUTHORITY_REQUIRED);
  }

  @Test
  void s35_s36_nestedProposals() {
    Net n = new Net();
    n.single("alice");
    var hf = HardforkSchedule.mainnet();
    var nestedUpdate = n.op(23, update(n, "alice", "active_approvals_to_add", "alice").replace("1.10.1", "1.10.5"));
    ObjectId newId = new ObjectId(1, 10, 7);
    // 35: before HF-214 a proposal_update inside a proposal is refused; after it, allowed
    var before214 = Proposals.checkNested(List.of(nestedUpdate), hf.at(java.time.Instant.parse("2018-07-19T14:01:59Z")), newId);
    assertThat(before214.problems()).containsExactly(Proposals.CreateProblem.NESTED_UPDATE_BEFORE_HF214);
    var after214 = Proposals.checkNested(List.of(nestedUpdate), hf.at(java.time.Instant.parse("2018-07-19T14:02:00Z")), newId);
    assertThat(after214.problems()).isEmpty();
    assertThat(after214.poisoned()).isFalse();
    assertThat(Proposals.checkNested(List.of(nestedUpdate, nestedUpdate), hf.at(java.time.Instant.parse("2020-01-01T00:00:00Z")), newId)
        .problems()).containsExactly(Proposals.CreateProblem.MORE_THAN_ONE_UPDATE);
    // 36: targeting its own id: exactly at HF-1479 accepted but poisoned; strictly after refused
    var self = n.op(24, "{\"fee_paying_account\":\"" + n.id("alice") + "\",\"using_owner_authority\":false,\"proposal\":\"1.10.7\"}");
    var atHf = Proposals.checkNested(List.of(self), hf.at(java.time.Instant.parse("2018-12-22T00:00:00Z")), newId);
    assertThat(atHf.problems()).isEmpty();
    assertThat(atHf.poisoned()).isTrue();
    var afterHf = Proposals.checkNested(List.of(self), hf.at(java.time.Instant.parse("2018-12-22T00:00:01Z")), newId);
    assertThat(afterHf.problems()).containsExactly(Proposals.CreateProblem.TARGETS_SELF_OR_NEWER);
    // the 1479 rule looks into nested proposal_create operations too
    var outer = n.op(22, "{\"fee_paying_account\":\"" + n.id("alice") + "\",\"proposed_ops\":[{\"op\":[24,"
        + "{\"fee_paying_account\":\"" + n.id("alice") + "\",\"using_owner_authority\":false,\"proposal\":\"1.10.9\"}]}]}");
    assertThat(Proposals.checkNested(List.of(outer), hf.at(java.time.Instant.parse("2019-01-01T00:00:00Z")), newId).problems())
        .containsExactly(Proposals.CreateProblem.TARGETS_SELF_OR_NEWER);
    // an older target is fine after the HF
    assertThat(Proposals.checkNested(List.of(nestedUpdate), hf.at(java.time.Instant.parse("2019-01-01T00:00:00Z")), newId).problems())
        .isEmpty();
  }
}
