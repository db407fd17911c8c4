package io.graphyne.config.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.config.ChainPresets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigLoaderTest {
  @TempDir Path home;

  private NodeConfigLoader loader() {
    return new NodeConfigLoader(home);
  }

  private static Map<Setting, List<String>> cli(Object... kv) {
    Map<Setting, List<String>> m = new EnumMap<>(Setting.class);
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      @SuppressWarnings("unchecked")
      List<String> l = v instanceof List<?> ? (List<String>) v : List.of((String) v);
      m.put((Setting) kv[i], l);
    }
    return m;
  }

  private Path dataDirWith(String toml) throws IOException {
    Path d = home.resolve("data");
    Files.createDirectories(d);
    Files.writeString(d.resolve(NodeConfigLoader.CONFIG_FILE), toml);
    return d;
  }

  @Test
  void presetDefaultsWhenNothingIsSet() {
    NodeConfig c = loader().load(Map.of(), Map.of());
    assertThat(c.network()).isEqualTo(Network.BITSHARES);
    assertThat(c.dataDir()).isEqualTo(home.resolve(".graphyne").resolve("bitshares"));
    assertThat(c.p2pEndpoint()).isEqualTo(new HostPort("0.0.0.0", 1776));
    assertThat(c.seedNodes()).extracting(HostPort::toString).containsExactlyElementsOf(ChainPresets.BITSHARES.seedNodes());
    assertThat(c.rpcEndpoint()).isEmpty();
    assertThat(c.maxPeers()).isEqualTo(NodeConfig.DEFAULT_MAX_PEERS);
    assertThat(c.progressInterval()).isEqualTo(NodeConfig.DEFAULT_PROGRESS_INTERVAL);
    for (Setting s : Setting.values()) {
      assertThat(c.sourceOf(s)).as(s.key()).isEqualTo(ConfigSource.DEFAULT);
    }
  }

  @Test
  void testnetPresetChangesTheDefaults() {
    NodeConfig c = loader().load(cli(Setting.NETWORK, "testnet"), Map.of());
    assertThat(c.network()).isEqualTo(Network.TESTNET);
    assertThat(c.dataDir()).isEqualTo(home.resolve(".graphyne").resolve("testnet"));
    assertThat(c.seedNodes()).extracting(HostPort::toString).containsExactlyElementsOf(ChainPresets.TESTNET.seedNodes());
    assertThat(c.sourceOf(Setting.NETWORK)).isEqualTo(ConfigSource.COMMAND_LINE);
    assertThat(c.sourceOf(Setting.SEED_NODE)).isEqualTo(ConfigSource.DEFAULT);
  }

  @Test
  void configFileOverridesDefaults() throws IOException {
    Path d = dataDirWith("""
        p2p-endpoint = "127.0.0.1:4000"
        seed-node = ["10.0.0.1:1776", "10.0.0.2:1776"]
        max-peers = 7
        progress-interval = 2
        """);
    NodeConfig c = loader().load(cli(Setting.DATA_DIR, d.toString()), Map.of());
    assertThat(c.p2pEndpoint()).isEqualTo(new HostPort("127.0.0.1", 4000));
    assertThat(c.seedNodes()).containsExactly(HostPort.parse("10.0.0.1:1776"), HostPort.parse("10.0.0.2:1776"));
    assertThat(c.maxPeers()).isEqualTo(7);
    assertThat(c.progressInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.sourceOf(Setting.P2P_ENDPOINT)).isEqualTo(ConfigSource.CONFIG_FILE);
    assertThat(c.sourceOf(Setting.SEED_NODE)).isEqualTo(ConfigSource.CONFIG_FILE);
    assertThat(c.sourceOf(Setting.RPC_ENDPOINT)).isEqualTo(ConfigSource.DEFAULT);
  }

  @Test
  void environmentOverridesConfigFile() throws IOException {
    Path d = dataDirWith("""
        p2p-endpoint = "127.0.0.1:4000"
        seed-node = ["10.0.0.1:1776"]
        max-peers = 7
        """);
    Map<String, String> env = Map.of(
        "GRAPHYNE_DATA_DIR", d.toString(),
        "GRAPHYNE_P2P_ENDPOINT", "127.0.0.1:5000",
        "GRAPHYNE_SEED_NODE", "10.0.0.3:1776, 10.0.0.4:1776",
        "GRAPHYNE_JAVA_OPTS", "-Xmx1g");
    NodeConfig c = loader().load(Map.of(), env);
    assertThat(c.dataDir()).isEqualTo(d);
    assertThat(c.sourceOf(Setting.DATA_DIR)).isEqualTo(ConfigSource.ENVIRONMENT);
    assertThat(c.p2pEndpoint()).isEqualTo(new HostPort("127.0.0.1", 5000));
    assertThat(c.seedNodes()).containsExactly(HostPort.parse("10.0.0.3:1776"), HostPort.parse("10.0.0.4:1776"));
    assertThat(c.maxPeers()).isEqualTo(7);
    assertThat(c.sourceOf(Setting.P2P_ENDPOINT)).isEqualTo(ConfigSource.ENVIRONMENT);
    assertThat(c.sourceOf(Setting.MAX_PEERS)).isEqualTo(ConfigSource.CONFIG_FILE);
  }

  @Test
  void commandLineOverridesEverything() throws IOException {
    Path d = dataDirWith("""
        network = "testnet"
        p2p-endpoint = "127.0.0.1:4000"
        trusted-node = ["10.0.0.9:1776"]
        """);
    Map<String, String> env = Map.of(
        "GRAPHYNE_NETWORK", "bitshares",
        "GRAPHYNE_P2P_ENDPOINT", "127.0.0.1:5000",
        "GRAPHYNE_RPC_ENDPOINT", "127.0.0.1:8090");
    NodeConfig c = loader().load(
        cli(Setting.DATA_DIR, d.toString(), Setting.NETWORK, "testnet", Setting.P2P_ENDPOINT, "127.0.0.1:6000",
            Setting.TRUSTED_NODE, List.of("10.1.1.1:1776", "10.1.1.2:1777")),
        env);
    assertThat(c.network()).isEqualTo(Network.TESTNET);
    assertThat(c.p2pEndpoint()).isEqualTo(new HostPort("127.0.0.1", 6000));
    assertThat(c.trustedNodes()).containsExactly(HostPort.parse("10.1.1.1:1776"), HostPort.parse("10.1.1.2:1777"));
    assertThat(c.rpcEndpoint()).contains(new HostPort("127.0.0.1", 8090));
    assertThat(c.sourceOf(Setting.NETWORK)).isEqualTo(ConfigSource.COMMAND_LINE);
    assertThat(c.sourceOf(Setting.RPC_ENDPOINT)).isEqualTo(ConfigSource.ENVIRONMENT);
    assertThat(c.sourceOf(Setting.TRUSTED_NODE)).isEqualTo(ConfigSource.COMMAND_LINE);
  }

  @Test
  void networkFromTheFileAppliesWhenNotGivenElsewhere() throws IOException {
    Path d = dataDirWith("network = \"devnet\"\nproducer = [\"init0\", \"init1\"]\n");
    NodeConfig c = loader().load(cli(Setting.DATA_DIR, d.toString()), Map.of());
    assertThat(c.network()).isEqualTo(Network.DEVNET);
    assertThat(c.sourceOf(Setting.NETWORK)).isEqualTo(ConfigSource.CONFIG_FILE);
    assertThat(c.seedNodes()).isEmpty();
    assertThat(c.producers()).containsExactly("init0", "init1");
    assertThat(c.genesis()).isEqualTo(d.resolve("genesis.json"));
    assertThat(c.p2pEndpoint()).isEqualTo(new HostPort("127.0.0.1", 2776));
  }

  @Test
  void effectiveConfigurationNamesEveryValueAndItsSource() {
    NodeConfig c = loader().load(cli(Setting.NETWORK, "devnet", Setting.MAX_PEERS, "9"), Map.of("GRAPHYNE_PROGRESS_INTERVAL", "3"));
    Map<String, Map<String, Object>> e = c.effective();
    assertThat(e.keySet()).hasSize(Setting.values().length).contains("network", "data-dir", "p2p-endpoint", "seed-node");
    assertThat(e.get("max-peers")).containsEntry("value", "9").containsEntry("source", "command line");
    assertThat(e.get("progress-interval")).containsEntry("value", "3").containsEntry("source", "environment");
    assertThat(e.get("p2p-endpoint")).containsEntry("source", "default");
    assertThat(c.describe()).contains("max-peers = 9  (command line)", "network = devnet  (command line)");
  }

  @Test
  void badValuesNameTheSettingAndItsSource() throws IOException {
    assertThatThrownBy(() -> loader().load(cli(Setting.P2P_ENDPOINT, "nohost"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("--p2p-endpoint");
    assertThatThrownBy(() -> loader().load(Map.of(), Map.of("GRAPHYNE_MAX_PEERS", "lots")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("GRAPHYNE_MAX_PEERS");
    assertThatThrownBy(() -> loader().load(cli(Setting.NETWORK, "moon"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("--network");
    Path d = dataDirWith("seed-nodes = [\"x:1\"]\n");
    assertThatThrownBy(() -> loader().load(cli(Setting.DATA_DIR, d.toString()), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown setting 'seed-nodes'");
    Files.writeString(d.resolve("config.toml"), "data-dir = \"/elsewhere\"\n");
    assertThatThrownBy(() -> loader().load(cli(Setting.DATA_DIR, d.toString()), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("data-dir cannot be set");
    Files.writeString(d.resolve("config.toml"), "p2p-endpoint = [\"a:1\", \"b:2\"]\n");
    assertThatThrownBy(() -> loader().load(cli(Setting.DATA_DIR, d.toString()), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("takes one value");
    Files.writeString(d.resolve("config.toml"), "p2p-endpoint = \n");
    assertThatThrownBy(() -> loader().load(cli(Setting.DATA_DIR, d.toString()), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
    Files.writeString(d.resolve("config.toml"), "progress-interval = 0\n");
    assertThatThrownBy(() -> loader().load(cli(Setting.DATA_DIR, d.toString()), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("config.toml key 'progress-interval'");
  }

  @Test
  void producersOnlyOnTheDevnet() {
    assertThatThrownBy(() -> loader().load(cli(Setting.PRODUCER, "init0"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("devnet");
  }

  @Test
  void hostPortParsing() {
    assertThat(HostPort.parse("[::1]:1776")).isEqualTo(new HostPort("::1", 1776));
    assertThat(HostPort.parse("[::1]:1776").toString()).isEqualTo("[::1]:1776");
    assertThatThrownBy(() -> HostPort.parse("host:70000")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostPort.parse(":1")).isInstanceOf(IllegalArgumentException.class);
  }
}
