package io.graphyne.node.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.StoreOptions;
import io.graphyne.chainstore.kv.RocksConfig;
import io.graphyne.config.ChainPresets;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.chain.MaintenanceTrust;
import io.graphyne.node.chain.Trust;
import io.graphyne.node.cli.CliIo;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.node.pipeline.BlockPipeline;
import io.graphyne.node.trust.TrustedNodeTrust;
import io.graphyne.protocol.Bytes;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graphyne replay --blocks FILE [--genesis G | --data-dir D] [--chain C] [--threads N]}:
 * validates a file of blocks at full speed through the pipeline; a progress line on stderr every
 * few seconds, the JSON summary on stdout.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Validate a file of blocks (one hex signed block per line, .gz accepted) from a genesis or a data directory.")
public final class ReplayCommand implements Callable<Integer> {
  public static final int DEFAULT_PROGRESS_SECONDS = 5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--blocks", required = true, description = "Blocks file: one hex-encoded signed_block per line.")
  Path blocks;

  @Option(names = "--genesis", description = "bitshares-core genesis.json (its sha256 is the chain id).")
  Path genesis;

  @Option(names = "--data-dir", description = "RocksDB data directory (initialised from --genesis when empty; default: in memory).")
  Path dataDir;

  @Option(names = "--chain", description = "Chain preset or 64-hex chain id, for the hardfork schedule (default: from the genesis / database chain id).")
  String chain;

  @Option(names = "--threads", description = "Recovery threads (default: cores = ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--limit", description = "Replay at most this many lines.")
  long limit = -1;

  @Option(names = "--progress-seconds", description = "Seconds between progress lines (default ${DEFAULT-VALUE}).")
  int progressSeconds = DEFAULT_PROGRESS_SECONDS;

  @Option(names = "--trust-snapshot", description = "Maintenance trust source: JSON snapshot of vote-derived state (default: keep the genesis set).")
  Path trustSnapshot;

  @Option(names = "--trusted-node", paramLabel = "HOST:PORT",
      description = "bitshares-core node whose JSON-RPC over HTTP (POST /rpc) gives the vote-derived state of the maintenance it is in"
          + " (repeatable: every reachable node in that maintenance must agree; a node on another chain is refused; after --trust-snapshot)."
          + " Older maintenances are not covered.")
  List<String> trustedNodes = new ArrayList<>();

  @Option(names = "--witness-set", paramLabel = "MODE",
      description = "After a maintenance no trust source covers: last-known (keep the last known active set; other producers are B7)"
          + " or production (learn the set from production, B7 resumes once learned). Default: production with --trusted-node, else last-known.")
  String witnessSet;

  @Option(names = "--secp256k1", description = "native, java or auto (default ${DEFAULT-VALUE}).")
  String backend = "auto";

