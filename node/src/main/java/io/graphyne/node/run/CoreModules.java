package io.graphyne.node.run;

import io.graphyne.config.ChainPreset;
import io.graphyne.config.node.NodeConfig;
import io.graphyne.node.cli.CliIo;
import io.graphyne.node.service.Service;
import java.util.List;

/**
 * The validating core (chain controller, pipeline, producer) plugged into the node. The core is
 * built in issue 7; until it is merged into this build, {@code graphyne run} says so and exits.
 */
final class CoreModules {
  private CoreModules() {}

  static ChainModule create(NodeConfig cfg, ChainPreset chain) {
    throw new CliIo.UserError("this build has no validating core yet (issue 7): graphyne run cannot validate blocks");
  }

  static List<Service> producers(NodeConfig cfg, ChainPreset chain, ChainModule core) {
    return List.of();
  }

  static int blockInterval(NodeConfig cfg, ChainPreset chain) {
    return 3;
  }
}
