package io.graphyne.bench.authority;

import io.graphyne.authority.AccountAuthorities;
import io.graphyne.authority.AuthorityChecker;
import io.graphyne.authority.CheckParams;
import io.graphyne.authority.MapAuthorityView;
import io.graphyne.authority.OpRequirement;
import io.graphyne.authority.Verdict;
import io.graphyne.crypto.Hashes;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Authority checks per second with signer keys already recovered (the ordered stage of block
 * validation): a transfer from a 1-key account, from the flat 2-of-4 (weights 33, threshold 51),
 * from the company hierarchy (company -> CFO -> treasurer + controller), and from a depth-2 tree
 * with 10 members per level (6 of 10 at each level, 36 signatures).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthorityCheckBenchmark {
  @Param({"oneKey", "twoOfFour", "company", "tree10x10"})
  public String shape;

  private MapAuthorityView view;
  private List<OpRequirement> ops;
  private List<PublicKey> signers;
  private CheckParams params;

  static PublicKey key(String label) {
    byte[] priv = Hashes.sha256(("bench/" + label).getBytes(StandardCharsets.UTF_8));
    return PublicKey.wrap(Secp256k1Provider.system().publicKey(priv));
  }

  private final List<AccountAuthorities> accounts = new ArrayList<>();
  private long next = 100;

  private ObjectId add(String name, Authority active) {
    ObjectId id = ObjectId.account(next++);
    accounts.add(new AccountAuthorities(id, name, active, active, null));
    return id;
  }

  private ObjectId person(String name) {
    return add(name, Authority.singleKey(key(name)));
  }

  private static Authority accountsAuth(long threshold, Object... idWeight) {
    Map<ObjectId, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < idWeight.length; i += 2) {
      m.put((ObjectId) idWeight[i], (Integer) idWeight[i + 1]);
    }
    return new Authority(threshold, m, Map.of(), Map.of());
  }

  @Setup(Level.Trial)
  public void setup() {
    params = CheckParams.defaults();
    ObjectId from;
    switch (shape) {
      case "oneKey" -> {
        from = person("alice");
        signers = List.of(key("alice"));
      }
      case "twoOfFour" -> {
        Map<PublicKey, Integer> k = new LinkedHashMap<>();
        for (String p : List.of("alice", "bob", "charlie", "dennis")) {
          k.put(key(p), 33);
        }
        from = add("fund", new Authority(51, Map.of(), k, Map.of()));
        signers = List.of(key("charlie"), key("alice"));
      }
      case "company" -> {
        ObjectId ceo = person("ceo");
        ObjectId chief = person("chief");
        ObjectId treasurer = person("treasurer");
        ObjectId controller = person("controller");
        ObjectId tax = person("tax");
        ObjectId accounting = person("accounting");
        ObjectId cfo = add("cfo", accountsAuth(51, chief, 51, treasurer, 33, controller, 33, tax, 10, accounting, 10));
        from = add("company", accountsAuth(51, ceo, 51, cfo, 51));
        signers = List.of(key("treasurer"), key("controller"));
      }
      case "tree10x10" -> {
        List<Object> top = new ArrayList<>();
        List<PublicKey> s = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          List<Object> mid = new ArrayList<>();
          for (int j = 0; j < 10; j++) {
            ObjectId leaf = person("leaf-" + i + "-" + j);
            mid.add(leaf);
            mid.add(1);
            if (i < 6 && j < 6) {
              s.add(key("leaf-" + i + "-" + j));
            }
          }
          top.add(add("mid-" + i, accountsAuth(6, mid.toArray())));
          top.add(1);
        }
        from = add("root", accountsAuth(6, top.toArray()));
        signers = s;
      }
      default -> throw new IllegalArgumentException(shape);
    }
    view = new MapAuthorityView(accounts);
    ops = List.of(OpRequirement.active(from));
    Verdict v = AuthorityChecker.verify(ops, signers, view, params);
    if (!v.valid()) {
      throw new IllegalStateException(shape + " must be valid: " + v);
    }
  }

  @Benchmark
  public Verdict check() {
    return AuthorityChecker.verify(ops, signers, view, params);
  }
}
