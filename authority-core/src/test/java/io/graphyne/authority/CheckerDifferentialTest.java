package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.Address;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.codec.RandomValues;
import io.graphyne.protocol.ops.CustomOperation;
import io.graphyne.protocol.ops.LimitOrderCancelOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The checker's fast paths (one operation's own id sets, a reused per-thread sign state, first/last
 * member reads of one- and two-member authorities, the verdict of a valid check sharing the signer
 * list) against {@link ReferenceChecker}, the plain general computation, on random authority
 * graphs: nesting, cycles, depth limits, address members, weights 0, unknown accounts, committee and
 * temp accounts, approvals, custom authorities, several operations, duplicate and surplus keys.
 * Every field of the verdict must be equal, in order.
 */
class CheckerDifferentialTest {
  static final List<PublicKey> POOL = new ArrayList<>();

  static {
    for (int i = 0; i < 12; i++) {
      POOL.add(Net.key("diff-" + i));
    }
  }

  record Case(MapAuthorityView view, List<OpRequirement> ops, List<PublicKey> signers, CheckParams params) {}

  static Case randomCase(long seed) {
    Random r = new Random(seed);
    List<ObjectId> ids = new ArrayList<>();
    int n = 1 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      ids.add(ObjectId.account(100 + i));
    }
    // referenced sometimes: the committee, the temp account, an account the view does not know
    List<ObjectId> members = new ArrayList<>(ids);
    members.add(ObjectId.account(0));
    members.add(ObjectId.account(4));
    members.add(ObjectId.account(999));
    List<AccountAuthorities> accts = new ArrayList<>();
    for (ObjectId id : ids) {
      accts.add(new AccountAuthorities(id, "a" + id.instance(), randomAuth(r, members), randomAuth(r, members), null));
    }
    if (r.nextInt(3) == 0) {
      accts.add(new AccountAuthorities(ObjectId.account(0), "committee", randomAuth(r, members), randomAuth(r, members), null));
    }
    if (r.nextInt(4) == 0) {
      accts.add(new AccountAuthorities(ObjectId.account(4), "temp", randomAuth(r, members), randomAuth(r, members), null));
    }
    MapAuthorityView view = new MapAuthorityView(accts);

    List<OpRequirement> ops = new ArrayList<>();
    int nOps = r.nextInt(10) < 7 ? 1 : 2 + r.nextInt(2);
    for (int i = 0; i < nOps; i++) {
      ops.add(randomRequirement(r, members));
    }

