package io.graphyne.authority;

import static io.graphyne.authority.RestrictionPredicate.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Pair;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.ops.AccountUpdateOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.Restriction;
import io.graphyne.protocol.types.VoidT;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** BSIP40 custom active authorities (spec/authority.md §4, scenario 33) and restriction predicates. */
class CustomAuthoritiesTest {
  static final Instant NOW = Instant.parse("2021-06-01T00:00:00Z");
  static final HardforkSchedule.Rules TESTNET = HardforkSchedule.testnet().at(NOW);
  static final HardforkSchedule.Rules MAINNET = HardforkSchedule.mainnet().at(NOW);

  static Restriction r(long member, int func, int argTag, Object arg) {
    return new Restriction(member, func, new StaticVariant(argTag, arg), List.of());
  }

  static TransferOperation transfer(ObjectId from, long amount) {
    return new TransferOperation(new Asset(100, ObjectId.asset(0)), from, ObjectId.account(5),
        new Asset(amount, ObjectId.asset(0)), null, List.of());
  }

  /** transfer.amount (member 3): amount (0) < 100 and asset_id (1) == 1.3.0. */
  static List<Restriction> lessThan100Core() {
    return List.of(r(3, ATTR, 39, List.of(r(0, LT, 2, 100L), r(1, EQ, 8, ObjectId.asset(0)))));
  }

  static List<Restriction> equals100() {
    return List.of(r(3, ATTR, 39, List.of(r(0, EQ, 2, 100L))));
  }

  Net net = new Net();
  ObjectId alice = net.single("alice");
  ObjectId bob = net.single("bob");

  CustomAuthority caa(List<Restriction> rs) {
    return new CustomAuthority(new ObjectId(1, 17, 0), alice, true, NOW.minusSeconds(60), NOW.plusSeconds(3600), 0,
        net.auth(1, "bob", 1), rs);
  }

  Verdict check(TransferOperation op, List<CustomAuthority> caas, HardforkSchedule.Rules rules, String... signers) {
    CheckParams p = CheckParams.forTransaction(rules, 2).withCustomAuthorities(new CustomAuthorities(caas, NOW, rules));
    return AuthorityChecker.verify(List.of(RecordOpFields.requirement(op, false)), net.sign(signers), net.view(), p);
  }

  @Test
  void scenario33() {
    assertThat(Net.outcome(check(transfer(alice, 99), List.of(), TESTNET, "bob"))).isEqualTo("missing_active");
    List<CustomAuthority> lt = List.of(caa(lessThan100Core()));
    assertThat(Net.outcome(check(transfer(alice, 99), lt, TESTNET, "bob"))).isEqualTo("OK");
    assertThat(Net.outcome(check(transfer(alice, 100), lt, TESTNET, "bob"))).isEqualTo("missing_active");
    List<CustomAuthority> eq = List.of(caa(equals100()));
    for (int i = 0; i < 2; i++) {
      assertThat(Net.outcome(check(transfer(alice, 99), eq, TESTNET, "bob"))).isEqualTo("missing_active");
      assertThat(Net.outcome(check(transfer(alice, 100), eq, TESTNET, "bob"))).isEqualTo("OK");
    }
    // deleted: back to missing_active
    assertThat(Net.outcome(check(transfer(alice, 100), List.of(), TESTNET, "bob"))).isEqualTo("missing_active");
    // alice's own key still works; both signing leaves alice's key unused (her requirement was met by the CAA)
    assertThat(Net.outcome(check(transfer(alice, 99), lt, TESTNET, "alice"))).isEqualTo("OK");
    assertThat(Net.outcome(check(transfer(alice, 99), lt, TESTNET, "bob", "alice"))).isEqualTo("irrelevant_sig");
  }

  @Test
  void inertOnMainnetBeforeItsHardfork() {
    assertThat(MAINNET.customAuthoritiesActive()).isFalse();
    assertThat(TESTNET.customAuthoritiesActive()).isTrue();
    assertThat(Net.outcome(check(transfer(alice, 99), List.of(caa(lessThan100Core())), MAINNET, "bob")))
        .isEqualTo("missing_active");
  }

  @Test
  void validityWindowAndOperationType() {
    var base = caa(lessThan100Core());
    var expired = new CustomAuthority(base.id(), alice, true, NOW.minusSeconds(7200), NOW, 0, base.auth(), base.restrictions());
    var future = new CustomAuthority(base.id(), alice, true, NOW.plusSeconds(1), NOW.plusSeconds(99), 0, base.auth(), base.restrictions());
    var disabled = new CustomAuthority(base.id(), alice, false, base.validFrom(), base.validTo(), 0, base.auth(), base.restrictions());
    var otherOp = new CustomAuthority(base.id(), alice, true, base.validFrom(), base.validTo(), 1, base.auth(), base.restrictions());
    var otherAccount = new CustomAuthority(base.id(), bob, true, base.validFrom(), base.validTo(), 0, base.auth(), base.restrictions());
    for (CustomAuthority c : List.of(expired, future, disabled, otherOp, otherAccount)) {
      assertThat(Net.outcome(check(transfer(alice, 99), List.of(c), TESTNET, "bob"))).isEqualTo("missing_active");
    }
  }

