package io.graphyne.config.node;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every node setting, by its one name: {@code --name} on the command line, {@code GRAPHYNE_NAME}
 * (upper snake case) in the environment, {@code name = ...} in {@code config.toml}. List settings
 * repeat on the command line, are comma-separated in the environment and arrays in TOML.
 */
public enum Setting {
  NETWORK("network", false, "bitshares | testnet | devnet"),
  DATA_DIR("data-dir", false, "where the chain store, config.toml and the peer database live"),
  P2P_ENDPOINT("p2p-endpoint", false, "host:port the P2P layer listens on (port 0 = any free port)"),
  SEED_NODE("seed-node", true, "host:port of a peer to connect to (preset seeds when unset)"),
  RPC_ENDPOINT("rpc-endpoint", false, "host:port for JSON-RPC (accepted; served by a later release)"),
  TRUSTED_NODE("trusted-node", true, "host:port of a peer trusted for state a light node cannot compute"),
  MAX_PEERS("max-peers", false, "most simultaneous peers"),
  PROGRESS_INTERVAL("progress-interval", false, "seconds between progress lines"),
  GENESIS("genesis", false, "devnet: the genesis.json to start from (default <data-dir>/genesis.json)"),
  PRODUCER("producer", true, "devnet: witness account whose seed-derived key this node produces blocks with");

  private final String key;
  private final boolean list;
  private final String description;

  Setting(String key, boolean list, String description) {
    this.key = key;
    this.list = list;
    this.description = description;
  }

  /** The TOML key and the long option name without dashes. */
  public String key() {
    return key;
  }

  public String option() {
    return "--" + key;
  }

  /** {@code GRAPHYNE_} + upper snake case. */
  public String envName() {
    return "GRAPHYNE_" + key.replace('-', '_').toUpperCase(Locale.ROOT);
  }

  public boolean isList() {
    return list;
  }

  public String description() {
    return description;
  }

  public static Optional<Setting> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
