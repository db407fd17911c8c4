package io.graphyne.node.run;

import io.graphyne.config.ChainPreset;
import io.graphyne.config.node.NodeConfig;
import io.graphyne.node.cli.CliIo;
import io.graphyne.node.service.Service;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The validating core (issue 7) plugged into the node: chain controller and devnet producer. */
final class CoreModules {
  private CoreModules() {}

  static CoreChainModule create(NodeConfig cfg, ChainPreset chain) {
    return new CoreChainModule(chain, Optional.of(cfg.genesis()), Clock.systemUTC());
  }

  static List<Service> producers(NodeConfig cfg, ChainPreset chain, CoreChainModule core) {
    if (!cfg.producers().isEmpty()) {
      throw new CliIo.UserError("this build has no block producer yet (issue 7): --producer is not available");
    }
    return List.of();
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
