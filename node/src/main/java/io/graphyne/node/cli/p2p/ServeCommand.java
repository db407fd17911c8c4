package io.graphyne.node.cli.p2p;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.p2p.chain.ChainGenerator;
import io.graphyne.p2p.chain.MemoryChain;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.session.P2pConfig;
import io.graphyne.p2p.session.P2pListener;
import io.graphyne.p2p.session.P2pNode;
import io.graphyne.p2p.session.PeerDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphyne p2p serve}: serve a stored chain to any peer that syncs from us. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve a chain (one hex-encoded signed block per line) over P2P until stopped.")
public final class ServeCommand implements Callable<Integer> {
  static final String DEFAULT_HOST = "0.0.0.0";
  static final int DEFAULT_PORT = 1776;

  @Option(names = "--blocks", paramLabel = "FILE", description = "Blocks file: one hex signed block per line.")
  Path blocksFile;

  @Option(names = "--generate", paramLabel = "N", description = "Serve N generated linked signed blocks instead of a file.")
  Integer generate;

  @Option(names = "--port", paramLabel = "P", defaultValue = "" + DEFAULT_PORT,
      description = "Listen port, 0 for an ephemeral one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "H", defaultValue = DEFAULT_HOST,
      description = "Listen address (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--chain", paramLabel = "C", defaultValue = ProbeCommand.DEFAULT_CHAIN,
      description = "Chain: mainnet, testnet or a chain id in hex (default: ${DEFAULT-VALUE}).")
  String chain;

  @Option(names = "--seconds", paramLabel = "S", description = "Stop after S seconds (default: run until killed).")
  Long seconds;

  @Option(names = "--seed-nodes", description = "Also dial the chain preset's seed nodes (join the network).")
  boolean seedNodes;

  @Option(names = "--peers-db", paramLabel = "FILE", description = "Persist known peer addresses to this JSON file.")
  Path peersDb;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if ((blocksFile == null) == (generate == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give exactly one of --blocks FILE or --generate N");
    }
    PrintWriter out = spec.commandLine().getOut();
    EcCrypto ec = EcCrypto.system();
    MemoryChain served;
    if (blocksFile != null) {
      served = MemoryChain.load(blocksFile);
    } else {
      served = new MemoryChain();
      ChainGenerator.extend(served, generate, ec, ec.newPrivateKey(), 1_700_000_000L);
    }
    var preset = P2pCommand.preset(chain);
    P2pConfig cfg = P2pConfig.defaults(preset.chainId()).withListen(host, port == 0 ? -1 : port);
    cfg = cfg.withSeeds(seedNodes ? preset.seedNodes() : java.util.List.of()).withPeerDatabase(peersDb);
    if (!seedNodes) {
      cfg = cfg.withMaxPeers(cfg.maxPeers(), 0);
    }
    PeerDatabase db = peersDb == null ? new PeerDatabase() : PeerDatabase.load(peersDb);
    CountDownLatch stop = new CountDownLatch(1);
    try (P2pNode node = new P2pNode(cfg, served, ec, P2pListener.NONE, java.time.Clock.systemUTC(), db)) {
      node.start();
      CountDownLatch reported = new CountDownLatch(1);
      Thread hook =
          new Thread(
              () -> {
                stop.countDown();
                try {
                  reported.await(5, TimeUnit.SECONDS); // let the final line out
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "graphyne-p2p-serve-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      ObjectMapper om = new ObjectMapper();
      ObjectNode o = om.createObjectNode();
      o.put("listening", host + ":" + node.boundPort());
      o.put("chain_id", cfg.chainId().toHex());
      o.put("blocks", served.size());
      o.put("head_id", served.head().id().toHex());
      o.put("node_id", node.nodeId().toHex());
      out.println(om.writeValueAsString(o));
      out.flush();
      if (seconds != null) {
        stop.await(seconds, TimeUnit.SECONDS);
      } else {
        stop.await();
      }
      long servedCount = node.blocksServed();
      long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000L;
      ObjectNode fin = om.createObjectNode();
      fin.put("stopped", true);
      fin.put("blocks_served", servedCount);
      fin.put("cpu_ms", cpuMs);
      fin.put("cpu_ms_per_block_served", servedCount == 0 ? 0 : Math.round(cpuMs * 1000.0 / servedCount) / 1000.0);
      out.println(om.writeValueAsString(fin));
      out.flush();
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // already shutting down
      }
    }
    return 0;
  }
}
