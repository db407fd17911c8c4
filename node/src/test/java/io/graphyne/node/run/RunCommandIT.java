package io.graphyne.node.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphyne.node.cli.Main;
import io.graphyne.node.devnet.DevnetGenesis;
import io.graphyne.testing.Vectors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code graphyne run} end to end: configuration printed, store initialised, services stopped in order. */
class RunCommandIT {
  private static final ObjectMapper OM = new ObjectMapper();

  private static List<JsonNode> run(String... args) throws Exception {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    assertThat(code).as(err.toString()).isZero();
    return out.toString().lines().map(l -> {
      try {
        return OM.readTree(l);
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    }).toList();
  }

  @Test
  void testnetNodeInitialisesFromGenesisAndStopsCleanlyInReverseOrder(@TempDir Path dir) throws Exception {
    Path genesis = Vectors.path("genesis/bitshares-testnet-genesis.json");
    long t0 = System.nanoTime();
    List<JsonNode> lines = run("run", "--network", "testnet", "--data-dir", dir.toString(), "--genesis", genesis.toString(),
        "--p2p-endpoint", "127.0.0.1:0", "--seed-node", "127.0.0.1:9", "--rpc-endpoint", "127.0.0.1:0",
        "--progress-interval", "1", "--seconds", "2");
    assertThat(lines).hasSize(3);
    JsonNode cfg = lines.get(0).get("effective_configuration");
    assertThat(cfg.get("network").get("value").asText()).isEqualTo("testnet");
    assertThat(cfg.get("network").get("source").asText()).isEqualTo("command line");
    assertThat(cfg.get("max-peers").get("source").asText()).isEqualTo("default");
    assertThat(lines.get(1).get("chain_id").asText()).isEqualTo("39f5e2ede1f8bc1a3a54a7914414e3779e33193f1f5693510e73cb7a87617447");
    assertThat(lines.get(1).get("p2p_port").asInt()).isPositive();
    JsonNode stopped = lines.get(2).get("stopped");
    assertThat(stopped).extracting(n -> n.get("service").asText())
        .containsExactly("progress", "rpc", "p2p", "chain", "store");
    assertThat(stopped).extracting(n -> n.get("outcome").asText()).containsOnly("stopped");
    assertThat((System.nanoTime() - t0) / 1_000_000_000L).isLessThan(30);
    assertThat(Files.isDirectory(dir.resolve("chainstore"))).isTrue();
    // a second start reuses the store (no genesis needed any more)
    List<JsonNode> again = run("run", "--network", "testnet", "--data-dir", dir.toString(),
        "--p2p-endpoint", "127.0.0.1:0", "--seed-node", "127.0.0.1:9", "--seconds", "1");
    assertThat(again.get(1).get("started").asBoolean()).isTrue();
  }

  @Test
  void devnetNodeReadsItsChainIdFromTheGenesisFile(@TempDir Path dir) throws Exception {
    DevnetGenesis.Generated g = DevnetGenesis.generate(Instant.now(), 3, 1);
    DevnetGenesis.write(g, dir.resolve("genesis.json"));
    Files.writeString(dir.resolve("config.toml"), "p2p-endpoint = \"127.0.0.1:0\"\nprogress-interval = 1\n");
    List<JsonNode> lines = run("run", "--network", "devnet", "--data-dir", dir.toString(), "--seconds", "1");
    assertThat(lines.get(0).get("effective_configuration").get("p2p-endpoint").get("source").asText())
        .isEqualTo("config.toml");
    assertThat(lines.get(1).get("chain_id").asText()).isEqualTo(g.chainId().toHex());
  }
}
