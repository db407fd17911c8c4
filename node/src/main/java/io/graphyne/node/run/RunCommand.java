package io.graphyne.node.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.config.ChainPreset;
import io.graphyne.config.node.ConfigException;
import io.graphyne.config.node.NodeConfig;
import io.graphyne.config.node.NodeConfigLoader;
import io.graphyne.config.node.Setting;
import io.graphyne.node.cli.CliIo;
import io.graphyne.node.service.ServiceController;
import io.graphyne.node.service.ShutdownHook;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graphyne run}: a validating node. Prints the effective configuration (JSON, one line) at
 * start-up, a progress line every few seconds on stderr, and on SIGINT/SIGTERM stops P2P, drains
 * the pipeline, commits and closes the store within 10 s, then prints how each service stopped.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a validating node.",
      "Settings come from the command line, then GRAPHYNE_* environment variables (GRAPHYNE_SEED_NODE=a:1,b:2),",
      "then config.toml in the data directory, then the network's preset defaults."
    })
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = "--network", paramLabel = "NET", description = "bitshares | testnet | devnet (default: bitshares).")
  String network;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: ~/.graphyne/<network>).")
  String dataDir;

  @Option(names = "--p2p-endpoint", paramLabel = "HOST:PORT",
      description = "Listen for peers here (default: 0.0.0.0:1776 mainnet, 0.0.0.0:1777 testnet, 127.0.0.1:2776 devnet).")
  String p2pEndpoint;

  @Option(names = "--seed-node", paramLabel = "HOST:PORT", description = "Peer to connect to (repeatable; default: the network's seed nodes).")
  List<String> seedNodes;

  @Option(names = "--rpc-endpoint", paramLabel = "HOST:PORT", description = "JSON-RPC endpoint (accepted; served by a later release).")
  String rpcEndpoint;

  @Option(names = "--trusted-node", paramLabel = "HOST:PORT",
      description = "bitshares-core node (JSON-RPC over HTTP, POST /rpc) trusted for the vote-derived state of the maintenance it is in (repeatable: every reachable node in that maintenance must agree, else it is learned from production; a node on another chain is refused); older maintenances are learned from production.")
  List<String> trustedNodes;

  @Option(names = "--max-peers", paramLabel = "N", description = "Most simultaneous peers (default: " + NodeConfig.DEFAULT_MAX_PEERS + ").")
  String maxPeers;

  @Option(names = "--progress-interval", paramLabel = "S", description = "Seconds between progress lines (default: 5).")
  String progressInterval;

  @Option(names = "--genesis", paramLabel = "FILE",
      description = "bitshares-core genesis.json to initialise an empty store from (devnet default: <data-dir>/genesis.json).")
  String genesis;

  @Option(names = "--producer", paramLabel = "WITNESS",
      description = "Devnet only: produce blocks for this witness account with its seed-derived key (repeatable).")
  List<String> producers;

  @Option(names = "--seconds", paramLabel = "S", hidden = true, description = "Stop after S seconds (tests).")
  Long seconds;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The settings given on the command line. */
  Map<Setting, List<String>> commandLine() {
    Map<Setting, List<String>> m = new EnumMap<>(Setting.class);
    put(m, Setting.NETWORK, network);
    put(m, Setting.DATA_DIR, dataDir);
    put(m, Setting.P2P_ENDPOINT, p2pEndpoint);
    putAll(m, Setting.SEED_NODE, seedNodes);
    put(m, Setting.RPC_ENDPOINT, rpcEndpoint);
    putAll(m, Setting.TRUSTED_NODE, trustedNodes);
    put(m, Setting.MAX_PEERS, maxPeers);
    put(m, Setting.PROGRESS_INTERVAL, progressInterval);
    put(m, Setting.GENESIS, genesis);
    putAll(m, Setting.PRODUCER, producers);
    return m;
  }

  private static void put(Map<Setting, List<String>> m, Setting s, String v) {
    if (v != null) {
      m.put(s, List.of(v));
    }
  }

  private static void putAll(Map<Setting, List<String>> m, Setting s, List<String> v) {
    if (v != null && !v.isEmpty()) {
      m.put(s, List.copyOf(v));
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    NodeConfig cfg;
    try {
      cfg = NodeConfigLoader.forUser().load(commandLine(), System.getenv());
    } catch (ConfigException e) {
      throw new CliIo.UserError(e.getMessage());
    }
    ObjectMapper om = new ObjectMapper();
    ObjectNode start = om.createObjectNode();
    start.set("effective_configuration", om.valueToTree(cfg.effective()));
    out.println(om.writeValueAsString(start));
    out.flush();
    LOG.info("{}", cfg.describe());

    NodeAssembly.Assembled a = NodeAssembly.assemble(cfg, line -> System.err.println(line));
    GraphyneNode node = a.node();
    CountDownLatch done = new CountDownLatch(1);
    List<ServiceController.StopResult> results = new ArrayList<>();
    // The report is printed by whichever thread stops the node, before the stop completes: on
    // SIGTERM that is the shutdown hook, and the JVM halts as soon as the hook returns, so the main
    // thread would race the halt if it printed.
    ShutdownHook hook = new ShutdownHook(node.services(), ShutdownHook.DEFAULT_BUDGET, r -> {
      results.addAll(r);
      printStopped(out, om, results, node.status().headNum());
      done.countDown();
    });
    node.start();
    hook.install();
    ObjectNode started = om.createObjectNode();
    started.put("started", true);
    started.put("chain_id", a.chain().chainIdHex());
    started.put("p2p_port", node.p2pPort());
    started.put("head", node.status().headNum());
    out.println(om.writeValueAsString(started));
    out.flush();
    if (seconds != null) {
      if (!done.await(seconds, TimeUnit.SECONDS)) {
        hook.stopAndRemove();
      }
    } else {
      done.await();
    }
    return 0;
  }

  private static void printStopped(
      PrintWriter out, ObjectMapper om, List<ServiceController.StopResult> results, long head) {
    ObjectNode stopped = om.createObjectNode();
    ArrayNode arr = stopped.putArray("stopped");
    for (ServiceController.StopResult r : results) {
      ObjectNode o = arr.addObject();
      o.put("service", r.service());
      o.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
      o.put("millis", r.millis());
    }
    stopped.put("head", head);
    try {
      out.println(om.writeValueAsString(stopped));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    out.flush();
  }

  /** The chain a configuration runs (public presets, or the devnet's genesis). */
  static ChainPreset chainOf(NodeConfig cfg) {
    return NodeAssembly.chainOf(cfg);
  }
}
