package io.graphyne.chainstore.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.chainstore.ChainStoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The key-value contract every engine must meet; run for each engine by a subclass. */
abstract class AbstractKvStoreContractTest {
  @TempDir Path tmp;
  KvStore store;

  abstract KvStore open(Path dir);

  @BeforeEach
  void setUp() {
    store = open(tmp.resolve("db"));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  static byte[] b(int... v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) v[i];
    }
    return out;
  }

  static List<byte[]> keys(KvCursor c) {
    List<byte[]> out = new ArrayList<>();
    try (c) {
      while (c.next()) {
        out.add(c.key());
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(Column.class)
  void putGetDelete(Column column) {
    assertThat(store.get(column, b(1, 2))).isNull();
    store.commit(new KvBatch().put(column, b(1, 2), b(9)));
    assertThat(store.get(column, b(1, 2))).containsExactly(9);
    store.commit(new KvBatch().put(column, b(1, 2), b(8, 8)));
    assertThat(store.get(column, b(1, 2))).containsExactly(8, 8);
    store.commit(new KvBatch().delete(column, b(1, 2)));
    assertThat(store.get(column, b(1, 2))).isNull();
    store.commit(new KvBatch().put(column, b(), b()));
    assertThat(store.get(column, b())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Column.class)
  void columnsAreIsolated(Column column) {
    store.commit(new KvBatch().put(column, b(7), b(column.id())));
    for (Column other : Column.values()) {
      if (other != column) {
        assertThat(store.get(other, b(7))).as(other.name()).isNull();
        assertThat(store.count(other)).isZero();
      }
    }
    assertThat(store.count(column)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Column.class)
  void iteratesInUnsignedOrderWithinBounds(Column column) {
    KvBatch batch = new KvBatch();
    int[][] ks = {{0x80}, {0x7f}, {0x00}, {0xff, 0x00}, {0xff}, {0x01, 0x02}, {0x01}};
    for (int[] k : ks) {
      batch.put(column, b(k), b(k.length));
    }
    store.commit(batch);
    assertThat(keys(store.iterate(column, null, null)))
        .containsExactly(b(0), b(1), b(1, 2), b(0x7f), b(0x80), b(0xff), b(0xff, 0));
    assertThat(keys(store.iterate(column, b(1), b(0x80)))).containsExactly(b(1), b(1, 2), b(0x7f));
    assertThat(keys(store.iterate(column, b(0x7f, 0), null))).containsExactly(b(0x80), b(0xff), b(0xff, 0));
    assertThat(keys(store.iterate(column, null, b(1)))).containsExactly(b(0));
    assertThat(keys(store.iteratePrefix(column, b(0xff)))).containsExactly(b(0xff), b(0xff, 0));
    assertThat(keys(store.iteratePrefix(column, b(1)))).containsExactly(b(1), b(1, 2));
    assertThat(keys(store.iterate(column, b(5), b(5)))).isEmpty();
    try (KvCursor c = store.iterate(column, b(1, 2), null)) {
      assertThat(c.next()).isTrue();
      assertThat(c.value()).containsExactly(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Column.class)
  void batchAppliesAllOperationsInOrder(Column column) {
    store.commit(new KvBatch().put(column, b(1), b(1)).put(column, b(2), b(2)));
    KvBatch batch =
        new KvBatch()
            .put(column, b(3), b(3))
            .delete(column, b(1))
            .put(column, b(2), b(22))
            .put(column, b(4), b(4))
            .delete(column, b(4))
            .put(Column.META, b(99), b(99));
    assertThat(batch.size()).isEqualTo(6);
    assertThat(store.get(column, b(3))).isNull();
    store.commit(batch);
    assertThat(keys(store.iterate(column, null, null)))
        .containsExactly(column == Column.META ? new byte[][] {b(2), b(3), b(99)} : new byte[][] {b(2), b(3)});
    assertThat(store.get(column, b(2))).containsExactly(22);
    assertThat(store.get(Column.META, b(99))).containsExactly(99);
  }

  @Test
  void deferredSyncCommitsAreVisibleAndSyncable() {
    store.commit(new KvBatch().put(Column.BLOCKS, b(1), b(1)), true);
    assertThat(store.get(Column.BLOCKS, b(1))).containsExactly(1);
    store.syncWal();
    store.commit(new KvBatch().delete(Column.BLOCKS, b(1)), false);
    assertThat(store.get(Column.BLOCKS, b(1))).isNull();
  }

  @ParameterizedTest
  @EnumSource(Column.class)
  void deleteRange(Column column) {
    KvBatch batch = new KvBatch();
    for (int i = 0; i < 10; i++) {
      batch.put(column, Keys.u64(i), b(i));
    }
    store.commit(batch);
    store.commit(new KvBatch().deleteRange(column, Keys.u64(2), Keys.u64(7)));
    assertThat(keys(store.iterate(column, null, null)))
        .containsExactly(Keys.u64(0), Keys.u64(1), Keys.u64(7), Keys.u64(8), Keys.u64(9));
  }

  @ParameterizedTest
  @EnumSource(Column.class)
  void snapshotIsIsolatedFromLaterWrites(Column column) {
    store.commit(new KvBatch().put(column, b(1), b(1)).put(column, b(2), b(2)));
    try (KvSnapshot snap = store.snapshot()) {
      store.commit(new KvBatch().put(column, b(1), b(11)).delete(column, b(2)).put(column, b(3), b(3)));
      assertThat(snap.get(column, b(1))).containsExactly(1);
      assertThat(snap.get(column, b(2))).containsExactly(2);
      assertThat(snap.get(column, b(3))).isNull();
      assertThat(keys(snap.iterate(column, null, null))).containsExactly(b(1), b(2));
      assertThat(snap.count(column)).isEqualTo(2);
    }
    assertThat(store.get(column, b(1))).containsExactly(11);
    assertThat(keys(store.iterate(column, null, null))).containsExactly(b(1), b(3));
  }

  @ParameterizedTest
  @EnumSource(Column.class)
  void typedAccess(Column column) {
    TypedColumn<Long, String> typed = new TypedColumn<>(column, Serializers.U64, Serializers.UTF8);
    KvBatch batch = new KvBatch();
    for (long i = 300; i >= 250; i--) {
      batch.put(typed, i, "v" + i);
    }
    store.commit(batch);
    assertThat(store.get(typed, 260L)).isEqualTo("v260");
    List<Long> seen = new ArrayList<>();
    store.scan(typed, 255L, 260L, (k, v) -> seen.add(k) && v.equals("v" + k));
    assertThat(seen).containsExactly(255L, 256L, 257L, 258L, 259L);
    store.commit(new KvBatch().delete(typed, 260L));
    assertThat(store.get(typed, 260L)).isNull();
  }

  @Test
  void randomOperationsMatchAReferenceMap() {
    SplittableRandom rnd = new SplittableRandom(42);
    TreeMap<byte[], byte[]> model = new TreeMap<>(Keys::compare);
    for (int round = 0; round < 200; round++) {
      KvBatch batch = new KvBatch();
      TreeMap<byte[], byte[]> next = new TreeMap<>(model);
      for (int i = 0; i < 10; i++) {
        byte[] k = b(rnd.nextInt(4), rnd.nextInt(256));
        if (rnd.nextInt(3) == 0) {
          batch.delete(Column.ACCOUNTS, k);
          next.remove(k);
        } else {
          byte[] v = b(rnd.nextInt(256), rnd.nextInt(256));
          batch.put(Column.ACCOUNTS, k, v);
          next.put(k, v);
        }
      }
      store.commit(batch);
      model = next;
    }
    List<byte[]> actual = keys(store.iterate(Column.ACCOUNTS, null, null));
    assertThat(actual).containsExactlyElementsOf(model.keySet());
    for (var e : model.entrySet()) {
      assertThat(store.get(Column.ACCOUNTS, e.getKey())).isEqualTo(e.getValue());
    }
  }

  /** Iterations and range deletes interleaved with writes: point reads and cursors stay in step. */
  @Test
  void interleavedIterationMatchesAReferenceMap() {
    SplittableRandom rnd = new SplittableRandom(7);
    TreeMap<byte[], byte[]> model = new TreeMap<>(Keys::compare);
    for (int round = 0; round < 150; round++) {
      KvBatch batch = new KvBatch();
      for (int i = 0; i < 8; i++) {
        byte[] k = b(rnd.nextInt(4), rnd.nextInt(256));
        if (rnd.nextInt(4) == 0) {
          batch.delete(Column.RECENT_TX, k);
          model.remove(k);
        } else {
          byte[] v = b(rnd.nextInt(256), rnd.nextInt(256));
          batch.put(Column.RECENT_TX, k, v);
          model.put(k, v);
        }
      }
      if (round % 37 == 36) {
        byte[] from = b(rnd.nextInt(4), 0);
        byte[] to = b(from[0], 128);
        batch.deleteRange(Column.RECENT_TX, from, to);
        model.subMap(from, true, to, false).clear();
      }
      store.commit(batch);
      if (round % 25 == 24) {
        assertThat(keys(store.iterate(Column.RECENT_TX, null, null))).containsExactlyElementsOf(model.keySet());
      }
      byte[] probe = b(rnd.nextInt(4), rnd.nextInt(256));
      assertThat(store.get(Column.RECENT_TX, probe)).isEqualTo(model.get(probe));
    }
    assertThat(keys(store.iterate(Column.RECENT_TX, null, null))).containsExactlyElementsOf(model.keySet());
    assertThat(store.count(Column.RECENT_TX)).isEqualTo(model.size());
  }

  @Test
  void closedStoreFailsWithTypedError() {
    store.close();
    assertThatThrownBy(() -> store.get(Column.META, b(1)))
        .isInstanceOfSatisfying(ChainStoreException.class, e -> assertThat(e.reason()).isEqualTo(ChainStoreException.Reason.CLOSED));
    assertThatThrownBy(() -> store.commit(new KvBatch().put(Column.META, b(1), b(1))))
        .isInstanceOf(ChainStoreException.class);
  }

  @Test
  void columnIdsAreFixed() {
    assertThat(Column.META.id()).isZero();
    assertThat(Column.ACCOUNTS.id()).isEqualTo(1);
    assertThat(Column.UNDO.id()).isEqualTo(14);
    for (Column c : Column.values()) {
      assertThat(Column.byId(c.id())).isSameAs(c);
    }
    assertThatThrownBy(() -> Column.byId(200)).isInstanceOf(IllegalArgumentException.class);
  }
}
