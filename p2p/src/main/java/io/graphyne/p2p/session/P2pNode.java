package io.graphyne.p2p.session;

import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.message.Endpoint;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.transport.StcpHandshakeHandler;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.codec.FcVariant;
import io.graphyne.util.Hex;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A P2P node: listens for inbound peers, dials outbound ones (seeds and the peer database), keeps
 * the registry of sessions, bans misbehaving peers, and runs the {@link SyncManager}. Create it,
 * then {@link #start()}; {@link #close()} stops everything.
 */
public final class P2pNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(P2pNode.class);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  /** Connections allowed beyond maxPeers while they handshake (each lives at most the handshake timeout). */
  public static final int MAX_HANDSHAKING = 50;
  /** Most addresses handled from one address_message. */
  public static final int MAX_ADDRESSES_TO_HANDLE_AT_ONCE = 200;

  private final P2pConfig config;
  private final ChainAccess chain;
  private final EcCrypto crypto;
  private final P2pListener listener;
  private final Clock clock;
  private final byte[] identityPrivate;
  private final byte[] identityPublic;
  private final Bytes nodeId;
  private final BanList bans;
  private final PeerDatabase peerDb;
  private final SyncManager sync;
  private final Set<PeerSession> sessions = ConcurrentHashMap.newKeySet();
  private final Set<String> dialing = ConcurrentHashMap.newKeySet();
  private volatile EventLoopGroup group;
  private Channel serverChannel;
  private volatile int boundPort;
  private final java.util.concurrent.atomic.AtomicLong blocksServed = new java.util.concurrent.atomic.AtomicLong();

  public P2pNode(P2pConfig config, ChainAccess chain, EcCrypto crypto, P2pListener listener, Clock clock, PeerDatabase peerDb) {
    this.config = config;
    this.chain = chain;
    this.crypto = crypto;
    this.listener = listener;
    this.clock = clock;
    this.identityPrivate = crypto.newPrivateKey();
    this.identityPublic = crypto.publicKey(identityPrivate);
    byte[] id = new byte[33];
    new SecureRandom().nextBytes(id);
    id[0] = (byte) (2 + (id[0] & 1));
    this.nodeId = Bytes.wrap(id);
    this.bans = new BanList(clock);
    this.peerDb = peerDb;
    this.sync = new SyncManager(this, chain);
  }

  public P2pNode(P2pConfig config, ChainAccess chain, EcCrypto crypto, P2pListener listener) {
    this(config, chain, crypto, listener, Clock.systemUTC(), new PeerDatabase());
  }

  // ---- accessors used by sessions ----

  public P2pConfig config() {
    return config;
  }

  public ChainAccess chain() {
    return chain;
  }

  EcCrypto crypto() {
    return crypto;
  }

  P2pListener listener() {
    return listener;
  }

  SyncManager sync() {
    return sync;
  }

  byte[] identityPrivateKey() {
    return identityPrivate;
  }

  public byte[] identityPublicKey() {
    return identityPublic.clone();
  }

  public Bytes nodeId() {
    return nodeId;
  }

  public BanList bans() {
    return bans;
  }

  public PeerDatabase peerDatabase() {
    return peerDb;
  }

  public int boundPort() {
    return boundPort;
  }

  public long blocksReceived() {
    return sync.blocksReceived();
  }

  /** Transactions received from peers, by the node's verdict. */
  public SyncManager.TrxCounts transactionsReceived() {
    return sync.trxCounts();
  }

  /** Messages kept for peers to fetch (bounded). */
  public int cachedMessages() {
    return sync.cachedMessages();
  }

  /** Blocks served to peers that fetched them (sync or normal mode). */
  public long blocksServed() {
    return blocksServed.get();
  }

  void countServed() {
    blocksServed.incrementAndGet();
  }

  long nowMicros() {
    Instant t = clock.instant();
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }

  public List<PeerSession> peers() {
    return List.copyOf(sessions);
  }

  /** The user_data object core sends (spec/p2p.md §3.2.1), with our head block. */
  FcVariant.Obj userData() {
    ChainAccess.Head head = chain.head();
    return FcVariant.Obj.builder()
        .put("platform", "linux")
        .putUInt64("bitness", 64)
        .put("node_id", Hex.encode(nodeId.unsafeArray()))
        .put("last_known_block_hash", head.id().toHex())
        .putUInt64("last_known_block_number", head.num())
        .put("last_known_block_time", ISO.format(Instant.ofEpochSecond(head.timeSeconds())))
        .build();
  }

  // ---- life-cycle ----

  public synchronized void start() throws InterruptedException {
    if (group != null) {
      throw new IllegalStateException("already started");
    }
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    sync.start();
    if (config.listenPort() != 0) {
      ServerBootstrap b =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
              .childHandler(initializer(true));
      int port = Math.max(0, config.listenPort());
      serverChannel = b.bind(config.listenHost(), port).sync().channel();
      boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }
    group.scheduleAtFixedRate(this::maintainConnections, 0, 5, TimeUnit.SECONDS);
  }

  private ChannelInitializer<SocketChannel> initializer(boolean inbound) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        ch.pipeline()
            .addLast(StcpHandshakeHandler.NAME, new StcpHandshakeHandler(crypto))
            .addLast("session", new PeerSession(P2pNode.this, inbound));
      }
    };
  }

  /** Dials a peer; completes with the session once the TCP connection is up. */
  public CompletableFuture<PeerSession> connect(String host, int port) {
    CompletableFuture<PeerSession> f = new CompletableFuture<>();
    if (group == null) {
      f.completeExceptionally(new IllegalStateException("the P2P node is not started"));
      return f;
    }
    String key = host + ":" + port;
    if (bans.isBanned(key)) {
      f.completeExceptionally(new IOException("peer " + key + " is banned"));
      return f;
    }
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
            .handler(initializer(false));
    dialing.add(key);
    ChannelFuture cf = b.connect(host, port);
    cf.addListener(
        x -> {
          if (x.isSuccess()) {
            // channelActive (which registers the session) runs right after this listener
            cf.channel().eventLoop().execute(() -> dialing.remove(key));
          } else {
            dialing.remove(key);
          }
          peerDb.attempted(key, clock.instant(), x.isSuccess());
          if (x.isSuccess()) {
            f.complete((PeerSession) cf.channel().pipeline().get("session"));
          } else {
            f.completeExceptionally(x.cause());
          }
        });
    return f;
  }

  /** Keeps up to desiredPeers connections using seeds and the peer database. */
  private void maintainConnections() {
    try {
      int current = sessions.size() + dialing.size();
      if (current >= config.desiredPeers()) {
        return;
      }
      List<String> candidates = new ArrayList<>(config.seeds());
      candidates.addAll(peerDb.candidates(clock.instant(), config.desiredPeers() * 2));
      for (String c : candidates) {
        if (current >= config.desiredPeers()) {
          break;
        }
        int colon = c.lastIndexOf(':');
        if (colon < 0 || bans.isBanned(c) || dialing.contains(c) || isConnectedToEndpoint(c)) {
          continue;
        }
        String host = c.substring(0, colon);
        int port;
        try {
          port = Integer.parseInt(c.substring(colon + 1));
        } catch (NumberFormatException e) {
          continue;
        }
        if (boundPort > 0 && port == boundPort && (host.equals("127.0.0.1") || host.equals("localhost"))) {
          continue;
        }
        current++;
        connect(host, port).exceptionally(e -> null);
      }
    } catch (RuntimeException e) {
      LOG.warn("connection maintenance failed", e);
    }
  }

  private boolean isConnectedToEndpoint(String hostPort) {
    for (PeerSession s : sessions) {
      InetSocketAddress a = s.remoteAddress();
      if (a != null && !s.inbound() && PeerSession.banKeyOf(a, false).equals(hostPort)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized void close() {
    if (group == null) {
      return;
    }
    for (PeerSession s : sessions) {
      s.disconnect(DisconnectReason.LOCAL_CLOSE, "shutting down");
    }
    if (serverChannel != null) {
      serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    sync.stop();
    config.peerDatabase().ifPresent(p -> {
      try {
        peerDb.save(p);
      } catch (IOException e) {
        LOG.warn("could not save the peer database to {}", p, e);
      }
    });
    group = null;
  }

  /** Broadcasts a new block or transaction to in-sync peers (normal operation). */
  public void broadcast(Message m) {
    sync.broadcast(m);
  }

  // ---- registry, called by sessions ----

  /** Registers a new connection unless the peer is banned. */
  boolean admit(PeerSession s) {
    if (bans.isBanned(s.banKey())) {
      s.disconnect(DisconnectReason.BANNED, "");
      return false;
    }
    if (sessions.size() >= config.maxPeers() + MAX_HANDSHAKING) {
      s.disconnect(DisconnectReason.TOO_MANY_PEERS, "too many connections");
      return false;
    }
    sessions.add(s);
    if (!s.inbound()) {
      dialing.remove(s.banKey());
    }
    return true;
  }

  boolean isConnectedTo(Bytes peerNodeId, PeerSession except) {
    for (PeerSession s : sessions) {
      if (s != except && s.peerNodeId().map(peerNodeId::equals).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  int acceptedPeerCount() {
    int n = 0;
    for (PeerSession s : sessions) {
      if (s.peerNodeId().isPresent()) {
        n++;
      }
    }
    return n;
  }

  void sessionClosed(PeerSession s, DisconnectReason reason, String detail) {
    boolean was = sessions.remove(s);
    if (!s.inbound() && s.remoteAddress() != null) {
      dialing.remove(s.banKey());
    }
    if (reason.misbehaviour()) {
      bans.ban(s.banKey(), reason, config.banDuration());
      chain.peerMisbehaved(s.ref(), reason, detail);
    }
    if (was) {
      sync.peerClosed(s);
    }
    (reason.misbehaviour() ? LOG.atInfo() : LOG.atDebug())
        .setMessage("peer {} closed: {} {}").addArgument(s).addArgument(reason).addArgument(detail).log();
    listener.onClosed(s, reason, detail);
  }

  List<Message.AddressInfo> addressesToShare(PeerSession asker) {
    List<Message.AddressInfo> out = new ArrayList<>();
    long now = clock.instant().getEpochSecond();
    for (PeerSession s : sessions) {
      if (s == asker || !s.isActive() || s.hello().isEmpty() || s.remoteAddress() == null) {
        continue;
      }
      Message.Hello h = s.hello().get();
      int port = h.inboundPort();
      Endpoint ep = new Endpoint(Endpoint.of(s.remoteAddress()).address(), port);
      out.add(new Message.AddressInfo(ep, now, Math.max(0, s.roundTripMicros()), s.peerNodeId().orElse(h.nodePublicKey()),
          s.inbound() ? 1 : 2, 0));
      if (out.size() >= MAX_ADDRESSES_TO_HANDLE_AT_ONCE) {
        break;
      }
    }
    return out;
  }

  void learnAddresses(List<Message.AddressInfo> addresses) {
    int n = 0;
    for (Message.AddressInfo a : addresses) {
      if (n++ >= MAX_ADDRESSES_TO_HANDLE_AT_ONCE) {
        break;
      }
      if (a.remoteEndpoint().port() == 0 || a.remoteEndpoint().address() == 0) {
        continue;
      }
      peerDb.add(a.remoteEndpoint().toString(), Instant.ofEpochSecond(a.lastSeenTime()));
    }
  }
}
