package io.graphyne.node.cli.p2p;

import io.graphyne.protocol.Bytes;
import io.graphyne.util.Hex;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code graphyne p2p}: operator tools for the Graphene wire protocol. */
@Command(
    name = "p2p",
    mixinStandardHelpOptions = true,
    description = "Graphene P2P tools: probe a peer, serve a stored chain.",
    subcommands = {ProbeCommand.class, ServeCommand.class})
public final class P2pCommand implements Runnable {
  /** BitShares mainnet chain id. */
  public static final String MAINNET = "4018d7844c78f6a6c41c6a552b898022310fc5dec06da467ee7905a8dad512c8";
  /** BitShares public testnet chain id. */
  public static final String TESTNET = "39f5e2ede1f8bc1a3a54a7914414e3779e33193f1f5693510e73cb7a87617447";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A chain id from a preset name (mainnet, testnet) or 64 hex characters. */
  static Bytes chainId(String c) {
    String s = c.toLowerCase(Locale.ROOT);
    switch (s) {
      case "mainnet", "bts", "bitshares" -> {
        return Bytes.fromHex(MAINNET);
      }
      case "testnet", "test" -> {
        return Bytes.fromHex(TESTNET);
      }
      default -> {
        if (s.length() != 64 || !Hex.isHex(s)) {
          throw new CommandLine.ParameterException(
              new CommandLine(new P2pCommand()), "--chain must be mainnet, testnet or a 64-hex-digit chain id: " + c);
        }
        return Bytes.fromHex(s);
      }
    }
  }
}
