package io.graphyne.node.cli.p2p;

import io.graphyne.protocol.Bytes;
import io.graphyne.config.ChainPreset;
import io.graphyne.config.ChainPresets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code graphyne p2p}: operator tools for the Graphene wire protocol. */
@Command(
    name = "p2p",
    mixinStandardHelpOptions = true,
    description = "Graphene P2P tools: probe a peer, serve a stored chain.",
    subcommands = {ProbeCommand.class, ServeCommand.class})
public final class P2pCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The chain preset for a name (mainnet, testnet) or a 64-hex-digit chain id. */
  static ChainPreset preset(String c) {
    try {
      return ChainPresets.resolve(c, null);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          new CommandLine(new P2pCommand()), "--chain must be mainnet, testnet or a 64-hex-digit chain id: " + c);
    }
  }

  static Bytes chainId(String c) {
    return preset(c).chainId();
  }
}
