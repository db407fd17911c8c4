package io.graphyne.node.devnet;

import io.graphyne.node.service.Service;
import io.graphyne.p2p.chain.MemoryChain;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.session.P2pConfig;
import io.graphyne.p2p.session.P2pListener;
import io.graphyne.p2p.session.P2pNode;
import io.graphyne.p2p.session.PeerDatabase;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.codec.Codecs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devnet's load generator: a P2P peer of its own (real handshake, real sockets) that follows
 * the chain like any node (blocks arrive over sync and inventory), learns ids from them ({@link
 * DevnetLedger}), and every tick sends what the {@link LoadScenario} plans as trx messages.
 */
public final class LoadGenerator implements Service {
  private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);

  /** A transaction sent, with what the nodes must do with it. */
  public record Sent(LoadScenario.Planned planned, long sentAtMillis) {}

  /** The generator sends only while its newest block is at most this old. */
  static final long SYNCED_WITHIN_SECONDS = 6;

  private final Bytes chainId;
  private final DevnetLedger ledger;
  private final LoadScenario scenario;
  private final Supplier<List<String>> peers;
  private final Duration tick;
  private final Clock clock;
  private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
  private volatile boolean paused;
  private P2pNode node;
  private ScheduledExecutorService timer;

  /**
   * @param peers the nodes to connect to, host:port (evaluated at start)
   * @param transfersPerTick transfers per tick once the accounts are set up
   */
  public LoadGenerator(Bytes chainId, List<String> genesisAccounts, Supplier<List<String>> peers, Duration tick,
      int transfersPerTick, long seed, Clock clock) {
    this.chainId = chainId;
    this.ledger = new DevnetLedger(genesisAccounts);
    this.scenario = new LoadScenario(chainId, seed, transfersPerTick);
    this.peers = peers;
    this.tick = tick;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "load";
  }

  @Override
  public synchronized void start() throws Exception {
    MemoryChain chain = new MemoryChain();
    chain.onAppend(n -> ledger.onBlock(Codecs.decode(SignedBlock.class, chain.blockOf(n).toArray())));
    List<String> targets = peers.get();
    P2pConfig cfg = P2pConfig.defaults(chainId).withListen("127.0.0.1", 0).withSeeds(targets)
        .withMaxPeers(targets.size() + 2, targets.size()).withUserAgent("Graphyne devnet load generator");
    node = new P2pNode(cfg, chain, EcCrypto.system(), P2pListener.NONE, clock, new PeerDatabase());
    node.start();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "graphyne-load");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    if (paused) {
      return;
    }
    try {
      if (clock.instant().getEpochSecond() - ledger.headTimeSeconds() > SYNCED_WITHIN_SECONDS) {
        return; // still following the chain: ids and TaPoS would be stale
      }
      List<LoadScenario.Planned> planned = scenario.tick(ledger, clock.instant());
      long now = clock.millis();
      for (LoadScenario.Planned p : planned) {
        node.broadcast(Message.Trx.of(p.tx()));
        sent.add(new Sent(p, now));
      }
    } catch (RuntimeException e) {
      LOG.warn("load tick failed", e);
    }
  }

  /** Stops sending (the P2P connection stays up). */
  public void pause() {
    paused = true;
  }

  public void resume() {
    paused = false;
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (node != null) {
      node.close();
    }
  }

  public List<Sent> sent() {
    return new ArrayList<>(sent);
  }

  public DevnetLedger ledger() {
    return ledger;
  }

  public boolean setupDone() {
    return scenario.inTraffic();
  }

  public int peerCount() {
    P2pNode n = node;
    return n == null ? 0 : n.peers().size();
  }

  /** Sent transactions by what was expected of them. */
  public Map<Expected, Long> sentByExpectation() {
    Map<Expected, Long> m = new EnumMap<>(Expected.class);
    for (Sent s : sent) {
      m.merge(s.planned().expected(), 1L, Long::sum);
    }
    return m;
  }
}
