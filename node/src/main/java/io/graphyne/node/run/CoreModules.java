package io.graphyne.node.run;

import io.graphyne.config.ChainPreset;
import io.graphyne.config.node.NodeConfig;
import io.graphyne.node.service.Service;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The validating core (issue 7) plugged into the node: chain controller and devnet producer. */
final class CoreModules {
  private CoreModules() {}

  static CoreChainModule create(NodeConfig cfg, ChainPreset chain) {
    if (cfg.trustedNodes().isEmpty()) {
      return new CoreChainModule(chain, Optional.of(cfg.genesis()), Clock.systemUTC(), recoveryThreads(cfg));
    }
    // the API knows only the trusted node's current maintenance: older ones are learned from production
    var trust = io.graphyne.node.trust.TrustedNodeTrust.of(
        cfg.trustedNodes().stream().map(h -> h.host().contains(":") ? "[" + h.host() + "]:" + h.port() : h.host() + ":" + h.port()).toList(),
        chain.chainId(), chain.addressPrefix());
    return new CoreChainModule(chain, Optional.of(cfg.genesis()), Clock.systemUTC(), recoveryThreads(cfg), trust, true);
  }

  /** Recovery threads of the pipeline: every core, but one per node on the devnet (three nodes share a machine). */
  static int recoveryThreads(NodeConfig cfg) {
    int cores = Runtime.getRuntime().availableProcessors();
    return cfg.network() == io.graphyne.config.node.Network.DEVNET ? 1 : Math.max(1, cores);
  }

  /**
   * The devnet producer for the configured witnesses (their signing keys derive from public
   * seeds, so this exists only on the devnet; the config refuses producers elsewhere).
   */
  static List<Service> producers(NodeConfig cfg, ChainPreset chain, CoreChainModule core,
      java.util.function.Consumer<io.graphyne.p2p.message.Message> broadcast) {
    if (cfg.producers().isEmpty()) {
      return List.of();
    }
    List<io.graphyne.crypto.PrivateKey> keys = new java.util.ArrayList<>();
    for (String w : cfg.producers()) {
      keys.add(io.graphyne.node.devnet.DevnetKeys.witness(w));
    }
    return List.of(new ProducerService(core, keys, Clock.systemUTC(), broadcast));
  }

  /** The devnet's block interval from its genesis; 3 s (BitShares) otherwise. */
  static int blockInterval(NodeConfig cfg, ChainPreset chain) {
    if (cfg.network() == io.graphyne.config.node.Network.DEVNET && java.nio.file.Files.isRegularFile(cfg.genesis())) {
      try {
        var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cfg.genesis().toFile());
        return Math.max(1, n.path("initial_parameters").path("block_interval").asInt(3));
      } catch (java.io.IOException e) {
        return 3;
      }
    }
    return 3;
  }
}
