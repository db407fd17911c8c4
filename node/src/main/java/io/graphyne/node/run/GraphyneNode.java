package io.graphyne.node.run;

import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.StoreOptions;
import io.graphyne.chainstore.kv.RocksConfig;
import io.graphyne.config.ChainPreset;
import io.graphyne.config.node.NodeConfig;
import io.graphyne.node.service.NodeStatus;
import io.graphyne.node.service.ProgressReporter;
import io.graphyne.node.service.Service;
import io.graphyne.node.service.ServiceController;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.session.P2pConfig;
import io.graphyne.p2p.session.P2pListener;
import io.graphyne.p2p.session.P2pNode;
import io.graphyne.p2p.session.PeerDatabase;
import io.graphyne.protocol.Bytes;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node, assembled from its configuration: the services start in order (store, chain
 * core, extra services such as the devnet producer, P2P, RPC, progress line) and stop in reverse,
 * so on shutdown P2P stops first, the pipeline drains and commits, and the store closes last.
 * Nothing is opened in the constructor.
 */
public final class GraphyneNode {
  private static final Logger LOG = LoggerFactory.getLogger(GraphyneNode.class);

  private final NodeConfig config;
  private final ChainPreset chain;
  private final ChainModule core;
  private final ServiceController services;
  private volatile ChainStore store;
  private volatile P2pNode p2p;
  private volatile StoreChainAccess access;

  /**
   * @param extra services started after the chain core and before P2P (e.g. a block producer)
   * @param progressOut where progress lines go (null: no progress line)
   */
  public GraphyneNode(NodeConfig config, ChainPreset chain, ChainModule core, List<Service> extra,
      int blockIntervalSeconds, Consumer<String> progressOut) {
    this.config = config;
    this.chain = chain;
    this.core = core;
    List<Service> list = new ArrayList<>();
    list.add(Service.of("store", Duration.ofSeconds(3), this::openStore, this::closeStore));
    list.add(Service.of("chain", Duration.ofSeconds(4), () -> core.open(store), core::close));
    list.addAll(extra);
    list.add(Service.of("p2p", Duration.ofSeconds(3), this::startP2p, this::stopP2p));
    list.add(Service.of("rpc", Duration.ofSeconds(1), this::startRpc, () -> {}));
    if (progressOut != null) {
      list.add(new ProgressReporter(this::status, config.progressInterval(), blockIntervalSeconds, Clock.systemUTC(),
          progressOut));
    }
    this.services = new ServiceController(list);
  }

  public NodeConfig config() {
    return config;
  }

  public ChainModule core() {
    return core;
  }

  public ServiceController services() {
    return services;
  }

  public void start() throws Exception {
    services.start();
  }

  public List<ServiceController.StopResult> stop(Duration budget) {
    return services.stop(budget);
  }

  private void openStore() throws Exception {
    Files.createDirectories(config.dataDir());
    store = ChainStore.openRocksDb(ChainStore.storeDirectory(config.dataDir()), chain.chainId(), RocksConfig.defaults(),
        StoreOptions.pipelined());
  }

  private void closeStore() {
    ChainStore s = store;
    if (s != null) {
      s.close();
    }
  }

  private void startP2p() throws Exception {
    access = new StoreChainAccess(store, core);
    P2pConfig cfg = P2pConfig.defaults(chain.chainId())
        .withListen(config.p2pEndpoint().host(), config.p2pEndpoint().port() == 0 ? -1 : config.p2pEndpoint().port())
        .withSeeds(seeds())
        .withMaxPeers(config.maxPeers(), Math.min(config.maxPeers(), Math.max(1, seeds().size())))
        .withPeerDatabase(config.peerDatabase());
    PeerDatabase db = Files.isRegularFile(config.peerDatabase()) ? PeerDatabase.load(config.peerDatabase()) : new PeerDatabase();
    P2pNode n = new P2pNode(cfg, access, EcCrypto.system(), P2pListener.NONE, Clock.systemUTC(), db);
    n.start();
    p2p = n;
  }

  /** Announces a block this node produced (or a transaction it originated) to its peers. */
  public void broadcast(Message m) {
    P2pNode node = p2p;
    if (node != null) {
      node.broadcast(m);
    }
  }

  private List<String> seeds() {
    List<String> s = new ArrayList<>();
    config.seedNodes().forEach(h -> s.add(h.toString()));
    // trusted nodes are JSON-RPC (HTTP) endpoints for vote-derived state, not P2P peers
    return s;
  }

  private void stopP2p() {
    P2pNode n = p2p;
    p2p = null;
    if (n != null) {
      n.close();
    }
  }

  private void startRpc() {
    config.rpcEndpoint().ifPresent(e ->
        LOG.warn("rpc-endpoint {} accepted but JSON-RPC is not served by this release", e));
  }

  /** The P2P node once started (null before and after). */
  public P2pNode p2p() {
    return p2p;
  }

  /** The port P2P listens on (0 when not listening). */
  public int p2pPort() {
    P2pNode n = p2p;
    return n == null ? 0 : n.boundPort();
  }

  public NodeStatus status() {
    ChainModule.HeadView h = core.head();
    ChainModule.Counters c = core.counters();
    P2pNode n = p2p;
    return new NodeStatus(h.num(), h.lastIrreversible(), n == null ? 0 : n.peers().size(), h.timeSeconds(),
        c.blocks(), c.transactions(), c.signatures());
  }

  public Bytes stateHash() {
    return core.stateHash();
  }

  public Map<String, Long> rejectedByReason() {
    return core.rejectedByReason();
  }
}
