package io.graphyne.config.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the node configuration. Precedence, highest first: command line, {@code GRAPHYNE_*}
 * environment variables, {@code config.toml} in the data directory, preset defaults. The data
 * directory itself comes from the command line or the environment (the file lives inside it); the
 * network may also come from the file, but the default data directory is chosen before the file is
 * read. Unknown keys in the file, malformed values and oversized files fail with a {@link
 * ConfigException} naming the setting and its source. Reads the file in {@link #load}, never in a
 * constructor.
 */
public final class NodeConfigLoader {
  public static final String CONFIG_FILE = "config.toml";
  /** Larger config files are refused (untrusted input). */
  public static final long MAX_CONFIG_FILE_BYTES = 1 << 20;
  /** Most entries in one list setting. */
  public static final int MAX_LIST_ENTRIES = 1000;

  private final Path home;

  /** @param home the user's home directory (default data directories live under home/.graphyne) */
  public NodeConfigLoader(Path home) {
    this.home = home;
  }

  public static NodeConfigLoader forUser() {
    return new NodeConfigLoader(Path.of(System.getProperty("user.home")));
  }

  /** The default data directory of a network: {@code ~/.graphyne/<network>}. */
  public Path defaultDataDir(Network n) {
    return home.resolve(".graphyne").resolve(n.cliName());
  }

  /**
   * @param commandLine the settings given on the command line (only those given), each a list of
   *     raw strings (one element for a scalar)
   * @param environment the process environment (only {@code GRAPHYNE_*} names of known settings are
   *     read; others are ignored)
   */
  public NodeConfig load(Map<Setting, List<String>> commandLine, Map<String, String> environment) {
    Layers layers = new Layers();
    layers.cli.putAll(commandLine);
    for (Setting s : Setting.values()) {
      String v = environment.get(s.envName());
      if (v != null && !v.isBlank()) {
        layers.env.put(s, s.isList() ? splitCommas(v) : List.of(v.strip()));
      }
    }
    Network early =
        layers.first(Setting.NETWORK, false).map(r -> network(r.values.get(0), r.source)).orElse(Network.BITSHARES);
    Path dataDir =
        layers.first(Setting.DATA_DIR, false).map(r -> Path.of(r.values.get(0))).orElse(defaultDataDir(early));
    Path file = dataDir.resolve(CONFIG_FILE);
    if (Files.isRegularFile(file)) {
      layers.file.putAll(readToml(file));
    }
    Map<Setting, ConfigSource> sources = new EnumMap<>(Setting.class);
    Network network = resolve(layers, sources, Setting.NETWORK, v -> network(v.get(0), null), Network.BITSHARES);
    resolve(layers, sources, Setting.DATA_DIR, v -> null, null);
    HostPort p2p = resolve(layers, sources, Setting.P2P_ENDPOINT, v -> HostPort.parse(v.get(0)), network.defaultP2pEndpoint());
    List<HostPort> presetSeeds = new ArrayList<>();
    network.preset().ifPresent(p -> p.seedNodes().forEach(s -> presetSeeds.add(HostPort.parse(s))));
    List<HostPort> seeds = resolve(layers, sources, Setting.SEED_NODE, NodeConfigLoader::hostPorts, presetSeeds);
    Optional<HostPort> rpc =
        resolve(layers, sources, Setting.RPC_ENDPOINT, v -> Optional.of(HostPort.parse(v.get(0))), Optional.empty());
    List<HostPort> trusted = resolve(layers, sources, Setting.TRUSTED_NODE, NodeConfigLoader::hostPorts, List.of());
    int maxPeers = resolve(layers, sources, Setting.MAX_PEERS, v -> boundedInt(v.get(0), 1, 1000), NodeConfig.DEFAULT_MAX_PEERS);
    Duration progress =
        resolve(layers, sources, Setting.PROGRESS_INTERVAL, v -> Duration.ofSeconds(boundedInt(v.get(0), 1, 3600)),
            NodeConfig.DEFAULT_PROGRESS_INTERVAL);
    Path genesis = resolve(layers, sources, Setting.GENESIS, v -> Path.of(v.get(0)), dataDir.resolve("genesis.json"));
    List<String> producers = resolve(layers, sources, Setting.PRODUCER, NodeConfigLoader::names, List.of());
    if (!producers.isEmpty() && network != Network.DEVNET) {
      throw new ConfigException("producer is only available on the devnet (its keys are derived from public seeds)");
    }
    return new NodeConfig(network, dataDir, p2p, seeds, rpc, trusted, maxPeers, progress, genesis, producers, sources);
  }

  private interface Parser<T> {
    T parse(List<String> values);
  }

  private static <T> T resolve(Layers layers, Map<Setting, ConfigSource> sources, Setting s, Parser<T> p, T dflt) {
    Optional<Raw> raw = layers.first(s, true);
    if (raw.isEmpty()) {
      sources.put(s, ConfigSource.DEFAULT);
      return dflt;
    }
    Raw r = raw.get();
    sources.put(s, r.source);
    if (s == Setting.DATA_DIR) {
      return null;
    }
    try {
      return p.parse(r.values);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where(s, r.source) + ": " + e.getMessage(), e);
    }
  }

  private static String where(Setting s, ConfigSource src) {
    return switch (src) {
      case COMMAND_LINE -> s.option();
      case ENVIRONMENT -> s.envName();
      case CONFIG_FILE -> CONFIG_FILE + " key '" + s.key() + "'";
      case DEFAULT -> s.key();
    };
  }

  private static Network network(String v, ConfigSource src) {
    try {
      return Network.parse(v);
    } catch (IllegalArgumentException e) {
      throw new ConfigException((src == null ? "network" : where(Setting.NETWORK, src)) + ": " + e.getMessage(), e);
    }
  }

  private static List<HostPort> hostPorts(List<String> v) {
    List<HostPort> r = new ArrayList<>(v.size());
    for (String s : v) {
      r.add(HostPort.parse(s));
    }
    return r;
  }

  private static List<String> names(List<String> v) {
    for (String s : v) {
      if (!s.matches("[a-z][a-z0-9.-]{0,62}")) {
        throw new IllegalArgumentException("not an account name: '" + s + "'");
      }
    }
    return List.copyOf(v);
  }

  private static int boundedInt(String v, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: '" + v + "'");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(n + " is outside " + min + ".." + max);
    }
    return n;
  }

  private static List<String> splitCommas(String v) {
    List<String> r = new ArrayList<>();
    for (String p : v.split(",")) {
      if (!p.isBlank()) {
        r.add(p.strip());
      }
    }
    if (r.size() > MAX_LIST_ENTRIES) {
      throw new ConfigException("too many entries in an environment list (most " + MAX_LIST_ENTRIES + ")");
    }
    return r;
  }

  /** Reads config.toml: top-level keys only, each a known setting; scalars or arrays of scalars. */
  static Map<Setting, List<String>> readToml(Path file) {
    JsonNode root;
    try {
      long size = Files.size(file);
      if (size > MAX_CONFIG_FILE_BYTES) {
        throw new ConfigException(file + " is " + size + " bytes; most " + MAX_CONFIG_FILE_BYTES);
      }
      root = new TomlMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<Setting, List<String>> out = new EnumMap<>(Setting.class);
    if (root == null) {
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Setting s = Setting.byKey(e.getKey())
          .orElseThrow(() -> new ConfigException(
              "unknown setting '" + e.getKey() + "' in " + file + " (known: " + knownKeys() + ")"));
      if (s == Setting.DATA_DIR) {
        throw new ConfigException("data-dir cannot be set in " + file + " (the file lives in it)");
      }
      JsonNode v = e.getValue();
      List<String> values = new ArrayList<>();
      if (v.isArray()) {
        if (!s.isList()) {
          throw new ConfigException("'" + s.key() + "' in " + file + " takes one value, not an array");
        }
        if (v.size() > MAX_LIST_ENTRIES) {
          throw new ConfigException("'" + s.key() + "' in " + file + " has more than " + MAX_LIST_ENTRIES + " entries");
        }
        for (JsonNode x : v) {
          values.add(scalar(s, x, file));
        }
      } else {
        values.add(scalar(s, v, file));
      }
      out.put(s, values);
    }
    return out;
  }

  private static String scalar(Setting s, JsonNode x, Path file) {
    if (!x.isValueNode() || x.isNull()) {
      throw new ConfigException("'" + s.key() + "' in " + file + " must be a string, number or boolean");
    }
    return x.asText();
  }

  private static String knownKeys() {
    StringBuilder b = new StringBuilder();
    for (Setting s : Setting.values()) {
      if (s != Setting.DATA_DIR) {
        b.append(b.length() == 0 ? "" : ", ").append(s.key());
      }
    }
    return b.toString();
  }

  private record Raw(List<String> values, ConfigSource source) {}

  private static final class Layers {
    final Map<Setting, List<String>> cli = new EnumMap<>(Setting.class);
    final Map<Setting, List<String>> env = new EnumMap<>(Setting.class);
    final Map<Setting, List<String>> file = new EnumMap<>(Setting.class);

    Optional<Raw> first(Setting s, boolean includeFile) {
      if (cli.containsKey(s) && !cli.get(s).isEmpty()) {
        return Optional.of(new Raw(cli.get(s), ConfigSource.COMMAND_LINE));
      }
      if (env.containsKey(s)) {
        return Optional.of(new Raw(env.get(s), ConfigSource.ENVIRONMENT));
      }
      if (includeFile && file.containsKey(s)) {
        return Optional.of(new Raw(file.get(s), ConfigSource.CONFIG_FILE));
      }
      return Optional.empty();
    }
  }
}
