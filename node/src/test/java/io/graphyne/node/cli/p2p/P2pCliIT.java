package io.graphyne.node.cli.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphyne.node.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code graphyne p2p serve} and {@code graphyne p2p probe} against each other on loopback. */
class P2pCliIT {
  static final String CHAIN = "78fc7b1b7263d887da05a13f8d5d241268c7620870f6573696bea6b5fba88f59";

  static Path shared() {
    String p = System.getProperty("graphyne.shared");
    if (p != null && Files.isDirectory(Path.of(p))) {
      return Path.of(p);
    }
    return Path.of("").toAbsolutePath().getParent().resolve("../shared").normalize();
  }

  /** A thread-safe buffer the serve command prints into. */
  static final class Out {
    final StringWriter sw = new StringWriter();
    final PrintWriter pw = new PrintWriter(sw, true);

    synchronized String text() {
      return sw.toString();
    }
  }

  @Test
  void probeSyncsThePrivateChainFromServe() throws Exception {
    Path blocks = shared().resolve("vectors/private-chain/blocks.hex");
    Out serveOut = new Out();
    CommandLine serve = Main.commandLine();
    serve.setOut(serveOut.pw);
    int[] serveRc = {-1};
    Thread t = new Thread(() -> serveRc[0] = serve.execute(
        "p2p", "serve", "--blocks", blocks.toString(), "--host", "127.0.0.1", "--port", "0", "--chain", CHAIN, "--seconds", "15"));
    t.start();
    ObjectMapper om = new ObjectMapper();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (serveOut.text().isEmpty() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    JsonNode listening = om.readTree(serveOut.text().lines().findFirst().orElseThrow());
    assertThat(listening.get("blocks").asInt()).isEqualTo(220);
    String endpoint = listening.get("listening").asText();

    StringWriter probeOut = new StringWriter();
    CommandLine probe = Main.commandLine();
    probe.setOut(new PrintWriter(probeOut, true));
    int rc = probe.execute("p2p", "probe", endpoint, "--chain", CHAIN);
    assertThat(rc).isZero();
    var lines = probeOut.toString().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode hello = om.readTree(lines.get(0)).get("hello");
    assertThat(hello.get("chain_id").asText()).isEqualTo(CHAIN);
    assertThat(hello.get("core_protocol_version").asInt()).isEqualTo(106);
    assertThat(hello.get("head_block_num").asLong()).isEqualTo(220);
    assertThat(hello.get("head_block_id").asText()).isEqualTo(listening.get("head_id").asText());
    JsonNode result = om.readTree(lines.get(1));
    assertThat(result.get("fetched").asInt()).isEqualTo(220);
    assertThat(result.get("first_id").asText()).isEqualTo("000000019b75b3c37a1a1d91115e839cc72a6b66");
    assertThat(result.get("last_id").asText()).isEqualTo(listening.get("head_id").asText());
    assertThat(result.get("blocks_per_s").asLong()).isPositive();

    // --blocks N stops at N
    StringWriter partial = new StringWriter();
    CommandLine probe2 = Main.commandLine();
    probe2.setOut(new PrintWriter(partial, true));
    assertThat(probe2.execute("p2p", "probe", endpoint, "--chain", CHAIN, "--blocks", "50")).isZero();
    JsonNode r2 = om.readTree(partial.toString().lines().toList().get(1));
    assertThat(r2.get("fetched").asInt()).isEqualTo(50);
    assertThat(r2.get("last_id").asText()).startsWith("00000032");

    // the wrong chain is refused with an error on stderr and exit code 1
    StringWriter err = new StringWriter();
    CommandLine probe3 = Main.commandLine();
    probe3.setOut(new PrintWriter(new StringWriter(), true));
    probe3.setErr(new PrintWriter(err, true));
    assertThat(probe3.execute("p2p", "probe", endpoint, "--chain", "mainnet", "--timeout", "5")).isEqualTo(1);
    assertThat(err.toString()).contains("error:");

    t.join(TimeUnit.SECONDS.toMillis(40));
    assertThat(serveRc[0]).isZero();
  }
}
