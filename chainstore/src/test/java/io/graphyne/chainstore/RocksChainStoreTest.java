package io.graphyne.chainstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.KvBatch;
import io.graphyne.chainstore.kv.Keys;
import io.graphyne.chainstore.kv.RocksConfig;
import io.graphyne.chainstore.kv.RocksKvStore;
import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.Bytes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RocksChainStoreTest extends AbstractChainStoreTest {
  static final RocksConfig CONFIG = new RocksConfig(8L << 20, 8L << 20, 1L << 20, 64, false);

  @Override
  ChainStore open(Path dir, StoreOptions options) {
    return ChainStore.openRocksDb(dir, RandomChain.CHAIN_ID, CONFIG, options);
  }

  @Test
  void sameBlocksGiveTheSameStateOnBothEngines() {
    open();
    RandomChain chain = new RandomChain(21, 80, 15);
    try (ChainStore memory = ChainStore.inMemory(RandomChain.CHAIN_ID)) {
      for (int i = 1; i <= 60; i++) {
        chain.apply(store, i);
        chain.apply(memory, i);
      }
      assertThat(store.stateHash()).isEqualTo(memory.stateHash());
      assertThat(dump(store)).isEqualTo(dump(memory));
    }
  }

  @Test
  void reopenKeepsHeadAndState() {
    open();
    RandomChain chain = new RandomChain(22, 30, 5);
    for (int i = 1; i <= 20; i++) {
      chain.apply(store, i);
    }
    Head head = store.head();
    Bytes hash = store.stateHash();
    store.close();
    store = ChainStore.openRocksDb(tmp.resolve("db"), null, CONFIG, StoreOptions.defaults());
    assertThat(store.head()).isEqualTo(head);
    assertThat(store.stateHash()).isEqualTo(hash);
    assertThat(store.chainId()).isEqualTo(RandomChain.CHAIN_ID);
    store.popBlock();
    chain.apply(store, 20);
    assertThat(store.stateHash()).isEqualTo(hash);
  }

  @Test
  void deferredSyncKeepsEveryBlockAcrossCleanClose() {
    store = ChainStore.openRocksDb(tmp.resolve("db"), RandomChain.CHAIN_ID, CONFIG.withSyncWrites(true),
        new StoreOptions(1000, 8));
    RandomChain chain = new RandomChain(23, 30, 5);
    for (int i = 1; i <= 21; i++) {
      chain.apply(store, i);
    }
    store.flush();
    chain.apply(store, 22);
    Bytes hash = store.stateHash();
    store.close();
    store = open(tmp.resolve("db"), StoreOptions.defaults());
    assertThat(store.head().blockNum()).isEqualTo(22);
    assertThat(store.stateHash()).isEqualTo(hash);
  }

  @Test
  void anotherChainIsRefused() {
    open().close();
    Bytes other = Bytes.wrap(Hashes.sha256("other".getBytes()));
    assertThatThrownBy(() -> ChainStore.openRocksDb(tmp.resolve("db"), other, CONFIG, StoreOptions.defaults()))
        .isInstanceOfSatisfying(ChainStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(ChainStoreException.Reason.CHAIN_ID_MISMATCH))
        .hasMessageContaining("belongs to chain " + RandomChain.CHAIN_ID.toHex());
    store = null;
    // the failed open released the database lock
    open();
  }

  @Test
  void anotherSchemaVersionIsRefused() {
    open().close();
    try (RocksKvStore kv = RocksKvStore.open(tmp.resolve("db"), CONFIG)) {
      kv.commit(new KvBatch().put(Column.META, Schema.META_SCHEMA_VERSION, Keys.u64(Schema.VERSION + 1)));
    }
    store = null;
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(ChainStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(ChainStoreException.Reason.SCHEMA_VERSION_MISMATCH))
        .hasMessageContaining("schema version " + (Schema.VERSION + 1));
  }

  @Test
  void toolsCannotOpenAnEmptyDirectory() {
    assertThatThrownBy(() -> ChainStore.openRocksDb(tmp.resolve("none"), null, CONFIG, StoreOptions.defaults()))
        .isInstanceOfSatisfying(ChainStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(ChainStoreException.Reason.NOT_A_DATABASE));
  }
}
