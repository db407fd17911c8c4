package io.graphyne.chainstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.KvBatch;
import io.graphyne.chainstore.kv.KvCursor;
import io.graphyne.chainstore.kv.Keys;
import io.graphyne.chainstore.kv.MemoryKvStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** {@link Overlay}'s own hash table against reference maps: reads, touches, undo order, the batch. */
class OverlayPropertyTest {
  private static final Column[] COLUMNS = {Column.ACCOUNTS, Column.RECENT_TX, Column.RECENT_TX_BY_EXPIRATION, Column.META};

  private static byte[] key(Random r, int space) {
    if (r.nextInt(3) == 0) {
      return Keys.u64(r.nextInt(space)); // object-id keys, as accounts have
    }
    byte[] k = new byte[r.nextInt(4)];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) r.nextInt(space);
    }
    return k;
  }

  @Property(tries = 200)
  void behavesAsAMapOverTheStore(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int space,
      @ForAll @IntRange(min = 0, max = 2000) int steps, @ForAll @IntRange(min = 0, max = 3000) int expected) {
    Random r = new Random(seed);
    MemoryKvStore base = new MemoryKvStore();
    Map<Column, TreeMap<byte[], byte[]>> committed = new EnumMap<>(Column.class);
    KvBatch init = new KvBatch();
    for (Column c : COLUMNS) {
      committed.put(c, new TreeMap<>(Arrays::compareUnsigned));
      for (int i = 0; i < space; i++) {
        if (r.nextBoolean()) {
          byte[] k = key(r, space);
          byte[] v = new byte[] {(byte) i};
          init.put(c, k, v);
          committed.get(c).put(k, v);
        }
      }
    }
    base.commit(init);
    Overlay o = new Overlay(base, expected);
    Map<Column, TreeMap<byte[], byte[]>> current = new EnumMap<>(Column.class);
    committed.forEach((c, m) -> current.put(c, new TreeMap<>(m)));
    // reference of touches in first-touch order: (column, key) -> previous
    LinkedHashMap<List<Object>, byte[][]> touches = new LinkedHashMap<>();
    for (int s = 0; s < steps; s++) {
      Column c = COLUMNS[r.nextInt(COLUMNS.length)];
      byte[] k = key(r, space);
      List<Object> id = List.of(c, Arrays.toString(k));
      switch (r.nextInt(6)) {
        case 0, 1 -> {
          byte[] v = new byte[] {(byte) s, (byte) (s >> 8)};
          if (r.nextBoolean()) {
            o.put(c, k, v);
          } else {
            o.put(c, k, v, o.get(c, k));
          }
          touches.putIfAbsent(id, new byte[][] {k, committed.get(c).get(k)});
          current.get(c).put(k, v);
        }
        case 2 -> {
          if (r.nextBoolean()) {
            o.delete(c, k);
          } else {
            o.delete(c, k, o.get(c, k));
          }
          touches.putIfAbsent(id, new byte[][] {k, committed.get(c).get(k)});
          current.get(c).remove(k);
        }
        case 3 -> {
          assertThat(o.touched(c, k)).isEqualTo(touches.containsKey(id));
          long n = r.nextInt(space);
          assertThat(o.touched(c, Keys.u64(n))).isEqualTo(touches.containsKey(List.of(c, Arrays.toString(Keys.u64(n)))));
        }
        default -> assertThat(o.get(c, k)).isEqualTo(current.get(c).get(k));
      }
    }
    assertThat(o.size()).isEqualTo(touches.size());
    List<byte[][]> expectedTouches = new ArrayList<>(touches.values());
    for (int i = 0; i < o.size(); i++) {
      Overlay.Touch t = o.touches().get(i);
      assertThat(t.key).isEqualTo(expectedTouches.get(i)[0]);
      assertThat(t.previous).isEqualTo(expectedTouches.get(i)[1]);
      assertThat(t.value).isEqualTo(current.get(t.column).get(t.key));
    }
    for (Column c : COLUMNS) {
      List<byte[]> keys = new ArrayList<>();
      try (KvCursor cur = o.iterate(c, null, null)) {
        while (cur.next()) {
          keys.add(cur.key());
          assertThat(cur.value()).isEqualTo(current.get(c).get(cur.key()));
        }
      }
      assertThat(keys).containsExactlyElementsOf(current.get(c).keySet());
    }
    // the batch takes the block's writes onto the store
    KvBatch batch = new KvBatch();
    o.writeTo(batch);
    base.commit(batch);
    for (Column c : COLUMNS) {
      assertThat(base.count(c)).isEqualTo(current.get(c).size());
      current.get(c).forEach((k, v) -> assertThat(base.get(c, k)).isEqualTo(v));
    }
  }
}
