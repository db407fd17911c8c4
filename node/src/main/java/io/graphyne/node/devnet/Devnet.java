package io.graphyne.node.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphyne.config.node.HostPort;
import io.graphyne.config.node.Network;
import io.graphyne.config.node.NodeConfig;
import io.graphyne.node.chain.Reason;
import io.graphyne.node.chain.TxResult;
import io.graphyne.node.run.CoreChainModule;
import io.graphyne.node.run.NodeAssembly;
import io.graphyne.node.service.NodeStatus;
import io.graphyne.protocol.Bytes;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local devnet in one process over real sockets on 127.0.0.1: a producing node holding every
 * witness key (block interval from the genesis, 1 s by default), two validating nodes that sync
 * from it and from each other, and a load generator peer. Each node is a full {@code graphyne run}
 * node (its own RocksDB store, P2P, state thread); only the process is shared.
 */
public final class Devnet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Devnet.class);
  public static final String PRODUCER = "producer";

  /**
   * @param basePort producer's P2P port; validators use the next ones (0 = ephemeral ports)
   */
  public record Options(Path dir, boolean reset, int witnesses, int blockInterval, int basePort, Duration loadTick,
      int transfersPerTick, long seed) {
    public static Options defaults(Path dir) {
      return new Options(dir, false, 5, 1, 2776, Duration.ofMillis(500), 4, 1);
    }

    public Options withReset(boolean r) {
      return new Options(dir, r, witnesses, blockInterval, basePort, loadTick, transfersPerTick, seed);
    }

    public Options withBasePort(int p) {
      return new Options(dir, reset, witnesses, blockInterval, basePort, loadTick, transfersPerTick, seed);
    }
  }

  /** One running node of the devnet. */
  public static final class Member {
    final String name;
    final NodeConfig config;
    NodeAssembly.Assembled assembled;

    Member(String name, NodeConfig config) {
      this.name = name;
      this.config = config;
    }

    public String name() {
      return name;
    }

    public CoreChainModule core() {
      return assembled.core();
    }

    public NodeStatus status() {
      return assembled.node().status();
    }

    public int port() {
      return assembled.node().p2pPort();
    }
  }

  private final Options options;
  private final List<Member> members = new ArrayList<>();
  private LoadGenerator load;
  private Bytes chainId;
  private List<String> genesisAccounts;

  public Devnet(Options options) {
    this.options = options;
  }

  public Bytes chainId() {
    return chainId;
  }

  public List<Member> members() {
    return List.copyOf(members);
  }

  public Member producer() {
    return members.get(0);
  }

  public List<Member> validators() {
    return members.subList(1, members.size());
  }

  public LoadGenerator load() {
    return load;
  }

  /** Creates (or reuses) the genesis, then starts the producer, two validators and the load. */
  public void start() throws Exception {
    if (options.reset()) {
      deleteRecursively(options.dir());
    }
    Files.createDirectories(options.dir());
    Path genesis = options.dir().resolve("genesis.json");
    if (!Files.isRegularFile(genesis)) {
      DevnetGenesis.write(DevnetGenesis.generate(Clock.systemUTC().instant(), options.witnesses(), options.blockInterval()),
          genesis);
    }
    chainId = DevnetGenesis.chainIdOf(genesis);
    JsonNode g = new ObjectMapper().readTree(genesis.toFile());
    genesisAccounts = new ArrayList<>();
    List<String> witnesses = new ArrayList<>();
    g.get("initial_accounts").forEach(a -> genesisAccounts.add(a.get("name").asText()));
    g.get("initial_witness_candidates").forEach(w -> witnesses.add(w.get("owner_name").asText()));

    Member producer = new Member(PRODUCER, config(genesis, "producer", port(0), List.of(), witnesses));
    start(producer);
    members.add(producer);
    HostPort p = new HostPort("127.0.0.1", producer.port());
    Member v1 = new Member("validator-1", config(genesis, "validator-1", port(1), List.of(p), List.of()));
    start(v1);
    members.add(v1);
    Member v2 = new Member("validator-2", config(genesis, "validator-2", port(2), List.of(p, new HostPort("127.0.0.1", v1.port())),
        List.of()));
    start(v2);
    members.add(v2);
    load = new LoadGenerator(chainId, genesisAccounts, this::endpoints, options.loadTick(), options.transfersPerTick(),
        options.seed(), Clock.systemUTC());
    load.start();
  }

  private int port(int i) {
    return options.basePort() == 0 ? 0 : options.basePort() + i;
  }

  private List<String> endpoints() {
    List<String> l = new ArrayList<>();
    for (Member m : members) {
      l.add("127.0.0.1:" + m.port());
    }
    return l;
  }

  private NodeConfig config(Path genesis, String dir, int port, List<HostPort> seeds, List<String> producers) {
    return new NodeConfig(Network.DEVNET, options.dir().resolve(dir), new HostPort("127.0.0.1", port), seeds,
        Optional.empty(), List.of(), 10, Duration.ofSeconds(5), genesis, producers, Map.of());
  }

  private static void start(Member m) throws Exception {
    m.assembled = NodeAssembly.assemble(m.config, null);
    m.assembled.node().start();
  }

  /** Stops a validator (as a crash would, but cleanly) and starts it again on its data directory. */
  public void restartValidator(int index) throws Exception {
    Member old = members.get(1 + index);
    old.assembled.node().stop(Duration.ofSeconds(9));
    List<HostPort> seeds = new ArrayList<>();
    for (Member m : members) {
      if (m != old) {
        seeds.add(new HostPort("127.0.0.1", m.port()));
      }
    }
    NodeConfig c = old.config;
    NodeConfig again = new NodeConfig(c.network(), c.dataDir(), c.p2pEndpoint(), seeds, c.rpcEndpoint(), c.trustedNodes(),
        c.maxPeers(), c.progressInterval(), c.genesis(), c.producers(), Map.of());
    Member m = new Member(old.name, again);
    start(m);
    members.set(1 + index, m);
  }

  /** Stops one validator without restarting it. */
  public void stopValidator(int index) {
    members.get(1 + index).assembled.node().stop(Duration.ofSeconds(9));
  }

  /** Stops producing and sending, so every node can settle on the same head. */
  public void quiesce() {
    if (load != null) {
      load.pause();
    }
    producer().assembled.producer().ifPresent(io.graphyne.node.run.ProducerService::pause);
  }

  /**
   * Stops sending, waits (up to {@code timeout}) until the producer's mempool is empty, so every
   * valid transaction sent is in a block, then stops producing.
   */
  public void settle(Duration timeout) throws Exception {
    quiesceLoad();
    Thread.sleep(1500); // transactions in flight reach the producer
    long deadline = System.nanoTime() + timeout.toNanos();
    CoreChainModule core = producer().core();
    while (core.onState(() -> core.controller().mempoolSize(), 10) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    quiesce();
  }

  /** Stops the load generator's sending only. */
  public void quiesceLoad() {
    if (load != null) {
      load.pause();
    }
  }

  /** Resumes producing and sending after {@link #quiesce}. */
  public void resume() {
    producer().assembled.producer().ifPresent(io.graphyne.node.run.ProducerService::resume);
    if (load != null) {
      load.resume();
    }
  }

  /** Where every node stands: head, its id, and the state hash at that head (read together). */
  public record Standing(String node, long head, Bytes headId, Bytes stateHash) {}

  public List<Standing> standings() throws Exception {
    List<Standing> out = new ArrayList<>();
    for (Member m : members) {
      CoreChainModule.HashedHead h = m.core().hashedHead();
      out.add(new Standing(m.name, h.num(), h.id(), h.stateHash()));
    }
    return out;
  }

  /** True when every validator is at the producer's head with the producer's state hash. */
  public static boolean agree(List<Standing> s) {
    Standing p = s.get(0);
    for (Standing v : s.subList(1, s.size())) {
      if (v.head() != p.head() || !v.headId().equals(p.headId()) || !v.stateHash().equals(p.stateHash())) {
        return false;
      }
    }
    return true;
  }

  /** Waits up to {@code timeout} for the validators to reach the producer's head and agree. */
  public List<Standing> awaitAgreement(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Standing> s = standings();
    while (!agree(s) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      s = standings();
    }
    return s;
  }

  /** How the nodes treated what the load generator sent. */
  public record Check(int nodes, long validSent, long validIncluded, long invalidSent, long invalidRejectedRight,
      long invalidIncluded, long wrongVerdicts, long unseen, List<String> problems) {
    /** Every valid one included; every invalid one rejected by every node with the right reason. */
    public boolean ok() {
      return validIncluded == validSent && invalidRejectedRight == invalidSent * nodes && invalidIncluded == 0
          && wrongVerdicts == 0;
    }
  }

  /**
   * Checks every transaction sent: each valid one is in a block of the producer's chain, each invalid one was rejected by
   * every node with its expected reason (T3 with missing_active or irrelevant_sig) and is in no block.
   * Call after {@link #quiesce} and {@link #awaitAgreement}.
   */
  public Check check() {
    long validSent = 0;
    long validIncluded = 0;
    long invalidSent = 0;
    long right = 0;
    long invalidIncluded = 0;
    long wrong = 0;
    long unseen = 0;
    List<String> problems = new ArrayList<>();
    for (LoadGenerator.Sent s : load.sent()) {
      LoadScenario.Planned p = s.planned();
      boolean included = inProducerChain(p.id());
      if (p.expected() == Expected.ACCEPT) {
        validSent++;
        if (included) {
          validIncluded++;
        } else if (problems.size() < 20) {
          problems.add("valid transaction not included: " + p.description() + " " + p.id().toHex() + " producer: "
              + producer().core().verdict(p.id()).map(Object::toString).orElse("unseen"));
        }
        continue;
      }
      invalidSent++;
      if (included) {
        invalidIncluded++;
        problems.add("invalid transaction included: " + p.description());
      }
      for (Member m : members) {
        Optional<TxResult> v = m.core().verdict(p.id());
        if (v.isEmpty()) {
          unseen++;
          if (problems.size() < 20) {
            problems.add(m.name + " never saw " + p.description());
          }
        } else if (v.get().reason() == Reason.T3_AUTHORITY && v.get().authError() == p.expected().error()) {
          right++;
        } else {
          wrong++;
          if (problems.size() < 20) {
            problems.add(m.name + " rejected " + p.description() + " with " + v.get() + ", expected " + p.expected());
          }
        }
      }
    }
    return new Check(members.size(), validSent, validIncluded, invalidSent, right, invalidIncluded, wrong, unseen, problems);
  }

  /** True if the producer's committed chain holds the transaction (validators agree with it). */
  private boolean inProducerChain(Bytes txId) {
    try {
      CoreChainModule core = producer().core();
      return core.onState(() -> core.controller().store().state().transactionLocation(txId).isPresent(), 10);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the producer's chain: " + e, e);
    }
  }

  @Override
  public void close() {
    if (load != null) {
      load.stop();
    }
    for (int i = members.size() - 1; i >= 0; i--) {
      Member m = members.get(i);
      if (m.assembled != null) {
        m.assembled.node().stop(Duration.ofSeconds(9));
      }
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
        Files.delete(f);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
