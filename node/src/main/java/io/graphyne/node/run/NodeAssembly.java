package io.graphyne.node.run;

import io.graphyne.config.ChainPreset;
import io.graphyne.config.node.NodeConfig;
import io.graphyne.node.cli.CliIo;
import io.graphyne.node.devnet.DevnetGenesis;
import io.graphyne.node.service.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Builds a {@link GraphyneNode} from a configuration: chain, core, producer. */
public final class NodeAssembly {
  private NodeAssembly() {}

  /** The node, its chain, its core and (devnet) its producer. */
  public record Assembled(GraphyneNode node, ChainPreset chain, CoreChainModule core, Optional<ProducerService> producer) {}

  /** The chain a configuration runs: a public preset, or the devnet of its genesis file. */
  public static ChainPreset chainOf(NodeConfig cfg) {
    return cfg.network().preset().orElseGet(() -> {
      if (!Files.isRegularFile(cfg.genesis())) {
        throw new CliIo.UserError("no devnet genesis at " + cfg.genesis()
            + ": run scripts/devnet, or give --genesis FILE");
      }
      try {
        return cfg.network().preset(DevnetGenesis.chainIdOf(cfg.genesis()));
      } catch (IOException e) {
        throw new CliIo.UserError("cannot read " + cfg.genesis() + ": " + e.getMessage());
      }
    });
  }

  public static Assembled assemble(NodeConfig cfg, Consumer<String> progress) {
    ChainPreset chain = chainOf(cfg);
    CoreChainModule core = CoreModules.create(cfg, chain);
    AtomicReference<GraphyneNode> self = new AtomicReference<>();
    List<Service> extra = CoreModules.producers(cfg, chain, core, m -> self.get().broadcast(m));
    int interval = CoreModules.blockInterval(cfg, chain);
    GraphyneNode node = new GraphyneNode(cfg, chain, core, extra, interval, progress);
    self.set(node);
    Optional<ProducerService> producer = extra.stream().filter(ProducerService.class::isInstance)
        .map(ProducerService.class::cast).findFirst();
    return new Assembled(node, chain, core, producer);
  }
}
