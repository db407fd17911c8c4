package io.graphyne.chainstore.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link PackedTable} behaves as a sorted map of unsigned byte strings (a TreeMap here). */
class PackedTablePropertyTest {
  private static byte[] randomKey(Random r, int keySpace) {
    return switch (r.nextInt(12)) {
      case 0 -> new byte[0];
      case 1 -> {
        byte[] k = new byte[20_000 + r.nextInt(300_000)]; // a page of its own
        k[0] = (byte) r.nextInt(keySpace);
        yield k;
      }
      default -> {
        // few distinct keys of mixed lengths: replacements, deletes and re-inserts are common
        byte[] k = new byte[1 + r.nextInt(3)];
        for (int i = 0; i < k.length; i++) {
          k[i] = (byte) (r.nextInt(keySpace) * (r.nextBoolean() ? 1 : 37));
        }
        yield k;
      }
    };
  }

  private static byte[] randomValue(Random r) {
    int n = switch (r.nextInt(10)) {
      case 0 -> 0;
      case 1 -> PackedTable.EXTERNAL_MIN - 1 + r.nextInt(3);
      case 2 -> 5000 + r.nextInt(5000);
      default -> r.nextInt(40);
    };
    byte[] v = new byte[n];
    r.nextBytes(v);
    return v;
  }

  private static void assertSame(PackedTable t, TreeMap<byte[], byte[]> ref, Random r, int keySpace) {
    assertThat(t.size()).isEqualTo(ref.size());
    for (Map.Entry<byte[], byte[]> e : ref.entrySet()) {
      assertThat(t.get(e.getKey())).isEqualTo(e.getValue());
    }
    for (int i = 0; i < 5; i++) {
      byte[] k = randomKey(r, keySpace);
      assertThat(t.get(k)).isEqualTo(ref.get(k));
      assertThat(t.containsKey(k)).isEqualTo(ref.containsKey(k));
    }
  }

  private static List<byte[][]> expectedRange(TreeMap<byte[], byte[]> ref, byte[] from, byte[] to) {
    if (from != null && to != null && Arrays.compareUnsigned(from, to) >= 0) {
      return List.of();
    }
    var sub = from == null && to == null ? ref
        : from == null ? ref.headMap(to, false)
        : to == null ? ref.tailMap(from, true)
        : ref.subMap(from, true, to, false);
    List<byte[][]> out = new ArrayList<>();
    sub.forEach((k, v) -> out.add(new byte[][] {k, v}));
    return out;
  }

  private static void assertRange(List<byte[][]> actual, List<byte[][]> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < actual.size(); i++) {
      assertThat(actual.get(i)[0]).isEqualTo(expected.get(i)[0]);
      assertThat(actual.get(i)[1]).isEqualTo(expected.get(i)[1]);
    }
  }

  @Property(tries = 200)
  void randomOperationsMatchATreeMap(@ForAll long seed, @ForAll @IntRange(min = 2, max = 300) int keySpace,
      @ForAll @IntRange(min = 1, max = 600) int steps) {
    Random r = new Random(seed);
    PackedTable t = new PackedTable();
    TreeMap<byte[], byte[]> ref = new TreeMap<>(Arrays::compareUnsigned);
    PackedTable copy = null;
    TreeMap<byte[], byte[]> copyRef = null;
    for (int s = 0; s < steps; s++) {
      int op = r.nextInt(100);
      if (op < 50) {
        byte[] k = randomKey(r, keySpace);
        byte[] v = randomValue(r);
        t.put(k, v);
        ref.put(k.clone(), v.clone());
        if (k.length > 0) {
          k[0] ^= 1; // the table copied the key
        }
      } else if (op < 75) {
        byte[] k = randomKey(r, keySpace);
        assertThat(t.remove(k)).isEqualTo(ref.remove(k) != null);
      } else if (op < 80) {
        byte[] from = r.nextInt(4) == 0 ? null : randomKey(r, keySpace);
        byte[] to = r.nextInt(4) == 0 ? null : randomKey(r, keySpace);
        t.removeRange(from, to);
        if (from == null || to == null || Arrays.compareUnsigned(from, to) < 0) {
          expectedRange(ref, from, to).forEach(e -> ref.remove(e[0]));
        }
      } else if (op < 92) {
        byte[] from = r.nextInt(3) == 0 ? null : randomKey(r, keySpace);
        byte[] to = r.nextInt(3) == 0 ? null : randomKey(r, keySpace);
        if (t.needsSync()) {
          t.syncSorted();
        }
        assertRange(t.range(from, to), expectedRange(ref, from, to));
      } else if (op < 96) {
        copy = t.copy();
        copyRef = new TreeMap<>(ref);
      } else if (op < 98) {
        t.compactArena();
      } else {
        assertSame(t, ref, r, keySpace);
      }
      assertThat(t.size()).isEqualTo(ref.size());
    }
    assertSame(t, ref, r, keySpace);
    t.syncSorted();
    assertRange(t.range(null, null), expectedRange(ref, null, null));
    assertThat(t.liveBytes()).isGreaterThanOrEqualTo(0);
    if (copy != null) {
      // a copy keeps its point in time through later writes, deletes and compactions
      assertSame(copy, copyRef, r, keySpace);
      assertRange(copy.range(null, null), expectedRange(copyRef, null, null));
    }
  }

  @Test
  void manyKeysGrowAndShrinkTheIndexAndTheArena() {
    PackedTable t = new PackedTable();
    TreeMap<byte[], byte[]> ref = new TreeMap<>(Arrays::compareUnsigned);
    Random r = new Random(7);
    for (int round = 0; round < 5; round++) {
      for (int i = 0; i < 40_000; i++) {
        byte[] k = Keys.concat(Keys.u64(round * 100_000L + i), new byte[] {(byte) i});
        byte[] v = new byte[r.nextInt(12)];
        r.nextBytes(v);
        t.put(k, v);
        ref.put(k, v);
      }
      if (t.needsSync()) {
        t.syncSorted();
      }
      // expire the oldest half, as the recent-transaction index does
      byte[] cut = Keys.u64(round * 100_000L + 20_000);
      List<byte[][]> old = t.range(null, cut);
      for (byte[][] e : old) {
        assertThat(t.remove(e[0])).isTrue();
        ref.remove(e[0]);
      }
      assertThat(t.size()).isEqualTo(ref.size());
    }
    assertThat(t.garbageBytes()).isLessThanOrEqualTo(Math.max(t.liveBytes(), 1 << 20));
    t.syncSorted();
    assertRange(t.range(null, null), expectedRange(ref, null, null));
    for (Map.Entry<byte[], byte[]> e : ref.entrySet()) {
      assertThat(t.get(e.getKey())).isEqualTo(e.getValue());
    }
  }
}