  @Test
  void walletApisTakeCustomAuthoritiesIntoAccount() {
    var lookup = new CustomAuthorities(List.of(caa(lessThan100Core())), NOW, TESTNET);
    CheckParams p = CheckParams.forTransaction(TESTNET, 2).withCustomAuthorities(lookup);
    var ops = List.of(RecordOpFields.requirement(transfer(alice, 99), false));
    Set<PublicKey> avail = Set.of(Net.key("bob"));
    assertThat(WalletApis.requiredSignatures(ops, List.of(), avail, net.view(), p)).containsExactly(Net.key("bob"));
    // bitshares-core's get_required_signatures ignores them (#2202)
    assertThat(WalletApis.requiredSignatures(ops, List.of(), avail, net.view(), CheckParams.forTransaction(TESTNET, 2)))
        .isEmpty();
    assertThat(WalletApis.minimizeRequiredSignatures(ops, List.of(), Set.of(Net.key("bob"), Net.key("alice")), net.view(), p))
        .hasSize(1);
    var tree = Explain.explain(ops, net.sign("bob"), net.view(), p, "BTS");
    assertThat(tree.get("requirements").get(0).get("kind").asText()).isEqualTo("custom");
    assertThat(tree.get("valid").asBoolean()).isTrue();
  }

  @Test
  void predicates() {
    TransferOperation t = transfer(alice, 50);
    // eq/ne on a null optional (memo, member 4) against void_t
    assertThat(accepts(t, List.of(r(4, EQ, 0, new VoidT())))).isTrue();
    assertThat(accepts(t, List.of(r(4, NE, 0, new VoidT())))).isFalse();
    // memo (optional<memo_data>) against a string is ill-typed: core refuses the predicate, so it rejects
    assertThat(accepts(t, List.of(r(4, EQ, 3, "x")))).isFalse();
    assertThat(accepts(t, List.of(r(4, NE, 3, "x")))).isFalse();
    // a null optional<uint16_t> with an int64 argument: bitshares-core's bool reading of the rejection
    var cou = new io.graphyne.protocol.ops.CallOrderUpdateOperation(new Asset(0, ObjectId.asset(0)), alice,
        new Asset(1, ObjectId.asset(0)), new Asset(1, ObjectId.asset(1)),
        new io.graphyne.protocol.types.CallOrderUpdateOperationOptionsType(null));
    for (int f : new int[] {EQ, NE, LT, LE, GT, GE}) {
      boolean expected = f == NE || f == LE || f == GE;
      assertThat(accepts(cou, List.of(r(4, ATTR, 39, List.of(r(0, f, 2, 5L)))))).as("function " + f).isEqualTo(expected);
    }
    assertThat(accepts(cou, List.of(r(4, ATTR, 39, List.of(r(0, IN, 21, List.of(5L))))))).isFalse();
    assertThat(accepts(cou, List.of(r(4, ATTR, 39, List.of(r(0, NOT_IN, 21, List.of(5L))))))).isTrue();
    var cou2 = new io.graphyne.protocol.ops.CallOrderUpdateOperation(cou.fee(), alice, cou.deltaCollateral(),
        cou.deltaDebt(), new io.graphyne.protocol.types.CallOrderUpdateOperationOptionsType(1750));
    assertThat(accepts(cou2, List.of(r(4, ATTR, 39, List.of(r(0, GT, 2, 1700L), r(0, NE, 0, new VoidT())))))).isTrue();
    assertThat(accepts(cou2, List.of(r(4, ATTR, 39, List.of(r(0, IN, 21, List.of(1750L, 2000L))))))).isTrue();
    // ids: in / not_in / eq
    assertThat(accepts(t, List.of(r(1, IN, 26, List.of(alice, bob))))).isTrue();
    assertThat(accepts(t, List.of(r(1, NOT_IN, 26, List.of(bob))))).isTrue();
    assertThat(accepts(t, List.of(r(2, EQ, 7, ObjectId.account(5))))).isTrue();
    assertThat(accepts(t, List.of(r(2, EQ, 8, ObjectId.asset(5))))).isFalse();
    // integers of different width compare numerically; bool is not an integer
    assertThat(accepts(t, List.of(r(3, ATTR, 39, List.of(r(0, GE, 2, 50L), r(0, LE, 2, 50L)))))).isTrue();
    assertThat(accepts(t, List.of(r(3, ATTR, 39, List.of(r(0, GT, 2, 50L)))))).isFalse();
    assertThat(accepts(t, List.of(r(3, ATTR, 39, List.of(r(0, EQ, 1, true)))))).isFalse();
    // container size against an integer (extensions, member 5, is empty)
    assertThat(accepts(t, List.of(r(5, EQ, 2, 0L)))).isTrue();
    assertThat(accepts(t, List.of(r(5, EQ, 2, 1L)))).isFalse();
    // logical_or: any branch
    var or = r(0, LOGICAL_OR, 40, List.of(List.of(r(1, EQ, 7, bob)), List.of(r(1, EQ, 7, alice))));
    assertThat(accepts(t, List.of(or))).isTrue();
    var orNone = r(0, LOGICAL_OR, 40, List.of(List.of(r(1, EQ, 7, bob)), List.of(r(2, EQ, 7, bob))));
    assertThat(accepts(t, List.of(orNone))).isFalse();
    // an AND list stops at the first failure
    assertThat(accepts(t, List.of(r(1, EQ, 7, alice), r(2, EQ, 7, alice)))).isFalse();
    // member index out of range rejects
    assertThat(accepts(t, List.of(r(17, EQ, 2, 0L)))).isFalse();
  }

