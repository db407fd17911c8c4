package io.graphyne.p2p;

import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.transport.HandshakeCompleted;
import io.graphyne.p2p.transport.MessageCodec;
import io.graphyne.p2p.transport.StcpHandshakeHandler;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.codec.FcVariant;
import io.netty.bootstrap.ServerBootstrap;
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
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A test peer on a real socket that speaks the protocol by script: it completes the STCP key
 * exchange, optionally sends a hello (correct or tampered), accepts hellos, answers address
 * requests, and hands everything else to the test's script.
 */
final class ScriptedPeer implements AutoCloseable {
  static final EcCrypto EC = EcCrypto.system();

  /** How the hello is sent. */
  enum HelloMode { NONE, VALID, BAD_SIGNATURE }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;

  ScriptedPeer(Bytes chainId, HelloMode hello, BiConsumer<ChannelHandlerContext, Message> script) throws InterruptedException {
    ServerBootstrap sb =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(StcpHandshakeHandler.NAME, new StcpHandshakeHandler(EC))
                        .addLast(new Handler(chainId, hello, script));
                  }
                });
    server = sb.bind("127.0.0.1", 0).sync().channel();
  }

  /** Dials {@code port} as a scripted client; returns the channel once connected. */
  static Channel connect(EventLoopGroup group, int port, Bytes chainId, HelloMode hello,
      BiConsumer<ChannelHandlerContext, Message> script, BiConsumer<ChannelHandlerContext, HandshakeCompleted> onHandshake)
      throws InterruptedException {
    io.netty.bootstrap.Bootstrap b =
        new io.netty.bootstrap.Bootstrap()
            .group(group)
            .channel(io.netty.channel.socket.nio.NioSocketChannel.class)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    Handler h = new Handler(chainId, hello, script);
                    h.onHandshake = onHandshake;
                    ch.pipeline().addLast(StcpHandshakeHandler.NAME, new StcpHandshakeHandler(EC)).addLast(h);
                  }
                });
    return b.connect("127.0.0.1", port).sync().channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  private static final class Handler extends ChannelInboundHandlerAdapter {
    final Bytes chainId;
    final HelloMode mode;
    final BiConsumer<ChannelHandlerContext, Message> script;
    final byte[] identity = EC.newPrivateKey();
    BiConsumer<ChannelHandlerContext, HandshakeCompleted> onHandshake = (c, h) -> {};

    Handler(Bytes chainId, HelloMode mode, BiConsumer<ChannelHandlerContext, Message> script) {
      this.chainId = chainId;
      this.mode = mode;
      this.script = script;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (!(evt instanceof HandshakeCompleted h) || mode == HelloMode.NONE) {
        return;
      }
      byte[] digest = h.secret().helloDigest();
      if (mode == HelloMode.BAD_SIGNATURE) {
        digest[0] ^= 1;
      }
      Bytes pub = Bytes.wrap(EC.publicKey(identity));
      ctx.writeAndFlush(
          new Message.Hello(
              "scripted", 106, 0, 0, 0, pub, Bytes.wrap(EC.signCompact(identity, digest)), chainId,
              FcVariant.Obj.builder().put("node_id", pub.toHex()).build()));
      onHandshake.accept(ctx, h);
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
      }
      script.accept(ctx, m);
    }
  }
}