    CheckParams p = CheckParams.defaults()
        .withMaxDepth(r.nextInt(4))
        .withNonImmediateOwner(r.nextBoolean());
    int kind = r.nextInt(8);
    if (kind == 0) {
      p = CheckParams.forProposal(HardforkSchedule.allActive().at(java.time.Instant.EPOCH), r.nextInt(4),
          randomIds(r, members, 2), randomIds(r, members, 2));
    } else if (kind == 1) {
      Map<ObjectId, List<Authority>> custom = new HashMap<>();
      for (ObjectId m : members) {
        int c = r.nextInt(3);
        List<Authority> l = new ArrayList<>();
        for (int j = 0; j < c; j++) {
          l.add(randomAuth(r, members));
        }
        custom.put(m, l);
      }
      p = p.withCustomAuthorities((account, req) -> custom.getOrDefault(account, List.of()));
    }
    return new Case(view, List.copyOf(ops), randomSigners(r), p);
  }

  static Set<ObjectId> randomIds(Random r, List<ObjectId> from, int max) {
    Set<ObjectId> out = new TreeSet<>();
    int c = r.nextInt(max + 1);
    for (int i = 0; i < c; i++) {
      out.add(from.get(r.nextInt(from.size())));
    }
    return out;
  }

  static OpRequirement randomRequirement(Random r, List<ObjectId> members) {
    int kind = r.nextInt(10);
    // a known account mostly; the committee, temp or an unknown account one time in ten
    ObjectId payer = members.get(r.nextInt(10) == 0 ? r.nextInt(members.size()) : r.nextInt(members.size() - 3));
    if (kind < 5) {
      return OpRequirement.feePayerOnly(0, null, payer);
    }
    TreeSet<ObjectId> active = new TreeSet<>(randomIds(r, members, r.nextInt(3) == 0 ? 2 : 0));
    active.add(payer);
    TreeSet<ObjectId> owner = new TreeSet<>(randomIds(r, members, r.nextInt(4) == 0 ? 2 : 0));
    List<Authority> other = new ArrayList<>();
    if (r.nextInt(4) == 0) {
      other.add(randomAuth(r, members));
    }
    if (kind == 9) {
      // sets in a foreign order: the single-operation path keeps it
      TreeSet<ObjectId> rev = new TreeSet<>(Comparator.reverseOrder());
      rev.addAll(active);
      TreeSet<ObjectId> revOwner = new TreeSet<>(Comparator.reverseOrder());
      revOwner.addAll(owner);
      return new OpRequirement(-1, null, rev, revOwner, other);
    }
    return new OpRequirement(r.nextInt(78), null, active, owner, other);
  }

  static Authority randomAuth(Random r, List<ObjectId> members) {
    Map<PublicKey, Integer> keys = new HashMap<>();
    Map<ObjectId, Integer> accounts = new HashMap<>();
    Map<Address, Integer> addresses = new HashMap<>();
    // key and account member counts from 0 to 5, biased to the one- and two-member shapes
    int nk = r.nextInt(3) == 0 ? 0 : 1 + (r.nextInt(3) == 0 ? 1 + r.nextInt(4) : r.nextInt(2));
    int na = r.nextInt(2) == 0 ? 0 : 1 + (r.nextInt(3) == 0 ? 1 + r.nextInt(4) : r.nextInt(2));
    long sum = 0;
    for (int i = 0; i < nk; i++) {
      int w = weight(r);
      keys.put(poolKey(r), w);
      sum += w;
    }
    for (int i = 0; i < na; i++) {
      int w = weight(r);
      accounts.put(members.get(r.nextInt(members.size())), w);
      sum += w;
    }
    if (r.nextInt(10) == 0) {
      List<Address> forms = SignState.addressForms(POOL.get(r.nextInt(POOL.size())));
      int w = weight(r);
      addresses.put(forms.get(r.nextInt(forms.size())), w);
      sum += w;
    }
    long threshold = r.nextInt(12) == 0 ? 0 : 1 + r.nextInt((int) Math.max(1, sum + 1));
    return new Authority(threshold, accounts, keys, addresses);
  }

  /** Mostly one of the first five keys (so that signers often match), any key of the pool otherwise. */
  static PublicKey poolKey(Random r) {
    return POOL.get(r.nextInt(4) == 0 ? r.nextInt(POOL.size()) : r.nextInt(5));
  }

  static int weight(Random r) {
    return r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(3);
  }

  /** 0-4 distinct keys mostly; sometimes a duplicate, sometimes more keys than the linear scan takes. */
  static List<PublicKey> randomSigners(Random r) {
    List<PublicKey> pool = new ArrayList<>(POOL);
    Collections.shuffle(pool, r);
    int kind = r.nextInt(10);
    if (kind == 0) {
      return new ArrayList<>(pool.subList(0, 9 + r.nextInt(pool.size() - 8)));
    }
    List<PublicKey> out = new ArrayList<>(pool.subList(0, r.nextInt(5)));
    if (kind < 5) {
      // a few of the keys most authorities hold
      out = new ArrayList<>();
      List<PublicKey> common = new ArrayList<>(POOL.subList(0, 5));
      Collections.shuffle(common, r);
      out.addAll(common.subList(0, 1 + r.nextInt(3)));
    }
    if (kind == 5 && !out.isEmpty()) {
      out.add(r.nextInt(out.size() + 1), out.get(r.nextInt(out.size())));
    }
    return r.nextBoolean() ? List.copyOf(out) : out;
  }

  static void assertSame(Verdict actual, Verdict expected, Object label) {
    assertThat(actual.error()).as("error %s", label).isEqualTo(expected.error());
    assertThat(actual.failedAccount()).as("failed account %s", label).isEqualTo(expected.failedAccount());
    assertThat(actual.signers()).as("signers %s", label).containsExactlyElementsOf(expected.signers());
    assertThat(actual.used()).as("used %s", label).containsExactlyElementsOf(expected.used());
    assertThat(actual.unused()).as("unused %s", label).containsExactlyElementsOf(expected.unused());
    assertThat(new ArrayList<>(actual.requiredActive())).as("required active %s", label)
        .containsExactlyElementsOf(new ArrayList<>(expected.requiredActive()));
    assertThat(new ArrayList<>(actual.requiredOwner())).as("required owner %s", label)
        .containsExactlyElementsOf(new ArrayList<>(expected.requiredOwner()));
    assertThat(actual).as("verdict %s", label).isEqualTo(expected);
    assertThat(actual.toString()).isEqualTo(expected.toString());
  }

  @Property(tries = 3000)
  void checkerEqualsTheReference(@ForAll long seed) {
    Case c = randomCase(seed);
    Verdict expected = ReferenceChecker.verify(c.ops(), c.signers(), c.view(), c.params());
    Verdict actual = AuthorityChecker.verify(c.ops(), c.signers(), c.view(), c.params());
    assertSame(actual, expected, seed);
    // again on the same thread: the reused state starts clean
    assertSame(AuthorityChecker.verify(c.ops(), c.signers(), c.view(), c.params()), expected, seed);
  }

  /** Operation records of the kinds the replay carries, and a few with extra requirements. */
  static List<Operation> randomOperations(Random r, List<ObjectId> members) {
    List<Operation> out = new ArrayList<>();
    int n = r.nextInt(10) < 8 ? 1 : 2 + r.nextInt(2);
    for (int i = 0; i < n; i++) {
      ObjectId payer = members.get(r.nextInt(10) == 0 ? r.nextInt(members.size()) : r.nextInt(members.size() - 3));
      RandomValues rv = new RandomValues(r.nextLong());
      switch (r.nextInt(6)) {
        case 0, 1, 2 -> {
          TransferOperation t = rv.of(TransferOperation.class);
          out.add(new TransferOperation(t.fee(), payer, t.to(), t.amount(), null, List.of()));
        }
        case 3 -> {
          LimitOrderCancelOperation l = rv.of(LimitOrderCancelOperation.class);
          out.add(new LimitOrderCancelOperation(l.fee(), payer, l.order(), List.of()));
        }
        case 4 -> {
          CustomOperation c = rv.of(CustomOperation.class);
          List<ObjectId> auths = new ArrayList<>(randomIds(r, members, 2));
          out.add(new CustomOperation(c.fee(), payer, auths, c.id(), c.data()));
        }
        default -> out.add((Operation) rv.of(Operations.classOf(r.nextInt(RequiredAuthorities.OPERATION_COUNT))));
      }
    }
    return List.copyOf(out);
  }

  /** The requirements through the general table path, one by one. */
  static List<OpRequirement> generalRequirements(List<Operation> ops, boolean ignoreCustom) {
    List<OpRequirement> out = new ArrayList<>();
    for (Operation op : ops) {
      out.add(RequiredAuthorities.requirement(op.tag(), new RecordOpFields(op), op, ignoreCustom));
    }
    return out;
  }

  record OpsCase(Case c, List<Operation> ops, boolean ignoreCustom) {}

  static OpsCase randomOpsCase(long seed) {
    Case c = randomCase(seed);
    Random r = new Random(seed ^ 0x9E3779B97F4A7C15L);
    List<ObjectId> members = new ArrayList<>();
    for (long i = 100; i < 106; i++) {
      members.add(ObjectId.account(i));
    }
    members.addAll(List.of(ObjectId.account(0), ObjectId.account(4), ObjectId.account(999)));
    List<Operation> ops = randomOperations(r, members);
    boolean ignoreCustom = r.nextBoolean();
    if (r.nextBoolean()) {
      // half the time the keys the wallet would pick: mostly sufficient, sometimes with a surplus
      try {
        List<PublicKey> keys = new ArrayList<>(WalletApis.requiredSignatures(
            generalRequirements(ops, ignoreCustom), List.of(), new TreeSet<>(POOL), c.view(), c.params()));
        if (r.nextInt(4) == 0) {
          keys.add(POOL.get(r.nextInt(POOL.size())));
        }
        Collections.shuffle(keys, r);
        c = new Case(c.view(), c.ops(), keys, c.params());
      } catch (RuntimeException unsatisfiable) {
        // keep the random signers
      }
    }
    return new OpsCase(c, ops, ignoreCustom);
  }

  @Test
  void operationGeneratorIsNotVacuous() {
    int valid = 0;
    int unreadable = 0;
    int single = 0;
    for (long seed = 0; seed < 2000; seed++) {
      OpsCase oc = randomOpsCase(seed);
      try {
        Verdict v = ReferenceChecker.verify(
            generalRequirements(oc.ops(), oc.ignoreCustom()), oc.c().signers(), oc.c().view(), oc.c().params());
        valid += v.valid() ? 1 : 0;
        single += v.valid() && oc.ops().size() == 1 ? 1 : 0;
      } catch (RuntimeException e) {
        unreadable++;
      }
    }
    System.out.println("operation cases: valid " + valid + " (single operation " + single + "), unreadable " + unreadable);
    assertThat(valid).isGreaterThan(150);
    assertThat(single).isGreaterThan(120);
    assertThat(unreadable).isLessThan(200);
  }

  @Property(tries = 2000)
  void operationRecordsCheckEqualsTheReference(@ForAll long seed) {
    OpsCase oc = randomOpsCase(seed);
    Case c = oc.c();
    List<Operation> ops = oc.ops();
    boolean ignoreCustom = oc.ignoreCustom();
    Verdict expected;
    try {
      expected = ReferenceChecker.verify(generalRequirements(ops, ignoreCustom), c.signers(), c.view(), c.params());
    } catch (RuntimeException e) {
      // a random record the requirement table cannot read: both paths fail alike
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> AuthorityChecker.verifyOperations(ops, ignoreCustom, c.signers(), c.view(), c.params()))
          .isInstanceOf(e.getClass()).hasMessage(e.getMessage());
      return;
    }
    assertSame(AuthorityChecker.verifyOperations(ops, ignoreCustom, c.signers(), c.view(), c.params()), expected, seed);
    assertSame(AuthorityChecker.verify(RecordOpFields.requirements(ops, ignoreCustom), c.signers(), c.view(), c.params()),
        expected, seed);
  }

  /** A check started from inside a check (here from a tracer) gets a state of its own. */
  @Property(tries = 300)
  void nestedChecksDoNotShareState(@ForAll long seed) {
    Case outer = randomCase(seed);
    Case inner = randomCase(seed * 7919 + 1);
    Verdict innerExpected = ReferenceChecker.verify(inner.ops(), inner.signers(), inner.view(), inner.params());
    List<Verdict> nested = new ArrayList<>();
    Tracer tracer = new Tracer() {
      @Override
      public void requirement(String kind, ObjectId account, int index) {
        nested.add(AuthorityChecker.verify(inner.ops(), inner.signers(), inner.view(), inner.params()));
      }
    };
    Verdict actual = AuthorityChecker.verify(outer.ops(), outer.signers(), outer.view(), outer.params(), tracer);
    assertSame(actual, ReferenceChecker.verify(outer.ops(), outer.signers(), outer.view(), outer.params()), seed);
    for (Verdict v : nested) {
      assertSame(v, innerExpected, seed);
    }
  }

  /** The generator reaches every outcome, and the shapes the fast paths are for. */
  @Test
  void generatorCoversEveryOutcome() {
    Map<String, Integer> outcomes = new HashMap<>();
    int singleKeyValid = 0;
    for (long seed = 0; seed < 4000; seed++) {
      Case c = randomCase(seed);
      Verdict v = ReferenceChecker.verify(c.ops(), c.signers(), c.view(), c.params());
      outcomes.merge(v.valid() ? "valid" : v.error().name(), 1, Integer::sum);
      if (v.valid() && c.ops().size() == 1 && c.signers().size() == 1) {
        singleKeyValid++;
      }
    }
    System.out.println("differential outcomes " + outcomes + ", single-key valid " + singleKeyValid);
    assertThat(outcomes.keySet()).contains("valid", "DUPLICATE_SIG", "IRRELEVANT_SIG", "MISSING_ACTIVE",
        "MISSING_OWNER", "MISSING_OTHER", "INVALID_COMMITTEE_APPROVAL");
    assertThat(outcomes.get("valid")).isGreaterThan(200);
    assertThat(singleKeyValid).isGreaterThan(50);
  }

  /** The common replay shapes, hand-made: single key, flat 2-of-4, a two-level company. */
  @Test
  void commonShapes() {
    Net net = new Net();
    ObjectId alice = net.single("alice");
    ObjectId bob = net.single("bob");
    ObjectId charlie = net.single("charlie");
    ObjectId dennis = net.single("dennis");
    Authority flat = net.auth(51, alice, 33, bob, 33, charlie, 33, dennis, 33);
    ObjectId multisig = net.create("multisig", flat, flat);
    Authority weighted = net.auth(51, "k:w1", 49, "k:w2", 25, "k:w3", 25, "k:w4", 10);
    ObjectId keys = net.create("weighted", weighted, weighted);
    ObjectId ceo = net.single("ceo");
    ObjectId chief = net.single("chief");
    ObjectId treasurer = net.single("treasurer");
    Authority cfoAuth = net.auth(51, chief, 51, treasurer, 33);
    ObjectId cfo = net.create("cfo", cfoAuth, cfoAuth);
    Authority companyAuth = net.auth(51, ceo, 51, cfo, 51);
    ObjectId company = net.create("company", companyAuth, companyAuth);
    MapAuthorityView view = net.view();
    CheckParams params = CheckParams.defaults();
    List<List<Object>> cases = List.of(
        List.of(alice, List.of("alice")),
        List.of(alice, List.of("bob")),
        List.of(alice, List.of("alice", "bob")),
        List.of(multisig, List.of("alice", "charlie")),
        List.of(multisig, List.of("dennis")),
        List.of(multisig, List.of("alice", "bob", "charlie")),
        List.of(keys, List.of("w1", "w3")),
        List.of(keys, List.of("w2", "w3", "w4")),
        List.of(keys, List.of("w4")),
        List.of(company, List.of("ceo")),
        List.of(company, List.of("treasurer")),
        List.of(company, List.of("chief")),
        List.of(company, List.of("chief", "treasurer")));
    for (List<Object> c : cases) {
      ObjectId acct = (ObjectId) c.get(0);
      @SuppressWarnings("unchecked")
      List<String> labels = (List<String>) c.get(1);
      List<PublicKey> signers = labels.stream().map(Net::key).toList();
      List<OpRequirement> ops = List.of(OpRequirement.feePayerOnly(0, null, acct));
      Verdict expected = ReferenceChecker.verify(ops, signers, view, params);
      assertSame(AuthorityChecker.verify(ops, signers, view, params), expected, c);
      assertSame(AuthorityChecker.verify(List.of(OpRequirement.active(acct)), signers, view, params), expected, c);
      TransferOperation t = new RandomValues(acct.instance()).of(TransferOperation.class);
      List<Operation> transfer = List.of(new TransferOperation(t.fee(), acct, t.to(), t.amount(), null, List.of()));
      assertSame(AuthorityChecker.verifyOperations(transfer, false, signers, view, params), expected, c);
    }
    assertThat(ReferenceChecker.verify(List.of(OpRequirement.active(company)), List.of(Net.key("chief")), view, params)
        .valid()).isTrue();
    assertThat(ReferenceChecker.verify(List.of(OpRequirement.active(multisig)), List.of(Net.key("dennis")), view, params)
        .error()).isEqualTo(AuthError.MISSING_ACTIVE);
  }

  /** The fee payer's requirement is one immutable id set, and equal to the general construction. */
  @Test
  void feePayerOnlyRequirementIsTheGeneralOne() {
    ObjectId a = ObjectId.account(17);
    OpRequirement fast = OpRequirement.feePayerOnly(0, null, a);
    OpRequirement general = new OpRequirement(0, null, new TreeSet<>(Set.of(a)), new TreeSet<>(), List.of());
    assertThat(fast).isEqualTo(general);
    assertThat(fast.hashCode()).isEqualTo(general.hashCode());
    assertThat(fast.toString()).isEqualTo(general.toString());
    assertThat(fast.active()).containsExactly(a);
    assertThat(fast.owner()).isEmpty();
    assertThat(fast.other()).isEmpty();
    SortedSet<ObjectId> s = fast.active();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.add(ObjectId.account(1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
