package io.graphyne.node.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.node.devnet.DevnetGenesis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code graphyne run} process (a devnet producer) gets SIGTERM: the shutdown hook stops
 * every service within 10 s and the process reports how each one stopped.
 */
class ShutdownIT {
  @Test
  void sigtermStopsTheNodeCleanlyWithinTenSeconds(@TempDir Path dir) throws Exception {
    DevnetGenesis.write(DevnetGenesis.generate(Instant.now(), 3, 1), dir.resolve("genesis.json"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "io.graphyne.node.cli.Main", "run", "--network", "devnet", "--data-dir", dir.toString(),
        "--p2p-endpoint", "127.0.0.1:0", "--producer", "init0", "--producer", "init1", "--producer", "init2",
        "--progress-interval", "1");
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    pb.redirectOutput(dir.resolve("stdout.txt").toFile());
    Process p = pb.start();
    List<String> out;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(dir.resolve("stdout.txt")).contains("\"started\":true")) {
        assertThat(System.nanoTime()).as("node started").isLessThan(deadline);
        assertThat(p.isAlive()).as("node running").isTrue();
        Thread.sleep(100);
      }
      Thread.sleep(4000); // a few blocks
      long t0 = System.nanoTime();
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
      out = Files.readAllLines(dir.resolve("stdout.txt"));
    } finally {
      p.destroyForcibly();
    }
    String stopped = out.get(out.size() - 1);
    assertThat(stopped).contains("\"stopped\":[");
    for (String s : List.of("progress", "rpc", "p2p", "producer", "chain", "store")) {
      assertThat(stopped).contains("{\"service\":\"" + s + "\",\"outcome\":\"stopped\"");
    }
    assertThat(stopped).doesNotContain("timed_out").doesNotContain("failed");
    String err = Files.readString(dir.resolve("stderr.txt"));
    assertThat(err).contains("progress head=");
    // blocks were produced and committed: the head in the last line is past genesis
    assertThat(stopped).containsPattern("\"head\":[1-9]");
  }
}
