package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random authority graphs (nesting, shared members, self references, cycles, members beyond the
 * depth limit, weight 0, threshold 0): who-can-sign against the checker, and get_required_signatures.
 */
class AuthorityGraphPropertyTest {
  static final List<PublicKey> POOL = new ArrayList<>();

  static {
    for (int i = 0; i < 7; i++) {
      POOL.add(Net.key("pool-" + i));
    }
  }

  record Graph(MapAuthorityView view, List<ObjectId> ids, CheckParams params) {}

  static Graph graph(long seed) {
    Random r = new Random(seed);
    int n = 2 + r.nextInt(5);
    List<ObjectId> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(ObjectId.account(100 + i));
    }
    List<AccountAuthorities> accts = new ArrayList<>();
    for (ObjectId id : ids) {
      accts.add(new AccountAuthorities(id, "a" + id.instance(), randomAuth(r, ids), randomAuth(r, ids), null));
    }
    if (r.nextInt(4) == 0) {
      accts.add(new AccountAuthorities(ObjectId.account(4), "temp", new Authority(0, Map.of(), Map.of(), Map.of()),
          new Authority(0, Map.of(), Map.of(), Map.of()), null));
    }
    CheckParams p = CheckParams.defaults().withMaxDepth(r.nextInt(4)).withNonImmediateOwner(r.nextBoolean());
    return new Graph(new MapAuthorityView(accts), ids, p);
  }

  static Authority randomAuth(Random r, List<ObjectId> ids) {
    Map<PublicKey, Integer> keys = new HashMap<>();
    Map<ObjectId, Integer> accounts = new HashMap<>();
    int members = 1 + r.nextInt(4);
    long sum = 0;
    for (int i = 0; i < members; i++) {
      int w = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(3);
      if (r.nextInt(3) == 0) {
        ObjectId a = r.nextInt(10) == 0 ? ObjectId.account(4) : ids.get(r.nextInt(ids.size()));
        accounts.put(a, w);
      } else {
        keys.put(POOL.get(r.nextInt(POOL.size())), w);
      }
      sum += w;
    }
    long threshold = r.nextInt(12) == 0 ? 0 : 1 + r.nextInt((int) Math.max(1, sum + 1));
    return new Authority(threshold, accounts, keys, Map.of());
  }

  /** Small random signer sets (0-3 distinct keys) or, one time in four, any subset of the pool. */
  static List<PublicKey> randomSigners(Random r) {
    List<PublicKey> pool = new ArrayList<>(POOL);
    java.util.Collections.shuffle(pool, r);
    if (r.nextInt(4) == 0) {
      return pool.subList(0, r.nextInt(pool.size() + 1));
    }
    return new ArrayList<>(pool.subList(0, r.nextInt(4)));
  }

  static AuthorityView.Role role(long seed) {
    return (seed & 1) == 0 ? AuthorityView.Role.ACTIVE : AuthorityView.Role.OWNER;
  }

  /** The generator produces meaningful cases: satisfiable roles, multi-key sets and passing signer sets. */
  @net.jqwik.api.Example
  void generatorIsNotVacuous() {
    int withSets = 0;
    int multiKey = 0;
    int passing = 0;
    for (long seed = 0; seed < 200; seed++) {
      Graph g = graph(seed);
      Random r = new Random(seed);
      for (ObjectId id : g.ids()) {
        WhoCanSign.Result res = WhoCanSign.compute(g.view(), id, AuthorityView.Role.ACTIVE, g.params());
        withSets += res.sets().isEmpty() ? 0 : 1;
        multiKey += res.sets().stream().anyMatch(s -> s.size() > 1) ? 1 : 0;
        List<PublicKey> signers = randomSigners(r);
        passing += AuthorityChecker.satisfiesRole(g.view(), id, AuthorityView.Role.ACTIVE, signers, g.params()) ? 1 : 0;
      }
    }
    assertThat(withSets).isGreaterThan(200);
    assertThat(multiKey).isGreaterThan(50);
    assertThat(passing).isGreaterThan(30); // 48 of ~800 with one signer set each; the property draws 20 per account
  }

  @Property(tries = 300)
  void everyWhoCanSignSetPassesAndIsMinimal(@ForAll long seed) {
    Graph g = graph(seed);
    for (ObjectId id : g.ids()) {
      AuthorityView.Role role = role(seed >>> 1);
      WhoCanSign.Result res = WhoCanSign.compute(g.view(), id, role, g.params());
      assertThat(res.exhaustive()).isTrue();
      for (SortedSet<PublicKey> s : res.sets()) {
        assertThat(AuthorityChecker.roleOutcome(g.view(), id, role, s, g.params()))
            .as("set %s of %s", s, id).isEqualTo(AuthorityChecker.RoleOutcome.PASS);
        for (PublicKey k : s) {
          List<PublicKey> less = new ArrayList<>(s);
          less.remove(k);
          assertThat(AuthorityChecker.satisfiesRole(g.view(), id, role, less, g.params()))
              .as("set %s minus %s", s, k).isFalse();
        }
      }
    }
  }

  @Property(tries = 300)
  void everyPassingSignerSetContainsAWhoCanSignSet(@ForAll long seed) {
    Graph g = graph(seed);
    Random r = new Random(seed ^ 0x5DEECE66DL);
    for (ObjectId id : g.ids()) {
      AuthorityView.Role role = role(seed >>> 1);
      WhoCanSign.Result res = WhoCanSign.compute(g.view(), id, role, g.params());
      for (int t = 0; t < 20; t++) {
        List<PublicKey> signers = randomSigners(r);
        if (AuthorityChecker.satisfiesRole(g.view(), id, role, signers, g.params())) {
          Set<PublicKey> s = new TreeSet<>(signers);
          assertThat(res.sets().stream().anyMatch(s::containsAll))
              .as("passing %s of %s not covered by %s", signers, id, res.sets()).isTrue();
        }
      }
    }
  }

  @Property(tries = 300)
  void requiredSignaturesPassWhenSatisfiable(@ForAll long seed) {
    Graph g = graph(seed);
    Random r = new Random(seed * 31 + 7);
    for (ObjectId id : g.ids()) {
      List<OpRequirement> ops = List.of(OpRequirement.active(id));
      // all keys, or a random subset: the greedy evaluation with these available keys is the same
      // evaluation as a check signed by all of them, so the result passes exactly when that one is satisfied
      Set<PublicKey> available = new TreeSet<>(r.nextBoolean() ? POOL : randomSigners(r));
      SortedSet<PublicKey> req = WalletApis.requiredSignatures(ops, List.of(), available, g.view(), g.params());
      Verdict withRequired = AuthorityChecker.verify(ops, new ArrayList<>(req), g.view(), g.params());
      Verdict withAll = AuthorityChecker.verify(ops, new ArrayList<>(available), g.view(), g.params());
      boolean satisfiable = withAll.error() != AuthError.MISSING_ACTIVE;
      assertThat(withRequired.valid()).as("required %s for %s", req, id).isEqualTo(satisfiable);
      if (satisfiable) {
        // Minimizing keeps it valid -- or, exactly as bitshares-core's minimize_required_signatures
        // (spec/authority.md §3.4.3), lets tx_irrelevant_sig escape when dropping one key leaves
        // another unused.
        try {
          SortedSet<PublicKey> min = WalletApis.minimizeRequiredSignatures(ops, List.of(), available, g.view(), g.params());
          assertThat(AuthorityChecker.verify(ops, new ArrayList<>(min), g.view(), g.params()).valid()).isTrue();
        } catch (WalletApis.AuthorityException e) {
          assertThat(e.verdict().error()).isEqualTo(AuthError.IRRELEVANT_SIG);
        }
      }
    }
  }

  /** The graph (found by jqwik) where minimizing escapes with tx_irrelevant_sig, as the C++ does. */
  @org.junit.jupiter.api.Test
  void minimizeLetsIrrelevantSigEscapeLikeBitsharesCore() {
    requiredSignaturesPassWhenSatisfiable(-3121341334L);
  }
}