  @Override
  public Integer call() throws Exception {
    if (genesis == null && dataDir == null) {
      throw new CliIo.UserError("give --genesis G or --data-dir D");
    }
    if (!Files.isRegularFile(blocks)) {
      throw new CliIo.UserError("no such file: " + blocks);
    }
    Genesis g = genesis == null ? null : Genesis.load(genesis);
    Bytes chainId = g == null ? null : g.chainId();
    ChainStore store = dataDir == null
        ? ChainStore.inMemory(chainId)
        : ChainStore.openRocksDb(ChainStore.storeDirectory(dataDir), chainId, RocksConfig.defaults(), StoreOptions.pipelined());
    try {
      if (!store.hasGenesisState()) {
        if (g == null) {
          throw new CliIo.UserError("the data directory holds no chain yet: give --genesis");
        }
        g.initialize(store);
      }
      String preset = chain != null ? chain : store.chainId().toHex();
      HardforkSchedule hf = ChainPresets.resolve(preset, "BTS").hardforks();
      Secp256k1 secp = Secp256k1Provider.select(backend);
      ChainController.Options opts = ChainController.Options.defaults(hf);
      String prefix = ChainPresets.resolve(preset, "BTS").addressPrefix();
      List<MaintenanceTrust> sources = new ArrayList<>();
      if (trustSnapshot != null) {
        sources.add(io.graphyne.node.chain.SnapshotTrust.load(trustSnapshot, prefix));
      }
      TrustedNodeTrust nodeTrust = null;
      if (!trustedNodes.isEmpty()) {
        try {
          nodeTrust = TrustedNodeTrust.of(trustedNodes, store.chainId(), prefix);
          sources.add(nodeTrust);
        } catch (IllegalArgumentException e) {
          throw new CliIo.UserError("--trusted-node: " + e.getMessage());
        }
      }
      if (!sources.isEmpty()) {
        opts = opts.withTrust(sources.size() == 1 ? sources.get(0) : MaintenanceTrust.firstOf(sources));
      }
      String mode = witnessSet != null ? witnessSet : trustedNodes.isEmpty() ? "last-known" : "production";
      switch (mode) {
        case "last-known" -> opts = opts.withWitnessSetFromProduction(false);
        case "production" -> opts = opts.withWitnessSetFromProduction(true);
        default -> throw new CliIo.UserError("--witness-set must be last-known or production, not '" + mode + "'");
      }
      ChainController controller = ChainController.open(store, opts);
      long[] fromProduction = new long[2];
      controller.addListener(new ChainController.Listener() {
        @Override
        public void blockApplied(io.graphyne.node.chain.PreparedBlock block, io.graphyne.node.chain.BlockResult r) {
          if (r.trusted().contains(Trust.ACTIVE_WITNESS_SET_FROM_PRODUCTION)) {
            fromProduction[r.verified().contains("B7") ? 1 : 0]++;
          }
        }
      });
      PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
      Replayer.Summary s = new Replayer(controller, secp, BlockPipeline.Config.threads(threads), err, progressSeconds * 1000L)
          .replay(blocks, limit);
      ObjectNode out = CliIo.object();
      out.put("blocks", s.blocks());
      out.put("transactions", s.transactions());
      out.put("signatures", s.signatures());
      ObjectNode rej = out.putObject("rejected");
      s.rejected().forEach(rej::put);
      out.put("already_known", s.alreadyKnown());
      out.put("fork_stored", s.forkStored());
      out.put("state_hash", s.stateHash().toHex());
      out.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
      out.put("head_block_num", s.headBlockNum());
      out.put("last_irreversible_block_num", s.lastIrreversibleBlockNum());
      out.put("recovery_threads", s.threads());
      out.put("secp256k1", secp.name());
      out.put("trust_source", opts.trust().source());
      out.put("witness_set", mode);
      out.put("blocks_learning_witness_set", fromProduction[0]);
      out.put("blocks_on_learned_witness_set", fromProduction[1]);
      if (nodeTrust != null) {
        ObjectNode tn = out.putObject("trusted_nodes");
        tn.put("answers", nodeTrust.fetches());
        tn.put("failures", nodeTrust.failures());
        tn.put("disagreements", nodeTrust.disagreements());
        var refused = tn.putArray("refused_other_chain");
        nodeTrust.refused().forEach(u -> refused.add(u.toString()));
        nodeTrust.lastError().ifPresent(e -> tn.put("last_error", e.getMessage()));
      }
      ObjectNode stages = out.putObject("stages");
      for (BlockPipeline.StageMetrics m : s.stages()) {
        ObjectNode st = stages.putObject(m.stage());
        st.put("events", m.events());
        st.put("busy_seconds", Math.round(m.busyNanos() / 1e6) / 1000.0);
        if (m.cpuNanos() >= 0) {
          st.put("cpu_seconds", Math.round(m.cpuNanos() / 1e6) / 1000.0);
        }
      }
      out.put("tx_per_second", s.seconds() > 0 ? Math.round(s.transactions() / s.seconds()) : 0);
      out.put("signatures_per_second", s.seconds() > 0 ? Math.round(s.signatures() / s.seconds()) : 0);
      CliIo.print(spec.commandLine().getOut(), out, true);
      return s.rejected().isEmpty() ? 0 : 1;
    } finally {
      store.close();
    }
  }
}
