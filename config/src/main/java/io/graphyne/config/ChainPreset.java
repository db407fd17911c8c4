package io.graphyne.config;

import io.graphyne.protocol.Bytes;
import java.util.List;
import java.util.Locale;

/**
 * What a node needs to know about a Graphene chain before it has any state: its id, the prefix of
 * its keys and addresses, its core symbol, where to find peers, and the default P2P port.
 */
public record ChainPreset(
    String name,
    Bytes chainId,
    String addressPrefix,
    String coreSymbol,
    List<String> seedNodes,
    int defaultP2pPort) {

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

  /** A chain known only by its id (another Graphene chain, a private chain). */
  public static ChainPreset custom(Bytes chainId, String addressPrefix) {
    return new ChainPreset("custom", chainId, addressPrefix, addressPrefix, List.of(), 1776);
  }

  public String displayName() {
    return name.toLowerCase(Locale.ROOT);
  }
}
