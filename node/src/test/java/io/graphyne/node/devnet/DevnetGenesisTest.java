package io.graphyne.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.Bytes;
import io.graphyne.testing.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetGenesisTest {
  private static final ObjectMapper OM = new ObjectMapper();

  @Test
  void hasTheLayoutOfABitsharesCorePrivateChainGenesis() throws Exception {
    JsonNode real = OM.readTree(Files.readAllBytes(Vectors.path("private-chain/genesis.json")));
    DevnetGenesis.Generated g = DevnetGenesis.generate(Instant.parse("2026-11-21T08:00:00.700Z"), 5, 1);
    JsonNode ours = OM.readTree(g.bytes());
    assertThat(names(ours)).containsExactlyElementsOf(names(real));
    assertThat(names(ours.get("initial_parameters"))).containsExactlyElementsOf(names(real.get("initial_parameters")));
    assertThat(names(ours.get("immutable_parameters"))).containsExactlyElementsOf(names(real.get("immutable_parameters")));
    assertThat(names(ours.get("initial_accounts").get(0))).containsExactlyElementsOf(names(real.get("initial_accounts").get(0)));
    assertThat(names(ours.get("initial_balances").get(0))).containsExactlyElementsOf(names(real.get("initial_balances").get(0)));
    assertThat(names(ours.get("initial_witness_candidates").get(0)))
        .containsExactlyElementsOf(names(real.get("initial_witness_candidates").get(0)));
    assertThat(ours.get("initial_timestamp").asText()).isEqualTo("2026-11-21T08:00:00");
    assertThat(ours.get("initial_parameters").get("block_interval").asInt()).isEqualTo(1);
    assertThat(ours.get("initial_active_witnesses").asInt()).isEqualTo(5);
    assertThat(g.chainId()).isEqualTo(Bytes.wrap(Hashes.sha256(g.bytes())));
  }

  @Test
  void keysComeFromTheSameSeedsAsThePrivateChains() throws Exception {
    JsonNode keys = OM.readTree(Files.readAllBytes(Vectors.path("private-chain/keys.json")));
    DevnetGenesis.Generated g = DevnetGenesis.generate(Instant.parse("2026-11-21T08:00:00Z"), 3, 1);
    JsonNode ours = OM.readTree(g.bytes());
    JsonNode init0 = ours.get("initial_accounts").get(0);
    assertThat(init0.get("name").asText()).isEqualTo("init0");
    assertThat(init0.get("owner_key").asText()).isEqualTo(keys.get("init0-owner").get("pub").asText());
    assertThat(init0.get("active_key").asText()).isEqualTo(keys.get("init0-active").get("pub").asText());
    assertThat(ours.get("initial_witness_candidates").get(0).get("block_signing_key").asText())
        .isEqualTo(keys.get("init0-witness").get("pub").asText());
    assertThat(DevnetKeys.text(DevnetKeys.active("alice").publicKey())).isEqualTo(keys.get("alice-active").get("pub").asText());
    assertThat(g.accounts()).containsExactly("init0", "init1", "init2", "nathan");
    assertThat(g.accountInstance("nathan")).isEqualTo(9);
  }

  @Test
  void writtenFileHashesToTheChainId(@TempDir Path dir) throws Exception {
    DevnetGenesis.Generated g = DevnetGenesis.generate(Instant.now(), 2, 1);
    Path f = dir.resolve("genesis.json");
    DevnetGenesis.write(g, f);
    assertThat(DevnetGenesis.chainIdOf(f)).isEqualTo(g.chainId());
    assertThat(Files.readAllBytes(f)).isEqualTo(g.bytes());
  }

  private static List<String> names(JsonNode n) {
    List<String> l = new ArrayList<>();
    n.fieldNames().forEachRemaining(l::add);
    return l;
  }
}
