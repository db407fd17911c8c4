package io.graphyne.p2p;

import io.graphyne.testing.Vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.p2p.chain.MemoryChain;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.message.RawMessage;
import io.graphyne.p2p.session.DisconnectReason;
import io.graphyne.p2p.session.P2pConfig;
import io.graphyne.p2p.session.P2pListener;
import io.graphyne.p2p.session.P2pNode;
import io.graphyne.p2p.session.PeerSession;
import io.graphyne.p2p.transport.HandshakeCompleted;
import io.graphyne.p2p.transport.MessageCodec;
import io.graphyne.p2p.transport.StcpHandshakeHandler;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.codec.FcVariant;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Misbehaving peers on real loopback sockets are disconnected with a typed reason and banned. */
class MisbehaviourIT {
  static final Bytes CHAIN = SyncLoopbackIT.PRIVATE_CHAIN;
  static final EcCrypto EC = EcCrypto.system();
  static EventLoopGroup group;
  static MemoryChain realChain;

  @BeforeAll
  static void setUp() throws Exception {
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    realChain = MemoryChain.load(Vectors.path("private-chain/blocks.hex"));
  }

  @AfterAll
  static void tearDown() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  enum Behaviour { GARBAGE_KEY, MALFORMED_HELLO, OVERSIZE_FRAME, UNREQUESTED_BLOCK }

  /** A scripted server that misbehaves in one way. */
  static final class BadPeer extends ChannelInboundHandlerAdapter {
    final Behaviour behaviour;
    final byte[] identity = EC.newPrivateKey();
    HandshakeCompleted hs;

