package io.graphyne.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.chainstore.ChainStore;
import io.graphyne.config.ChainPresets;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.testing.Vectors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GenesisTest {
  @Test
  void testnetGenesisLoadsWithTheTestnetChainId() throws Exception {
    Genesis g = Genesis.load(Vectors.path("genesis/bitshares-testnet-genesis.json"));
    assertThat(g.chainId()).isEqualTo(ChainPresets.TESTNET.chainId());
    assertThat(g.addressPrefix()).isEqualTo("TEST");
    assertThat(g.accounts()).hasSize(12);
    assertThat(g.witnessCandidates()).hasSize(11);
    assertThat(g.initialActiveWitnesses()).isEqualTo(11);
    assertThat(g.parameters().blockInterval()).isEqualTo(5);
    assertThat(g.parameters().maintenanceInterval()).isEqualTo(86400);
    try (ChainStore store = ChainStore.inMemory(g.chainId())) {
      g.initialize(store);
      assertThat(store.state().accountByName("init0").orElseThrow().id()).isEqualTo(ObjectId.account(6));
      assertThat(store.state().accountByName("temp-account").orElseThrow().active().weightThreshold()).isZero();
      assertThat(store.state().witness(ObjectId.witness(11))).isPresent();
      assertThat(store.state().globalProperties().orElseThrow().activeWitnesses()).hasSize(11);
    }
  }

  @Test
  void privateChainGenesisGivesItsChainIdAndFullParameters() throws Exception {
    Genesis g = Genesis.load(Vectors.path("private-chain/genesis.json"));
    assertThat(g.chainId().toHex()).isEqualTo(Vectors.json("private-chain/chain.json").get("chain_id").asText());
    assertThat(g.protocolParameters()).isNotNull();
    assertThat(g.parameters().raw().length()).isGreaterThan(100);
    assertThat(g.initialAccountId(5)).isEqualTo(ObjectId.account(11)); // nathan
    assertThat(g.addressPrefix()).isEqualTo("BTS");
  }

  @Test
  void malformedGenesisGivesTypedErrors() {
    assertThatThrownBy(() -> Genesis.parse("{".getBytes(StandardCharsets.UTF_8))).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> Genesis.parse("[]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Genesis.parse("{\"initial_accounts\":[]}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial_timestamp");
  }
}
