package io.graphyne.chainstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Genesis state (block 0) and named counters, on the in-memory engine. */
class GenesisAndCountersTest {
  private static final Bytes CHAIN = Bytes.zeros(32);
  private static final PublicKey KEY =
      PublicKey.fromHex("02c0ded2bc1f1305fb0faac5e6c03ee3a1924234985427b6167ca569d13df435cf");

  private static ChainParameters params() {
    return new ChainParameters(3, 600, 3, 2048, 2_000_000, 86400, 2419200, 1209600, 10, 2, Bytes.EMPTY);
  }

  @Test
  void genesisStateIsWrittenWithoutABlockAndCannotBeWrittenTwice() {
    try (ChainStore store = ChainStore.inMemory(CHAIN)) {
      assertThat(store.hasGenesisState()).isFalse();
      try (BlockChanges g = store.beginGenesis()) {
        g.putAccount(new AccountRecord(ObjectId.account(6), "init0", Authority.singleKey(KEY), Authority.singleKey(KEY), KEY, 0));
        g.putGlobalProperties(new GlobalProperties(params(), Optional.empty(), List.of(ObjectId.witness(1))));
        g.putCounter("accounts", 7);
        assertThat(g.counter("accounts")).hasValue(7);
        g.commit();
      }
      assertThat(store.head()).isEqualTo(Head.EMPTY);
      assertThat(store.hasGenesisState()).isTrue();
      assertThat(store.state().accountByName("init0")).isPresent();
      assertThat(store.state().block(0)).isEmpty();
      assertThat(store.state().counter("accounts")).hasValue(7);
      assertThat(store.state().counter("proposals")).isEmpty();
      assertThatThrownBy(store::beginGenesis).isInstanceOf(ChainStoreException.class);
      assertThatThrownBy(store::popBlock).isInstanceOf(ChainStoreException.class);
    }
  }

  @Test
  void countersAreUndoneWithTheirBlock() {
    try (ChainStore store = ChainStore.inMemory(CHAIN)) {
      try (BlockChanges g = store.beginGenesis()) {
        g.putCounter("proposals", 0);
        g.commit();
      }
      try (BlockChanges b = store.beginBlock(1, Bytes.fromHex("00000001" + "11".repeat(16)), new byte[] {1})) {
        b.putCounter("proposals", 3);
        b.commit();
      }
      assertThat(store.state().counter("proposals")).hasValue(3);
      store.popBlock();
      assertThat(store.state().counter("proposals")).hasValue(0);
    }
  }
}
