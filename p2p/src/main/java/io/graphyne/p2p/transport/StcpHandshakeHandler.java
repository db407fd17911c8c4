package io.graphyne.p2p.transport;

import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.crypto.StcpSecret;
import io.graphyne.p2p.message.Messages;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * The plaintext STCP key exchange (spec/p2p.md §1.1): write our 33-byte ephemeral public key as
 * soon as the channel is active, read the peer's 33 bytes, derive the shared secret, AES key and
 * IV, then replace this handler with the cipher, frame and message codecs and fire {@link
 * HandshakeCompleted}. Bytes the peer sent after its key (its hello, typically) flow on to the
 * newly installed decryptor.
 */
public final class StcpHandshakeHandler extends ByteToMessageDecoder {
  public static final String NAME = "stcp-handshake";

  private final EcCrypto crypto;
  private final byte[] ephemeralPrivate;
  private final int maxPayload;
  private boolean sent;

  public StcpHandshakeHandler(EcCrypto crypto) {
    this(crypto, crypto.newPrivateKey(), Messages.MAX_MESSAGE_SIZE);
  }

  /** With a fixed ephemeral key (vector tests) and payload limit. */
  public StcpHandshakeHandler(EcCrypto crypto, byte[] ephemeralPrivate, int maxPayload) {
    this.crypto = crypto;
    this.ephemeralPrivate = ephemeralPrivate.clone();
    this.maxPayload = maxPayload;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      sendKey(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    sendKey(ctx);
    super.channelActive(ctx);
  }

  private void sendKey(ChannelHandlerContext ctx) {
    if (!sent) {
      sent = true;
      ctx.writeAndFlush(Unpooled.wrappedBuffer(crypto.publicKey(ephemeralPrivate)));
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < 33) {
      return;
    }
    byte[] peerKey = new byte[33];
    in.readBytes(peerKey);
    StcpSecret secret;
    try {
      secret = StcpSecret.fromSharedSecret(crypto.sharedSecret(ephemeralPrivate, peerKey));
    } catch (IllegalArgumentException e) {
      throw new HandshakeFailedException("invalid ephemeral key from peer: " + e.getMessage(), e);
    }
    ChannelPipeline p = ctx.pipeline();
    String me = ctx.name();
    p.addAfter(me, "stcp-decrypt", new StcpDecryptor(secret.aesKey(), secret.iv()));
    p.addAfter("stcp-decrypt", "stcp-encrypt", new StcpEncryptor(secret.aesKey(), secret.iv()));
    p.addAfter("stcp-encrypt", "frame-decoder", new FrameDecoder(maxPayload));
    p.addAfter("frame-decoder", "frame-encoder", new FrameEncoder(maxPayload));
    p.addAfter("frame-encoder", "message-codec", new MessageCodec());
    ctx.fireUserEventTriggered(
        new HandshakeCompleted(secret, crypto.publicKey(ephemeralPrivate), peerKey));
    p.remove(this);
  }
}