    BadPeer(Behaviour b) {
      this.behaviour = b;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (!(evt instanceof HandshakeCompleted h)) {
        return;
      }
      hs = h;
      switch (behaviour) {
        case MALFORMED_HELLO -> ctx.writeAndFlush(new RawMessage(5006, new byte[] {1, 2, 3}));
        case OVERSIZE_FRAME -> {
          ByteBuf header = Unpooled.buffer(16).writeIntLE(3 * 1024 * 1024).writeIntLE(1001).writeZero(8);
          ctx.pipeline().context("frame-encoder").writeAndFlush(header);
        }
        case UNREQUESTED_BLOCK ->
            ctx.writeAndFlush(
                new Message.Hello(
                    "bad", 106, 0, 0, 0, Bytes.wrap(EC.publicKey(identity)),
                    Bytes.wrap(EC.signCompact(identity, h.secret().helloDigest())), CHAIN,
                    FcVariant.Obj.builder().put("node_id", Bytes.wrap(EC.publicKey(identity)).toHex()).build()));
        default -> {}
      }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof MessageCodec.Received r)) {
        io.netty.util.ReferenceCountUtil.release(msg);
        return;
      }
      Message m = r.message();
      if (m instanceof Message.Hello) {
        ctx.writeAndFlush(new Message.ConnectionAccepted());
      } else if (m instanceof Message.AddressRequest) {
        ctx.writeAndFlush(new Message.Address(java.util.List.of()));
      } else if (m instanceof Message.FetchBlockchainItemIds) {
        ctx.writeAndFlush(Message.Block.ofRaw(realChain.blockOf(1), realChain.idOf(1)));
      }
    }
  }

  static int startBad(Behaviour b) throws Exception {
    ServerBootstrap sb =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (b == Behaviour.GARBAGE_KEY) {
                      ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelActive(ChannelHandlerContext ctx) {
                          byte[] junk = new byte[64];
                          java.util.Arrays.fill(junk, (byte) 0x05);
                          ctx.writeAndFlush(Unpooled.wrappedBuffer(junk));
                        }
                      });
                    } else {
                      ch.pipeline().addLast(StcpHandshakeHandler.NAME, new StcpHandshakeHandler(EC)).addLast(new BadPeer(b));
                    }
                  }
                });
    Channel c = sb.bind("127.0.0.1", 0).sync().channel();
    return ((InetSocketAddress) c.localAddress()).getPort();
  }

  /** Captures the close reason. */
  static final class Closed implements P2pListener {
    final CompletableFuture<DisconnectReason> reason = new CompletableFuture<>();

    @Override
    public void onClosed(PeerSession peer, DisconnectReason r, String detail) {
      reason.complete(r);
    }
  }

  private static void expect(Behaviour b, DisconnectReason expected) throws Exception {
    int port = startBad(b);
    Closed l = new Closed();
    try (P2pNode client = new P2pNode(P2pConfig.defaults(CHAIN), new MemoryChain(), EC, l)) {
      client.start();
      client.connect("127.0.0.1", port).get(5, TimeUnit.SECONDS);
      assertThat(l.reason.get(10, TimeUnit.SECONDS)).as(b.name()).isEqualTo(expected);
      assertThat(client.bans().banOf("127.0.0.1:" + port)).hasValueSatisfying(ban -> assertThat(ban.reason()).isEqualTo(expected));
      assertThat(client.connect("127.0.0.1", port)).failsWithin(5, TimeUnit.SECONDS);
      assertThat(client.peers()).isEmpty();
    }
  }

  @Test
  void garbageInsteadOfAKey() throws Exception {
    expect(Behaviour.GARBAGE_KEY, DisconnectReason.BAD_HANDSHAKE);
  }

  @Test
  void malformedHello() throws Exception {
    expect(Behaviour.MALFORMED_HELLO, DisconnectReason.MALFORMED_MESSAGE);
  }

  @Test
  void oversizeFrame() throws Exception {
    expect(Behaviour.OVERSIZE_FRAME, DisconnectReason.OVERSIZE_FRAME);
  }

  @Test
  void unrequestedBlock() throws Exception {
    expect(Behaviour.UNREQUESTED_BLOCK, DisconnectReason.UNREQUESTED_ITEM);
  }

  @Test
  void wrongChainId() throws Exception {
    Bytes other = Bytes.fromHex("4018d7844c78f6a6c41c6a552b898022310fc5dec06da467ee7905a8dad512c8");
    Closed serverSide = new Closed();
    try (P2pNode server = new P2pNode(P2pConfig.defaults(other).withListen("127.0.0.1", -1), realChain, EC, serverSide)) {
      server.start();
      Closed l = new Closed();
      try (P2pNode client = new P2pNode(P2pConfig.defaults(CHAIN), new MemoryChain(), EC, l)) {
        client.start();
        client.connect("127.0.0.1", server.boundPort()).get(5, TimeUnit.SECONDS);
        assertThat(l.reason.get(10, TimeUnit.SECONDS)).isIn(DisconnectReason.WRONG_CHAIN, DisconnectReason.REJECTED_BY_PEER);
        assertThat(serverSide.reason.get(10, TimeUnit.SECONDS)).isIn(DisconnectReason.WRONG_CHAIN, DisconnectReason.PEER_CLOSED);
        // whichever side saw the other's hello first, both ban the other
        assertThat(client.bans().isBanned("127.0.0.1:" + server.boundPort()) || server.bans().isBanned("127.0.0.1")).isTrue();
      }
    }
  }

  @Test
  void inboundOffenderIsBannedByAddress() throws Exception {
    Closed serverSide = new Closed();
    try (P2pNode server = new P2pNode(P2pConfig.defaults(CHAIN).withListen("127.0.0.1", -1), realChain, EC, serverSide)) {
      server.start();
      // a raw client sends an oversize frame after a valid key exchange
      EventLoopGroup g = group;
      io.netty.bootstrap.Bootstrap b =
          new io.netty.bootstrap.Bootstrap()
              .group(g)
              .channel(io.netty.channel.socket.nio.NioSocketChannel.class)
              .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                  ch.pipeline().addLast(StcpHandshakeHandler.NAME, new StcpHandshakeHandler(EC)).addLast(new BadPeer(Behaviour.OVERSIZE_FRAME));
                }
              });
      b.connect("127.0.0.1", server.boundPort()).sync();
      assertThat(serverSide.reason.get(10, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.OVERSIZE_FRAME);
      assertThat(server.bans().isBanned("127.0.0.1")).isTrue();
      // a well-behaved client from the same address is now refused
      Closed l = new Closed();
      try (P2pNode client = new P2pNode(P2pConfig.defaults(CHAIN), new MemoryChain(), EC, l)) {
        client.start();
        client.connect("127.0.0.1", server.boundPort()).get(5, TimeUnit.SECONDS);
        assertThat(l.reason.get(10, TimeUnit.SECONDS)).isIn(DisconnectReason.PEER_CLOSED, DisconnectReason.BAD_HANDSHAKE, DisconnectReason.IO_ERROR);
      }
    }
  }
}
