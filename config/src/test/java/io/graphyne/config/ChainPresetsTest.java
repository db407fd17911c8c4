package io.graphyne.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.crypto.Hashes;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ChainPresetsTest {
  @Test
  void testnetChainIdIsTheSha256OfItsGenesisFile() throws Exception {
    byte[] genesis = Files.readAllBytes(Vectors.path("genesis/bitshares-testnet-genesis.json"));
    assertThat(Hex.encode(Hashes.sha256(genesis))).isEqualTo(ChainPresets.TESTNET.chainIdHex());
  }

  @Test
  void mainnetMatchesTheVectors() {
    String mainnet = Vectors.json("transactions.json").get("conventions").get("chain_ids").get("BTS").asText();
    assertThat(ChainPresets.BITSHARES.chainIdHex()).isEqualTo(mainnet);
    assertThat(ChainPresets.BITSHARES.addressPrefix()).isEqualTo("BTS");
    assertThat(ChainPresets.BITSHARES.seedNodes()).isNotEmpty().allMatch(s -> s.contains(":"));
  }

  @Test
  void resolvesNamesAndIds() {
    assertThat(ChainPresets.resolve("bitshares", null)).isSameAs(ChainPresets.BITSHARES);
    assertThat(ChainPresets.resolve("TESTNET", null)).isSameAs(ChainPresets.TESTNET);
    assertThat(ChainPresets.resolve(ChainPresets.TESTNET.chainIdHex(), null)).isSameAs(ChainPresets.TESTNET);
    String priv = "78fc7b1b7263d887da05a13f8d5d241268c7620870f6573696bea6b5fba88f59";
    ChainPreset custom = ChainPresets.resolve(priv, "BTS");
    assertThat(custom.chainIdHex()).isEqualTo(priv);
    assertThat(custom.addressPrefix()).isEqualTo("BTS");
    assertThat(custom.hardforks()).isEqualTo(io.graphyne.authority.HardforkSchedule.mainnet());
    assertThat(ChainPresets.TESTNET.hardforks().name()).isEqualTo("testnet");
    // BSIP40 custom authorities: active on testnet, a 2030 placeholder on mainnet.
    java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
    assertThat(ChainPresets.TESTNET.hardforks().at(now).customAuthoritiesActive()).isTrue();
    assertThat(ChainPresets.BITSHARES.hardforks().at(now).customAuthoritiesActive()).isFalse();
    assertThatThrownBy(() -> ChainPresets.resolve("nope", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64-hex");
  }
}
