package io.graphyne.config.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration of a node, typed, with where each value came from. Built by
 * {@link NodeConfigLoader}; immutable.
 *
 * @param seedNodes the peers to dial (the preset's seed nodes unless set)
 * @param producers devnet only: witness accounts this node produces blocks for
 */
public record NodeConfig(
    Network network,
    Path dataDir,
    HostPort p2pEndpoint,
    List<HostPort> seedNodes,
    Optional<HostPort> rpcEndpoint,
    List<HostPort> trustedNodes,
    int maxPeers,
    Duration progressInterval,
    Path genesis,
    List<String> producers,
    Map<Setting, ConfigSource> sources) {

  public static final int DEFAULT_MAX_PEERS = 50;
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(5);

  public NodeConfig {
    seedNodes = List.copyOf(seedNodes);
    trustedNodes = List.copyOf(trustedNodes);
    producers = List.copyOf(producers);
    EnumMap<Setting, ConfigSource> m = new EnumMap<>(Setting.class);
    m.putAll(sources);
    sources = Collections.unmodifiableMap(m);
  }

  public ConfigSource sourceOf(Setting s) {
    return sources.getOrDefault(s, ConfigSource.DEFAULT);
  }

  /** The value of a setting as printed (strings and lists of strings). */
  public Object valueOf(Setting s) {
    return switch (s) {
      case NETWORK -> network.cliName();
      case DATA_DIR -> dataDir.toString();
      case P2P_ENDPOINT -> p2pEndpoint.toString();
      case SEED_NODE -> strings(seedNodes);
      case RPC_ENDPOINT -> rpcEndpoint.map(HostPort::toString).orElse("");
      case TRUSTED_NODE -> strings(trustedNodes);
      case MAX_PEERS -> Integer.toString(maxPeers);
      case PROGRESS_INTERVAL -> Long.toString(progressInterval.toSeconds());
      case GENESIS -> genesis.toString();
      case PRODUCER -> producers;
    };
  }

  /**
   * The effective configuration for printing at start-up: setting name to {@code {value, source}},
   * in declaration order.
   */
  public Map<String, Map<String, Object>> effective() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (Setting s : Setting.values()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("value", valueOf(s));
      e.put("source", sourceOf(s).label());
      out.put(s.key(), e);
    }
    return out;
  }

  /** One line per setting ({@code name = value (source)}), for humans. */
  public String describe() {
    StringBuilder b = new StringBuilder("effective configuration:");
    for (Setting s : Setting.values()) {
      b.append(System.lineSeparator()).append("  ").append(s.key()).append(" = ").append(valueOf(s))
          .append("  (").append(sourceOf(s).label()).append(')');
    }
    return b.toString();
  }

  /** The peer database file inside the data directory. */
  public Path peerDatabase() {
    return dataDir.resolve("peers.json");
  }

  private static List<String> strings(List<HostPort> l) {
    List<String> r = new ArrayList<>(l.size());
    l.forEach(h -> r.add(h.toString()));
    return r;
  }
}
