package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

/** who-can-sign limits: truncation, the structural search on large key universes, depth limits. */
class WhoCanSignTest {
  static final CheckParams P = CheckParams.defaults();

  static Net tree(int width, int need) {
    Net n = new Net();
    List<Object> top = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      List<Object> mid = new ArrayList<>();
      for (int j = 0; j < width; j++) {
        mid.add(n.single("leaf-" + i + "-" + j));
        mid.add(1);
      }
      top.add(n.create("mid-" + i, n.auth(1, "k:mo" + i, 1), n.auth(need, mid.toArray())));
      top.add(1);
    }
    n.create("root", n.auth(1, "k:root-o", 1), n.auth(need, top.toArray()));
    return n;
  }

  @Test
  void truncationIsReported() {
    Net n = SeedExamplesTest.company();
    var r = WhoCanSign.compute(n.view(), n.id("company"), AuthorityView.Role.ACTIVE, P, new WhoCanSign.Limits(2, 18, 1000));
    assertThat(r.truncated()).isTrue();
    assertThat(r.sets()).hasSize(2);
  }

  @Test
  void structuralSearchOnALargeUniverse() {
    Net n = tree(5, 2); // 25 leaves + 5 mid owner keys: too many for the exhaustive search
    var r = WhoCanSign.compute(n.view(), n.id("root"), AuthorityView.Role.ACTIVE, P, new WhoCanSign.Limits(50, 18, 100_000));
    assertThat(r.exhaustive()).isFalse();
    assertThat(r.universe().size()).isGreaterThan(18);
    assertThat(r.sets()).hasSize(50);
    assertThat(r.truncated()).isTrue();
    for (SortedSet<PublicKey> s : r.sets()) {
      assertThat(AuthorityChecker.roleOutcome(n.view(), n.id("root"), AuthorityView.Role.ACTIVE, s, P))
          .isEqualTo(AuthorityChecker.RoleOutcome.PASS);
      // the smallest sets: two mid owner keys (HF-584 nested owners) or owner + two leaves, or four leaves
      assertThat(s.size()).isBetween(2, 4);
    }
    assertThat(r.sets().get(0)).hasSize(2);
  }

  @Test
  void depthLimitRemovesKeys() {
    Net n = new Net();
    n.single("deep");
    n.create("c", n.auth(1, "deep", 1), n.auth(1, "deep", 1));
    n.create("b", n.auth(1, "c", 1), n.auth(1, "c", 1));
    n.create("a", n.auth(1, "b", 1), n.auth(1, "b", 1));
    ObjectId a = n.id("a");
    assertThat(WhoCanSign.compute(n.view(), a, AuthorityView.Role.ACTIVE, P).sets()).isEmpty();
    assertThat(WhoCanSign.compute(n.view(), a, AuthorityView.Role.ACTIVE, P.withMaxDepth(3)).sets())
        .containsExactly(new java.util.TreeSet<>(List.of(Net.key("deep"))));
  }

  @Test
  void thresholdZeroNeedsNoKey() {
    Net n = new Net();
    n.create("free", n.auth(1, "k:o", 1), n.auth(0, "k:a", 1));
    var r = WhoCanSign.compute(n.view(), n.id("free"), AuthorityView.Role.ACTIVE, P);
    assertThat(r.sets()).hasSize(1);
    assertThat(r.sets().get(0)).isEmpty();
  }
}
