package io.graphyne.config.node;

import io.graphyne.config.ChainPreset;
import io.graphyne.config.ChainPresets;
import io.graphyne.protocol.Bytes;
import java.util.Locale;
import java.util.Optional;

/** The networks {@code graphyne run --network} knows, with their preset defaults. */
public enum Network {
  BITSHARES("0.0.0.0:1776"),
  TESTNET("0.0.0.0:1777"),
  /** A local chain from a generated genesis (its chain id is the genesis file's sha256). */
  DEVNET("127.0.0.1:2776");

  private final String defaultP2pEndpoint;

  Network(String defaultP2pEndpoint) {
    this.defaultP2pEndpoint = defaultP2pEndpoint;
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public HostPort defaultP2pEndpoint() {
    return HostPort.parse(defaultP2pEndpoint);
  }

  /** The preset of a public network; empty for the devnet, whose id comes from its genesis. */
  public Optional<ChainPreset> preset() {
    return switch (this) {
      case BITSHARES -> Optional.of(ChainPresets.BITSHARES);
      case TESTNET -> Optional.of(ChainPresets.TESTNET);
      case DEVNET -> Optional.empty();
    };
  }

  /** The chain preset, given the devnet's chain id (ignored for public networks). */
  public ChainPreset preset(Bytes devnetChainId) {
    return preset().orElseGet(() -> ChainPresets.devnet(devnetChainId));
  }

  /** Parses bitshares (mainnet, bts), testnet (test) or devnet. */
  public static Network parse(String s) {
    String v = s.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "bitshares", "mainnet", "bts" -> BITSHARES;
      case "testnet", "test" -> TESTNET;
      case "devnet", "dev" -> DEVNET;
      default -> throw new IllegalArgumentException(
          "unknown network '" + s + "': use bitshares, testnet or devnet");
    };
  }
}
