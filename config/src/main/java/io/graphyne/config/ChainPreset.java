package io.graphyne.config;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.protocol.Bytes;
import java.util.List;
import java.util.Locale;

/**
 * What a node needs to know about a Graphene chain before it has any state: its id, the prefix of
 * its keys and addresses, its core symbol, where to find peers, the default P2P port, and the
 * hardfork times compiled into the software that runs it.
 */
public record ChainPreset(
    String name,
    Bytes chainId,
    String addressPrefix,
    String coreSymbol,
    List<String> seedNodes,
    int defaultP2pPort,
    HardforkSchedule hardforks) {

  public ChainPreset {
    if (chainId.length() != 32) {
      throw new IllegalArgumentException("a chain id is 32 bytes");
    }
    seedNodes = List.copyOf(seedNodes);
  }

  /** The chain id as lower-case hex. */
  public String chainIdHex() {
    return chainId.toHex();
  }

  /**
   * A chain known only by its id (another Graphene chain, a private chain). A private chain run by
   * a bitshares-core master build has mainnet's compiled-in hardfork times, so those are the
   * default.
   */
  public static ChainPreset custom(Bytes chainId, String addressPrefix) {
    return new ChainPreset(
        "custom", chainId, addressPrefix, addressPrefix, List.of(), 1776, HardforkSchedule.mainnet());
  }

  /** The same chain with another address prefix. */
  public ChainPreset withPrefix(String prefix) {
    return new ChainPreset(name, chainId, prefix, coreSymbol, seedNodes, defaultP2pPort, hardforks);
  }

  public String displayName() {
    return name.toLowerCase(Locale.ROOT);
  }
}
