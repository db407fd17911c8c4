package io.graphyne.config;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.protocol.Bytes;
import io.graphyne.util.Hex;
import java.util.List;
import java.util.Locale;

/**
 * The built-in chain presets. Chain ids: spec/chain.md §6 (mainnet from bitsharesjs-ws's
 * ChainConfig; testnet = sha256 of the testnet genesis file, checked in the tests). Seed nodes:
 * bitshares-core {@code libraries/egenesis/seed-nodes.txt} (master) and
 * {@code seed-nodes-testnet.txt} (branch testnet). Hardfork times: {@link HardforkSchedule}.
 */
public final class ChainPresets {
  private ChainPresets() {}

  public static final ChainPreset BITSHARES =
      new ChainPreset(
          "bitshares",
          Bytes.fromHex("4018d7844c78f6a6c41c6a552b898022310fc5dec06da467ee7905a8dad512c8"),
          "BTS",
          "BTS",
          List.of(
              "bts-seed1.abit-more.com:62015",
              "seed.roelandp.nl:1776",
              "seed1.xbts.io:1776",
              "seed2.xbts.io:1776",
              "seed4.xbts.io:1776",
              "seeds.btsnodes.com:1776"),
          1776,
          HardforkSchedule.mainnet());

  public static final ChainPreset TESTNET =
      new ChainPreset(
          "testnet",
          Bytes.fromHex("39f5e2ede1f8bc1a3a54a7914414e3779e33193f1f5693510e73cb7a87617447"),
          "TEST",
          "TEST",
          List.of("bts-testnet-seed1.abit-more.com:1779", "testnet-seed.xbts.io:1778"),
          1776,
          HardforkSchedule.testnet());

  /**
   * A local devnet: its chain id is the sha256 of its generated genesis file; keys use the BTS
   * prefix (as a private chain run by bitshares-core does) and every hardfork is active from genesis.
   */
  public static ChainPreset devnet(Bytes chainId) {
    return new ChainPreset("devnet", chainId, "BTS", "BTS", List.of(), 2776, HardforkSchedule.allActive());
  }

  public static List<ChainPreset> all() {
    return List.of(BITSHARES, TESTNET);
  }

  /**
   * Resolves {@code bitshares} (also {@code mainnet}, {@code bts}), {@code testnet}, or a 64-hex
   * chain id (a known id maps to its preset; another id becomes a custom chain with {@code
   * prefixForCustom}).
   */
  public static ChainPreset resolve(String nameOrChainId, String prefixForCustom) {
    String s = nameOrChainId.strip().toLowerCase(Locale.ROOT);
    switch (s) {
      case "bitshares":
      case "mainnet":
      case "bts":
        return BITSHARES;
      case "testnet":
      case "test":
        return TESTNET;
      default:
        break;
    }
    if (s.length() == 64 && Hex.isHex(s)) {
      Bytes id = Bytes.fromHex(s);
      for (ChainPreset p : all()) {
        if (p.chainId().equals(id)) {
          return p;
        }
      }
      return ChainPreset.custom(id, prefixForCustom == null ? "BTS" : prefixForCustom);
    }
    throw new IllegalArgumentException(
        "unknown chain '" + nameOrChainId + "': use bitshares, testnet, or a 64-hex chain id");
  }
}
