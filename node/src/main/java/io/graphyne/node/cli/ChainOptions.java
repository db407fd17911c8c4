package io.graphyne.node.cli;

import io.graphyne.config.ChainPreset;
import io.graphyne.config.ChainPresets;
import io.graphyne.protocol.codec.JsonContext;
import picocli.CommandLine.Option;

/** {@code --chain} and {@code --prefix}, shared by every command that needs a chain. */
public final class ChainOptions {
  public static final String DEFAULT_CHAIN = "bitshares";

  @Option(
      names = "--chain",
      paramLabel = "CHAIN",
      defaultValue = DEFAULT_CHAIN,
      description = "bitshares, testnet, or a 64-hex chain id (default: ${DEFAULT-VALUE})")
  String chain = DEFAULT_CHAIN;

  @Option(
      names = "--prefix",
      paramLabel = "PREFIX",
      description = "Address prefix for a chain given by id (default: BTS)")
  String prefix;

  public ChainPreset preset() {
    ChainPreset p = ChainPresets.resolve(chain, prefix);
    if (prefix != null && !prefix.equals(p.addressPrefix())) {
      return p.withPrefix(prefix);
    }
    return p;
  }

  public JsonContext json() {
    return new JsonContext(preset().addressPrefix());
  }
}
