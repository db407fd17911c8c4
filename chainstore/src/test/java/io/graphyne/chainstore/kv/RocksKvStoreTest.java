package io.graphyne.chainstore.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.chainstore.ChainStoreException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RocksKvStoreTest extends AbstractKvStoreContractTest {
  static RocksConfig small() {
    return new RocksConfig(8L << 20, 8L << 20, 1L << 20, 64, false);
  }

  @Override
  KvStore open(Path dir) {
    return RocksKvStore.open(dir, small());
  }

  @Test
  void dataSurvivesReopenAndCompaction() {
    KvBatch batch = new KvBatch();
    for (int i = 0; i < 1000; i++) {
      batch.put(Column.BLOCKS, Keys.u64(i), new byte[100]);
    }
    store.commit(batch);
    store.compact();
    store.close();
    store = open(tmp.resolve("db"));
    assertThat(store.count(Column.BLOCKS)).isEqualTo(1000);
    assertThat(store.get(Column.BLOCKS, Keys.u64(999))).hasSize(100);
    assertThat(store.directory()).contains(tmp.resolve("db"));
  }

  @Test
  void secondOpenOfTheSameDirectoryFailsWithIoReason() {
    assertThatThrownBy(() -> RocksKvStore.open(tmp.resolve("db"), small()))
        .isInstanceOfSatisfying(ChainStoreException.class, e -> assertThat(e.reason()).isEqualTo(ChainStoreException.Reason.IO));
  }

  @Test
  void openingAMissingDatabaseWithoutCreateFails() {
    assertThatThrownBy(() -> RocksKvStore.open(tmp.resolve("nothing"), small(), false))
        .isInstanceOfSatisfying(
            ChainStoreException.class, e -> assertThat(e.reason()).isEqualTo(ChainStoreException.Reason.NOT_A_DATABASE));
  }
}
