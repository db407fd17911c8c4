package io.graphyne.p2p.session;

import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.p2p.crypto.StcpSecret;
import io.graphyne.p2p.message.Endpoint;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.message.MessageType;
import io.graphyne.p2p.message.Messages;
import io.graphyne.p2p.message.RawMessage;
import io.graphyne.p2p.message.RejectionReason;
import io.graphyne.p2p.transport.FrameTooLargeException;
import io.graphyne.p2p.transport.HandshakeCompleted;
import io.graphyne.p2p.transport.HandshakeFailedException;
import io.graphyne.p2p.transport.MessageCodec;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.codec.DecodeException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-connection state machine (spec/p2p.md §4.1-§4.2, §4.6): hello exchange and checks,
 * accept/reject, address exchange, activation, keep-alive, handshake and inactivity timeouts, rate
 * limits, and lazily serving requested items. Sync-related messages go to the {@link SyncManager}.
 * Runs on the channel's event loop.
 */
public final class PeerSession extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(PeerSession.class);

  /** Outbound bytes queued to a peer that does not read before it is dropped (replies are small; items are served lazily). */
  public static final long MAX_QUEUED_OUTBOUND_BYTES = 16L << 20;
  /** A gently closed connection is forced shut after this long (core waits 20 s). */
  static final long DISCONNECT_TIMEOUT_SECONDS = 5;
  /** Most items a peer may have waiting to be served by us. */
  public static final int MAX_PENDING_SERVE = 4000;
  /** Message rate limit: sustained messages per second and burst. */
  static final double RATE_PER_SECOND = 20_000;
  static final double RATE_BURST = 40_000;

  enum OurState { NONE, HELLO_SENT, ACCEPTED, REJECTED }

  enum TheirState { WAITING, ACCEPTED, REJECTED }

  private final P2pNode node;
  private final boolean inbound;
  private ChannelHandlerContext ctx;
  private InetSocketAddress remote;
  private StcpSecret secret;
  private OurState ourState = OurState.NONE;
  private TheirState theirState = TheirState.WAITING;
  private boolean active;
  private boolean expectingAddress;
  private volatile Message.Hello peerHello;
  private volatile Bytes peerNodeId;
  private long connectedAt;
  private long lastReceived;
  private long lastSent;
  private long lastKeepalive;
  private volatile DisconnectReason closeReason;
  private volatile String closeDetail = "";
  private ScheduledFuture<?> ticker;
  private double tokens = RATE_BURST;
  private long tokensAt;
  private final ArrayDeque<ServeItem> pendingServe = new ArrayDeque<>();
  private volatile long roundTripMicros = -1;
  private final java.util.concurrent.atomic.AtomicLong queuedBytes = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong invalidTransactions = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong acceptedTransactions = new java.util.concurrent.atomic.AtomicLong();

  record ServeItem(long itemType, Bytes hash) {}

  PeerSession(P2pNode node, boolean inbound) {
    this.node = node;
    this.inbound = inbound;
  }

  // ---- accessors ----

  public boolean inbound() {
    return inbound;
  }

  public InetSocketAddress remoteAddress() {
    return remote;
  }

  public Optional<Message.Hello> hello() {
    return Optional.ofNullable(peerHello);
  }

  public Optional<Bytes> peerNodeId() {
    return Optional.ofNullable(peerNodeId);
  }

  public boolean isActive() {
    return active;
  }

  public long roundTripMicros() {
    return roundTripMicros;
  }

  /**
   * Transactions this peer sent that the node judged invalid. Counted against the peer, but (as in
   * bitshares-core, whose node only logs the rejection and remembers the item as recently failed) not
   * a reason to disconnect: a transaction valid when the peer relayed it may be invalid by our head.
   */
  public long invalidTransactions() {
    return invalidTransactions.get();
  }

  /** Transactions this peer sent that the node accepted into its mempool (and we relayed). */
  public long acceptedTransactions() {
    return acceptedTransactions.get();
  }

  void countTransaction(boolean valid) {
    (valid ? acceptedTransactions : invalidTransactions).incrementAndGet();
  }

  public Optional<DisconnectReason> closeReason() {
    return Optional.ofNullable(closeReason);
  }

  /** The key under which a misbehaving peer is banned: IP for inbound, host:port for outbound. */
  public String banKey() {
    return banKeyOf(remote, inbound);
  }

  static String banKeyOf(InetSocketAddress a, boolean inbound) {
    String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
    return inbound ? host : host + ":" + a.getPort();
  }

  public ChainAccess.PeerRef ref() {
    return new ChainAccess.PeerRef(String.valueOf(remote), peerNodeId);
  }

  @Override
  public String toString() {
    return (inbound ? "in:" : "out:") + remote;
  }

  // ---- sending and closing (thread-safe) ----

  /** Sends a message; safe from any thread. */
  public void send(Message m) {
    Channel ch = ctx == null ? null : ctx.channel();
    if (ch == null || closeReason != null) {
      return;
    }
    // encode here, so the bytes waiting for this peer are known whichever thread sends
    RawMessage raw = Messages.toRaw(m);
    long size = raw.payload().length + 16L;
    if (queuedBytes.addAndGet(size) > MAX_QUEUED_OUTBOUND_BYTES) {
      queuedBytes.addAndGet(-size);
      disconnect(DisconnectReason.FLOODING, "peer does not read: more than " + MAX_QUEUED_OUTBOUND_BYTES + " bytes queued");
      return;
    }
    ch.writeAndFlush(raw).addListener(f -> queuedBytes.addAndGet(-size));
    lastSent = System.nanoTime();
  }

  /** Sends a raw (already encoded) message, e.g. a cached block or transaction. */
  void sendRaw(RawMessage m) {
    Channel ch = ctx == null ? null : ctx.channel();
    if (ch == null || closeReason != null) {
      return;
    }
    ch.writeAndFlush(m);
    lastSent = System.nanoTime();
  }

  /** Disconnects: gently (closing_connection first) once the handshake is done; safe from any thread. */
  public void disconnect(DisconnectReason reason, String detail) {
    if (ctx == null) {
      return;
    }
    if (!ctx.executor().inEventLoop()) {
      try {
        ctx.executor().execute(() -> disconnect(reason, detail));
      } catch (java.util.concurrent.RejectedExecutionException stopped) {
        // the event loop is shutting down; the channel is closing anyway
      }
      return;
    }
    if (closeReason != null) {
      return;
    }
    closeReason = reason;
    closeDetail = detail == null ? "" : detail;
    LOG.atDebug().setMessage("disconnecting {}: {} {}").addArgument(this).addArgument(reason).addArgument(closeDetail).log();
    boolean forcible =
        secret == null
            || reason == DisconnectReason.BAD_HANDSHAKE
            || reason == DisconnectReason.OVERSIZE_FRAME
            || reason == DisconnectReason.MALFORMED_MESSAGE
            || reason == DisconnectReason.IO_ERROR
            || reason == DisconnectReason.PEER_CLOSED
            || reason == DisconnectReason.HANDSHAKE_TIMEOUT
            || reason == DisconnectReason.FLOODING
            || !ctx.channel().isWritable();
    if (forcible) {
      ctx.channel().close();
    } else {
      String text = reason.description() + (closeDetail.isEmpty() ? "" : ": " + closeDetail);
      Channel ch = ctx.channel();
      ch.writeAndFlush(new Message.ClosingConnection(text, reason.misbehaviour(), Optional.empty()))
          .addListener(ChannelFutureListener.CLOSE);
      // a peer that stops reading cannot hold the socket open
      ctx.executor().schedule(() -> ch.close(), DISCONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  // ---- Netty life-cycle ----

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    remote = (InetSocketAddress) ctx.channel().remoteAddress();
    long now = System.nanoTime();
    connectedAt = now;
    lastReceived = now;
    lastSent = now;
    tokensAt = now;
    if (!node.admit(this)) {
      return;
    }
    ticker = ctx.executor().scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (ticker != null) {
      ticker.cancel(false);
    }
    if (closeReason == null) {
      closeReason = DisconnectReason.PEER_CLOSED;
    }
    pendingServe.clear();
    node.sessionClosed(this, closeReason, closeDetail);
    super.channelInactive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof HandshakeCompleted h) {
      secret = h.secret();
      sendHello();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable c = cause;
    if (c instanceof DecoderException && c.getCause() instanceof DecodeException) {
      c = c.getCause();
    }
    if (c instanceof FrameTooLargeException f) {
      disconnect(DisconnectReason.OVERSIZE_FRAME, f.getMessage());
    } else if (c instanceof HandshakeFailedException h) {
      disconnect(DisconnectReason.BAD_HANDSHAKE, h.getMessage());
    } else if (c instanceof DecodeException d) {
      disconnect(DisconnectReason.MALFORMED_MESSAGE, d.getMessage());
    } else if (c instanceof IOException) {
      disconnect(DisconnectReason.IO_ERROR, c.getMessage());
    } else {
      LOG.atDebug().setMessage("error on {}").addArgument(this).setCause(cause).log();
      disconnect(DisconnectReason.MALFORMED_MESSAGE, String.valueOf(c));
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    drainServe();
    super.channelWritabilityChanged(ctx);
  }

  // ---- hello ----

  private void sendHello() {
    P2pConfig cfg = node.config();
    int inAddr = 0;
    int inPort = 0;
    int outPort = 0;
    if (node.boundPort() > 0) {
      InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
      inAddr = Endpoint.of(local).address();
      inPort = node.boundPort();
      outPort = local.getPort();
    }
    byte[] sig = node.crypto().signCompact(node.identityPrivateKey(), secret.helloDigest());
    Message.Hello h =
        new Message.Hello(
            cfg.userAgent(), P2pConfig.PROTOCOL_VERSION, inAddr, inPort, outPort,
            Bytes.wrap(node.identityPublicKey()), Bytes.wrap(sig), cfg.chainId(), node.userData());
    ourState = OurState.HELLO_SENT;
    send(h);
  }

  private void reject(RejectionReason reason, String text) {
    theirState = TheirState.REJECTED;
    send(new Message.ConnectionRejected(
        node.config().userAgent(), P2pConfig.PROTOCOL_VERSION, Endpoint.of(remote), reason, text));
  }

  private void onHello(Message.Hello h) {
    if (theirState != TheirState.WAITING || peerHello != null) {
      disconnect(DisconnectReason.UNEXPECTED_MESSAGE, "unexpected hello");
      return;
    }
    peerHello = h;
    node.listener().onHello(this, h);
    if (!h.chainId().equals(node.config().chainId())) {
      reject(RejectionReason.DIFFERENT_CHAIN, "You are on a different chain from me");
      disconnect(DisconnectReason.WRONG_CHAIN, "peer chain " + h.chainId().toHex());
      return;
    }
    Optional<byte[]> signer = node.crypto().recoverCompact(h.signedSharedSecret().unsafeArray(), secret.helloDigest());
    if (signer.isEmpty() || !Arrays.equals(signer.get(), h.nodePublicKey().unsafeArray())) {
      reject(RejectionReason.INVALID_HELLO_MESSAGE, "Invalid signature in hello message");
      disconnect(DisconnectReason.INVALID_HELLO, "signature does not recover to node_public_key");
      return;
    }
    Bytes id = h.peerNodeId();
    if (id.isZero()) {
      disconnect(DisconnectReason.NULL_NODE_ID, "Your node_id in the hello_message is null");
      return;
    }
    if (id.equals(node.nodeId())) {
      reject(RejectionReason.CONNECTED_TO_SELF, "I'm connecting to myself");
      disconnect(DisconnectReason.CONNECTED_TO_SELF, "");
      return;
    }
    if (node.isConnectedTo(id, this)) {
      reject(RejectionReason.ALREADY_CONNECTED, "I'm already connected to you");
      disconnect(DisconnectReason.ALREADY_CONNECTED, "");
      return;
    }
    if (node.acceptedPeerCount() >= node.config().maxPeers()) {
      reject(RejectionReason.NOT_ACCEPTING_CONNECTIONS, "not accepting any more incoming connections");
      disconnect(DisconnectReason.TOO_MANY_PEERS, "");
      return;
    }
    peerNodeId = id;
    theirState = TheirState.ACCEPTED;
    send(new Message.ConnectionAccepted());
  }

  // ---- inbound dispatch ----

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof MessageCodec.Received r)) {
      io.netty.util.ReferenceCountUtil.release(msg);
      return;
    }
    if (closeReason != null) {
      return;
    }
    long now = System.nanoTime();
    lastReceived = now;
    if (!takeToken(now)) {
      disconnect(DisconnectReason.FLOODING, "more than " + (long) RATE_PER_SECOND + " messages/s");
      return;
    }
    Message m = r.message();
    try {
      dispatch(m, r.raw());
    } catch (RuntimeException e) {
      LOG.atDebug().setMessage("handler error on {}").addArgument(this).setCause(e).log();
      disconnect(DisconnectReason.MALFORMED_MESSAGE, String.valueOf(e.getMessage()));
    }
  }

  private boolean takeToken(long now) {
    tokens = Math.min(RATE_BURST, tokens + (now - tokensAt) / 1e9 * RATE_PER_SECOND);
    tokensAt = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  private boolean requireAccepted(Message m) {
    if (theirState != TheirState.ACCEPTED) {
      disconnect(DisconnectReason.UNEXPECTED_MESSAGE, "received " + MessageType.name(m.type()) + " before hello was accepted");
      return false;
    }
    return true;
  }

  private void dispatch(Message m, RawMessage raw) {
    if (m instanceof Message.Hello h) {
      onHello(h);
      return;
    }
    // as in core, only address_request, item-id requests, fetches and inventories are gated on
    // the peer's hello having been accepted; blocks and transactions must have been requested
    SyncManager sync = node.sync();
    if (m instanceof Message.ConnectionAccepted) {
      if (ourState == OurState.HELLO_SENT) {
        ourState = OurState.ACCEPTED;
        expectingAddress = true;
        send(new Message.AddressRequest());
      }
    } else if (m instanceof Message.ConnectionRejected rj) {
      ourState = OurState.REJECTED;
      disconnect(DisconnectReason.REJECTED_BY_PEER, rj.reason() + ": " + rj.reasonString());
    } else if (m instanceof Message.AddressRequest) {
      if (theirState == TheirState.WAITING) {
        disconnect(DisconnectReason.UNEXPECTED_MESSAGE, "address_request before hello");
        return;
      }
      send(new Message.Address(node.addressesToShare(this)));
    } else if (m instanceof Message.Address a) {
      if (!expectingAddress) {
        return; // unsolicited: ignored, as core does
      }
      expectingAddress = false;
      node.learnAddresses(a.addresses());
      if (ourState == OurState.ACCEPTED && theirState == TheirState.ACCEPTED) {
        activate();
      }
    } else if (m instanceof Message.ClosingConnection c) {
      disconnect(DisconnectReason.PEER_CLOSED, c.reasonForClosing());
    } else if (m instanceof Message.CurrentTimeRequest t) {
      long received = node.nowMicros();
      send(new Message.CurrentTimeReply(t.requestSentTime(), received, node.nowMicros()));
    } else if (m instanceof Message.CurrentTimeReply t) {
      long rec = node.nowMicros();
      roundTripMicros = (rec - t.requestSentTime()) - (t.replyTransmittedTime() - t.requestReceivedTime());
    } else if (m instanceof Message.FetchBlockchainItemIds f) {
      if (!requireAccepted(m)) {
        return;
      }
      if (!active && inbound) {
        activate();
      }
      sync.submit(() -> sync.onFetchBlockchainItemIds(this, f));
    } else if (m instanceof Message.FetchItems f) {
      if (!requireAccepted(m)) {
        return;
      }
      for (Bytes h : f.itemsToFetch()) {
        if (pendingServe.size() >= MAX_PENDING_SERVE) {
          disconnect(DisconnectReason.FLOODING, "more than " + MAX_PENDING_SERVE + " items requested at once");
          return;
        }
        pendingServe.add(new ServeItem(f.itemType(), h));
      }
      drainServe();
    } else if (m instanceof Message.ItemIdsInventory inv) {
      if (!requireAccepted(m)) {
        return;
      }
      sync.submit(() -> sync.onItemIdsInventory(this, inv));
    } else if (m instanceof Message.BlockchainItemIdsInventory inv) {
      sync.submit(() -> sync.onBlockchainItemIds(this, inv));
    } else if (m instanceof Message.ItemNotAvailable na) {
      sync.submit(() -> sync.onItemNotAvailable(this, na));
    } else if (m instanceof Message.Block b) {
      sync.submit(() -> sync.onBlock(this, b, raw));
    } else if (m instanceof Message.Trx t) {
      sync.submit(() -> sync.onTrx(this, t, raw));
    } else if (m instanceof Message.CheckFirewall cf) {
      send(new Message.CheckFirewallReply(cf.nodeId(), cf.endpointToCheck(), 0));
    } else if (m instanceof Message.Unknown u) {
      if (!MessageType.isCore(u.type())) {
        disconnect(DisconnectReason.UNREQUESTED_ITEM, "unsolicited message of type " + u.type());
      }
    }
    // 5015-5017 and unknown core types are ignored, as current core does
  }

  private void activate() {
    if (active) {
      return;
    }
    active = true;
    node.listener().onActive(this);
    send(new Message.CurrentTimeRequest(node.nowMicros()));
    lastKeepalive = System.nanoTime();
    SyncManager sync = node.sync();
    sync.submit(() -> sync.peerActive(this));
  }

  /** Serves queued fetch_items replies while the channel is writable (bounded memory). */
  private void drainServe() {
    Channel ch = ctx.channel();
    int sent = 0;
    while (!pendingServe.isEmpty() && ch.isWritable() && closeReason == null) {
      ServeItem it = pendingServe.poll();
      Optional<RawMessage> cached = node.sync().cachedMessage(it.hash());
      if (cached.isPresent() && cached.get().type() == it.itemType()) {
        ch.write(cached.get());
      } else if (it.itemType() == MessageType.BLOCK) {
        Optional<Bytes> block = node.chain().blockById(it.hash());
        if (block.isPresent()) {
          ch.write(Message.Block.ofRaw(block.get(), it.hash()));
          node.countServed();
        } else {
          ch.write(new Message.ItemNotAvailable(it.itemType(), it.hash()));
        }
      } else {
        ch.write(new Message.ItemNotAvailable(it.itemType(), it.hash()));
      }
      if (++sent % 16 == 0) {
        ch.flush();
      }
    }
    if (sent > 0) {
      ch.flush();
      lastSent = System.nanoTime();
    }
  }

  // ---- timers ----

  private void tick() {
    if (closeReason != null) {
      return;
    }
    long now = System.nanoTime();
    P2pConfig cfg = node.config();
    long handshake = cfg.handshakeTimeout().toNanos();
    long inactivity = cfg.inactivityTimeout().toNanos();
    if (!active) {
      if (now - connectedAt > handshake && now - lastReceived > handshake) {
        disconnect(DisconnectReason.HANDSHAKE_TIMEOUT, "");
      } else if (now - connectedAt > 4 * handshake + inactivity) {
        disconnect(DisconnectReason.HANDSHAKE_TIMEOUT, "handshake never completed");
      }
      return;
    }
    if (now - lastReceived > inactivity) {
      disconnect(DisconnectReason.INACTIVITY, "");
      return;
    }
    if (now - lastReceived > inactivity / 2 && now - lastKeepalive > TimeUnit.SECONDS.toNanos(2)) {
      lastKeepalive = now;
      send(new Message.CurrentTimeRequest(node.nowMicros()));
    }
  }
}
