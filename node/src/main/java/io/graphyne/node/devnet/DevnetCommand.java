package io.graphyne.node.devnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graphyne devnet}: a local network of Graphyne nodes producing and validating blocks over
 * the real P2P protocol on 127.0.0.1, with the seeds' authority setups and a live view. Ctrl-C
 * stops everything cleanly; {@code --duration S} runs S seconds and exits 0 only if all nodes
 * agree (and every transaction was treated as expected).
 */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = "Run a local devnet: a producer, two validators and a load generator over loopback P2P.")
public final class DevnetCommand implements Callable<Integer> {
  static final int DEFAULT_BASE_PORT = 2776;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Devnet directory (default: ~/.graphyne/devnet).")
  Path dataDir;

  @Option(names = "--reset", description = "Delete the devnet directory first and start a fresh chain.")
  boolean reset;

  @Option(names = "--duration", paramLabel = "S", description = "Run S seconds, then check agreement and exit (0 = all agree).")
  Long duration;

  @Option(names = "--base-port", paramLabel = "P", defaultValue = "" + DEFAULT_BASE_PORT,
      description = "Producer's P2P port; validators use the next two (0 = any free ports; default: ${DEFAULT-VALUE}).")
  int basePort;

  @Option(names = "--witnesses", paramLabel = "N", defaultValue = "5", description = "Witnesses in a new genesis (default: ${DEFAULT-VALUE}).")
  int witnesses;

  @Option(names = "--transfers-per-tick", paramLabel = "N", defaultValue = "4",
      description = "Transfers the load generator sends every half second (default: ${DEFAULT-VALUE}).")
  int transfersPerTick;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintStream view = System.err;
    Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".graphyne", "devnet");
    Devnet.Options o = new Devnet.Options(dir, reset, witnesses, 1, basePort, Duration.ofMillis(500), transfersPerTick, System.nanoTime());
    Devnet d = new Devnet(o);
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopped.countDown();
      try {
        finished.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "graphyne-devnet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean tty = System.console() != null;
    long start = System.nanoTime();
    int code = 0;
    ObjectMapper om = new ObjectMapper();
    ObjectNode summary = om.createObjectNode();
    try {
      d.start();
      view.println("devnet in " + dir + " (chain " + d.chainId().toHex() + "); Ctrl-C stops it");
      DevnetView v = new DevnetView();
      long ticks = 0;
      while (!stopped.await(1, TimeUnit.SECONDS)) {
        long up = (System.nanoTime() - start) / 1_000_000_000L;
        DevnetView.Frame f = v.render(d, up);
        if (tty) {
          view.print("\033[H\033[2J" + f.text());
        } else if (ticks++ % 5 == 0) {
          view.print(f.text());
        }
        view.flush();
        if (duration != null && up >= duration) {
          break;
        }
      }
      if (duration != null && stopped.getCount() > 0) {
        d.settle(Duration.ofSeconds(15)); // the producer includes what is still in its mempool
        List<Devnet.Standing> s = d.awaitAgreement(Duration.ofSeconds(20));
        Devnet.Check c = d.check();
        boolean agree = Devnet.agree(s);
        summary.put("agree", agree);
        ArrayNode nodes = summary.putArray("nodes");
        for (Devnet.Standing x : s) {
          ObjectNode n = nodes.addObject();
          n.put("node", x.node());
          n.put("head", x.head());
          n.put("head_id", x.headId().toHex());
          n.put("state_hash", x.stateHash().toHex());
        }
        summary.put("valid_sent", c.validSent());
        summary.put("valid_included", c.validIncluded());
        summary.put("insufficient_sent", c.invalidSent());
        summary.put("rejected_with_expected_reason", c.invalidRejectedRight());
        summary.put("transactions_as_expected", c.ok());
        summary.set("problems", om.valueToTree(c.problems()));
        code = agree && c.ok() ? 0 : 1;
      }
    } finally {
      d.close();
      summary.put("stopped", true);
      out.println(om.writeValueAsString(summary));
      out.flush();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook waits for us
      }
    }
    return code;
  }
}
