package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.protocol.ObjectId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link IdSet} behaves as the unmodifiable tree set it replaces, for every size and query. */
class IdSetTest {
  static TreeSet<ObjectId> randomIds(Random r) {
    TreeSet<ObjectId> s = new TreeSet<>();
    int n = r.nextInt(4) == 0 ? r.nextInt(20) : r.nextInt(3);
    for (int i = 0; i < n; i++) {
      s.add(r.nextInt(5) == 0 ? new ObjectId(1, r.nextInt(4), r.nextInt(30)) : ObjectId.account(r.nextInt(30)));
    }
    return s;
  }

  static ObjectId probe(Random r) {
    return r.nextInt(5) == 0 ? new ObjectId(1, r.nextInt(4), r.nextInt(32)) : ObjectId.account(r.nextInt(32));
  }

  static void assertLike(SortedSet<ObjectId> actual, SortedSet<ObjectId> expected) {
    assertThat(actual).isEqualTo(expected);
    assertThat(expected).isEqualTo(actual);
    assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
    assertThat(actual.toString()).isEqualTo(expected.toString());
    assertThat(actual.size()).isEqualTo(expected.size());
    assertThat(actual.isEmpty()).isEqualTo(expected.isEmpty());
    assertThat(new ArrayList<>(actual)).containsExactlyElementsOf(expected);
    assertThat(actual.toArray()).containsExactly(expected.toArray());
    assertThat(actual.toArray(new ObjectId[0])).containsExactly(expected.toArray(new ObjectId[0]));
    assertThat(actual.comparator()).isNull();
    if (expected.isEmpty()) {
      assertThatThrownBy(actual::first).isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(actual::last).isInstanceOf(NoSuchElementException.class);
    } else {
      assertThat(actual.first()).isEqualTo(expected.first());
      assertThat(actual.last()).isEqualTo(expected.last());
    }
  }

  @Property(tries = 1000)
  void behavesAsATreeSet(@ForAll long seed) {
    Random r = new Random(seed);
    TreeSet<ObjectId> expected = randomIds(r);
    IdSet actual = IdSet.copyOf(expected);
    assertLike(actual, Collections.unmodifiableSortedSet(expected));
    for (int i = 0; i < actual.size(); i++) {
      assertThat(actual.get(i)).isEqualTo(new ArrayList<>(expected).get(i));
    }
    for (int t = 0; t < 10; t++) {
      ObjectId a = probe(r);
      ObjectId b = probe(r);
      assertThat(actual.contains(a)).isEqualTo(expected.contains(a));
      assertLike(actual.headSet(a), expected.headSet(a));
      assertLike(actual.tailSet(a), expected.tailSet(a));
      ObjectId lo = a.compareTo(b) <= 0 ? a : b;
      ObjectId hi = a.compareTo(b) <= 0 ? b : a;
      assertLike(actual.subSet(lo, hi), expected.subSet(lo, hi));
    }
    assertThat(actual.contains("1.2.3")).isFalse();
    assertThat(actual.contains(null)).isFalse();
  }

  @Test
  void singleAndEmpty() {
    ObjectId a = ObjectId.account(7);
    assertLike(IdSet.of(a), new TreeSet<>(List.of(a)));
    assertLike(IdSet.EMPTY, new TreeSet<>());
    assertThat(IdSet.copyOf(new TreeSet<>(List.of(a))).get(0)).isEqualTo(a);
    assertThat(IdSet.copyOf(new TreeSet<>())).isSameAs(IdSet.EMPTY);
    IdSet one = IdSet.of(a);
    assertThat(IdSet.copyOf(one)).isSameAs(one);
    assertThatThrownBy(() -> one.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> IdSet.of(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> IdSet.copyOf(new TreeSet<>(Collections.reverseOrder())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isImmutable() {
    IdSet s = IdSet.copyOf(new TreeSet<>(List.of(ObjectId.account(1), ObjectId.account(2))));
    for (SortedSet<ObjectId> x : List.of(s, IdSet.of(ObjectId.account(1)), IdSet.EMPTY)) {
      assertThatThrownBy(() -> x.add(ObjectId.account(3))).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> x.remove(ObjectId.account(1))).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> x.addAll(List.of(ObjectId.account(3)))).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> x.removeAll(List.of(ObjectId.account(1)))).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> x.retainAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> x.removeIf(id -> true)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(x::clear).isInstanceOf(UnsupportedOperationException.class);
      var it = x.iterator();
      if (it.hasNext()) {
        it.next();
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
      }
    }
    assertThat(s).containsExactly(ObjectId.account(1), ObjectId.account(2));
  }
}