  @Test
  void setPredicatesAndVariantAssert() {
    Authority owner = new Authority(1, Map.of(), Map.of(Net.key("k"), 1), Map.of());
    AccountUpdateOperation u = new AccountUpdateOperation(new Asset(0, ObjectId.asset(0)), alice, owner, null, null,
        new io.graphyne.protocol.types.AccountUpdateOperationExt(null, null, null));
    // owner (member 2) is a present optional struct: attr on weight_threshold (0)
    assertThat(RestrictionPredicate.accepts(u, List.of(r(2, ATTR, 39, List.of(r(0, EQ, 2, 1L)))))).isTrue();
    // active (member 3) is null: attr rejects
    assertThat(RestrictionPredicate.accepts(u, List.of(r(3, ATTR, 39, List.of(r(0, EQ, 2, 1L)))))).isFalse();
    // has_all / has_none on a list field: the op's key set is not a field, so use a struct with lists
    var pu = new io.graphyne.protocol.ops.ProposalUpdateOperation(new Asset(0, ObjectId.asset(0)), alice,
        new ObjectId(1, 10, 1), List.of(alice, bob), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    assertThat(RestrictionPredicate.accepts(pu, List.of(r(3, HAS_ALL, 26, List.of(bob))))).isTrue();
    assertThat(RestrictionPredicate.accepts(pu, List.of(r(3, HAS_ALL, 26, List.of(bob, ObjectId.account(9)))))).isFalse();
    assertThat(RestrictionPredicate.accepts(pu, List.of(r(3, HAS_NONE, 26, List.of(ObjectId.account(9)))))).isTrue();
    assertThat(RestrictionPredicate.accepts(pu, List.of(r(3, HAS_NONE, 26, List.of(alice))))).isFalse();
    assertThat(RestrictionPredicate.accepts(pu, List.of(r(3, IN, 26, List.of(alice, bob, ObjectId.account(9)))))).isTrue();
    assertThat(RestrictionPredicate.accepts(pu, List.of(r(3, NOT_IN, 26, List.of(ObjectId.account(9)))))).isTrue();
    // variant_assert on a static_variant value
    var withVariant = new io.graphyne.protocol.types.OpWrapper(transfer(alice, 7));
    assertThat(RestrictionPredicate.accepts(withVariant, List.of(r(0, VARIANT_ASSERT, 41, new Pair(0L, List.of(r(1, EQ, 7, alice)))))))
        .isTrue();
    assertThat(RestrictionPredicate.accepts(withVariant, List.of(r(0, VARIANT_ASSERT, 41, new Pair(1L, List.of())))))
        .isFalse();
  }

  @Test
  void readsCustomAuthorityObjectsFromJson() {
    String json = "[{\"id\":\"1.17.0\",\"account\":\"" + alice + "\",\"enabled\":true,"
        + "\"valid_from\":\"2021-05-31T23:59:00\",\"valid_to\":\"2021-06-01T01:00:00\",\"operation_type\":0,"
        + "\"auth\":{\"weight_threshold\":1,\"account_auths\":[[\"" + bob + "\",1]],\"key_auths\":[],\"address_auths\":[]},"
        + "\"restrictions\":[[0,{\"member_index\":3,\"restriction_type\":10,\"argument\":[39,["
        + "{\"member_index\":0,\"restriction_type\":2,\"argument\":[2,100],\"extensions\":[]},"
        + "{\"member_index\":1,\"restriction_type\":0,\"argument\":[8,\"1.3.0\"],\"extensions\":[]}]],"
        + "\"extensions\":[]}]],\"restriction_counter\":1}]";
    List<CustomAuthority> cas = CustomAuthoritiesJson.parse(Net.json(json), io.graphyne.protocol.codec.JsonContext.BTS);
    assertThat(cas).hasSize(1);
    assertThat(cas.get(0).restrictions()).hasSize(1);
    assertThat(Net.outcome(check(transfer(alice, 99), cas, TESTNET, "bob"))).isEqualTo("OK");
    assertThat(Net.outcome(check(transfer(alice, 100), cas, TESTNET, "bob"))).isEqualTo("missing_active");
  }
}
