package io.graphyne.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.message.Messages;
import io.graphyne.p2p.message.RawMessage;
import io.graphyne.p2p.transport.FrameDecoder;
import io.graphyne.p2p.transport.FrameEncoder;
import io.graphyne.p2p.transport.FrameTooLargeException;
import io.graphyne.p2p.transport.HandshakeCompleted;
import io.graphyne.p2p.transport.HandshakeFailedException;
import io.graphyne.p2p.transport.MessageCodec;
import io.graphyne.p2p.transport.StcpDecryptor;
import io.graphyne.p2p.transport.StcpEncryptor;
import io.graphyne.p2p.transport.StcpHandshakeHandler;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.util.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.EncoderException;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CodecEmbeddedChannelTest {

  @BeforeAll
  static void paranoid() {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
  }

  private static byte[] drain(EmbeddedChannel ch) {
    io.netty.buffer.CompositeByteBuf all = Unpooled.compositeBuffer();
    ByteBuf b;
    while ((b = ch.readOutbound()) != null) {
      all.addComponent(true, b);
    }
    byte[] out = new byte[all.readableBytes()];
    all.readBytes(out);
    all.release();
    return out;
  }

  @Test
  void frameRoundTripForEveryMessageAndPadding() {
    for (Message m : Samples.all()) {
      EmbeddedChannel out = new EmbeddedChannel(new FrameEncoder(Messages.MAX_MESSAGE_SIZE), new MessageCodec());
      assertThat(out.writeOutbound(m)).isTrue();
      byte[] wire = drain(out);
      assertThat(wire.length % 16).isZero();
      int size = Messages.encodePayload(m).length;
      assertThat(wire.length).isEqualTo(FrameDecoder.frameLength(size));
      for (int i = 8 + size; i < wire.length; i++) {
        assertThat(wire[i]).isZero();
      }
      EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(Messages.MAX_MESSAGE_SIZE), new MessageCodec());
      assertThat(in.writeInbound(Unpooled.wrappedBuffer(wire))).isTrue();
      MessageCodec.Received r = in.readInbound();
      assertThat(r.message()).as(m.getClass().getSimpleName()).isEqualTo(m);
      assertThat(r.raw().type()).isEqualTo(m.type());
      assertThat(in.finish()).isFalse();
      out.finish();
    }
  }

  @Test
  void framesSplitAtEveryByteBoundaryAndCoalesced() {
    List<byte[]> frames = new ArrayList<>();
    int total = 0;
    for (Message m : Samples.all()) {
      EmbeddedChannel out = new EmbeddedChannel(new FrameEncoder(Messages.MAX_MESSAGE_SIZE), new MessageCodec());
      out.writeOutbound(m);
      byte[] w = drain(out);
      frames.add(w);
      total += w.length;
    }
    byte[] stream = new byte[total];
    int p = 0;
    for (byte[] f : frames) {
      System.arraycopy(f, 0, stream, p, f.length);
      p += f.length;
    }
    EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(Messages.MAX_MESSAGE_SIZE));
    for (int i = 0; i < stream.length; i += 7) {
      in.writeInbound(Unpooled.wrappedBuffer(stream, i, Math.min(7, stream.length - i)));
    }
    int n = 0;
    RawMessage r;
    while ((r = in.readInbound()) != null) {
      assertThat(r.type()).isEqualTo(Samples.all().get(n).type());
      n++;
    }
    assertThat(n).isEqualTo(Samples.all().size());
  }

  @Test
  void oversizeFrameFailsBeforeBuffering() {
    EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(Messages.MAX_MESSAGE_SIZE));
    ByteBuf header = Unpooled.buffer(16);
    header.writeIntLE(Messages.MAX_MESSAGE_SIZE + 1).writeIntLE(1001).writeZero(8);
    assertThatThrownBy(() -> in.writeInbound(header)).isInstanceOf(FrameTooLargeException.class);
    EmbeddedChannel in2 = new EmbeddedChannel(new FrameDecoder(Messages.MAX_MESSAGE_SIZE));
    ByteBuf huge = Unpooled.buffer(16);
    huge.writeIntLE(-1).writeIntLE(5006).writeZero(8);
    assertThatThrownBy(() -> in2.writeInbound(huge))
        .isInstanceOfSatisfying(FrameTooLargeException.class, e -> assertThat(e.size()).isEqualTo(0xffffffffL));
    // the maximum itself is fine
    EmbeddedChannel in3 = new EmbeddedChannel(new FrameDecoder(64));
    ByteBuf ok = Unpooled.buffer();
    ok.writeIntLE(64).writeIntLE(5050).writeZero(64 + 8);
    assertThat(in3.writeInbound(ok)).isTrue();
    RawMessage raw = in3.readInbound();
    assertThat(raw.payload()).hasSize(64);
  }

  @Test
  void oversizeOutboundIsRefused() {
    EmbeddedChannel out = new EmbeddedChannel(new FrameEncoder(16));
    assertThatThrownBy(() -> out.writeOutbound(new RawMessage(1000, new byte[17]))).isInstanceOf(EncoderException.class);
  }

  @Test
  void truncatedFrameWaitsAndYieldsNothing() {
    EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(Messages.MAX_MESSAGE_SIZE), new MessageCodec());
    ByteBuf partial = Unpooled.buffer();
    partial.writeIntLE(40).writeIntLE(5004).writeZero(20); // needs 48 bytes, 28 given
    assertThat(in.writeInbound(partial)).isFalse();
    assertThat((Object) in.readInbound()).isNull();
    in.finish();
  }

  @Test
  void truncatedPayloadIsATypedDecodeError() {
    // a complete frame whose payload is shorter than the message needs
    EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(Messages.MAX_MESSAGE_SIZE), new MessageCodec());
    ByteBuf f = Unpooled.buffer();
    f.writeIntLE(3).writeIntLE(5004).writeBytes(new byte[] {(byte) 0xe9, 3, 0}).writeZero(5);
    assertThatThrownBy(() -> in.writeInbound(f))
        .isInstanceOf(DecoderException.class)
        .hasCauseInstanceOf(DecodeException.class);
  }

  @Test
  void cipherCodecIsOneCbcChainAndHandlesPartialBlocks() {
    byte[] key = new byte[32];
    byte[] iv = new byte[16];
    key[0] = 1;
    iv[0] = 2;
    EmbeddedChannel enc = new EmbeddedChannel(new StcpEncryptor(key, iv));
    EmbeddedChannel dec = new EmbeddedChannel(new StcpDecryptor(key, iv));
    byte[] plain = new byte[64];
    for (int i = 0; i < 64; i++) {
      plain[i] = (byte) i;
    }
    enc.writeOutbound(Unpooled.wrappedBuffer(plain, 0, 32));
    enc.writeOutbound(Unpooled.wrappedBuffer(plain, 32, 32));
    byte[] cipher = drain(enc);
    assertThat(cipher).hasSize(64);
    // split at odd boundaries: 5, 20, 39
    dec.writeInbound(Unpooled.wrappedBuffer(cipher, 0, 5));
    dec.writeInbound(Unpooled.wrappedBuffer(cipher, 5, 20));
    dec.writeInbound(Unpooled.wrappedBuffer(cipher, 25, 39));
    io.netty.buffer.CompositeByteBuf got = Unpooled.compositeBuffer();
    ByteBuf b;
    while ((b = dec.readInbound()) != null) {
      got.addComponent(true, b);
    }
    byte[] back = new byte[got.readableBytes()];
    got.readBytes(back);
    got.release();
    assertThat(back).isEqualTo(plain);
    assertThatThrownBy(() -> enc.writeOutbound(Unpooled.wrappedBuffer(new byte[15]))).isInstanceOf(EncoderException.class);
  }

  /** Captures the handshake event and the messages after it. */
  static final class Sink extends ChannelInboundHandlerAdapter {
    HandshakeCompleted done;
    final List<Object> messages = new ArrayList<>();

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof HandshakeCompleted h) {
        done = h;
      }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      messages.add(msg);
    }
  }

  @Test
  void handshakeReplacesItselfAndBothSidesTalk() {
    EcCrypto ec = EcCrypto.system();
    Sink sa = new Sink();
    Sink sb = new Sink();
    EmbeddedChannel a = new EmbeddedChannel();
    a.pipeline().addLast(StcpHandshakeHandler.NAME, new StcpHandshakeHandler(ec)).addLast(sa);
    EmbeddedChannel b = new EmbeddedChannel();
    b.pipeline().addLast(StcpHandshakeHandler.NAME, new StcpHandshakeHandler(ec)).addLast(sb);
    byte[] ka = drain(a);
    byte[] kb = drain(b);
    assertThat(ka).hasSize(33);
    assertThat(kb).hasSize(33);
    // B's key arrives together with B's first encrypted message: leftover bytes flow to the cipher
    b.pipeline().fireChannelRead(Unpooled.wrappedBuffer(ka));
    assertThat(sb.done).isNotNull();
    assertThat(b.pipeline().get(StcpHandshakeHandler.NAME)).isNull();
    assertThat(b.pipeline().names()).contains("stcp-decrypt", "stcp-encrypt", "frame-decoder", "frame-encoder", "message-codec");
    b.writeOutbound(new Message.CurrentTimeRequest(42));
    byte[] bMsg = drain(b);
    byte[] both = new byte[33 + bMsg.length];
    System.arraycopy(kb, 0, both, 0, 33);
    System.arraycopy(bMsg, 0, both, 33, bMsg.length);
    a.writeInbound(Unpooled.wrappedBuffer(both));
    assertThat(sa.done.secret()).isEqualTo(sb.done.secret());
    assertThat(sa.messages).hasSize(1);
    assertThat(((MessageCodec.Received) sa.messages.get(0)).message()).isEqualTo(new Message.CurrentTimeRequest(42));
    a.writeOutbound(new Message.ConnectionAccepted());
    b.writeInbound(Unpooled.wrappedBuffer(drain(a)));
    assertThat(((MessageCodec.Received) sb.messages.get(0)).message()).isEqualTo(new Message.ConnectionAccepted());
    a.finish();
    b.finish();
  }

  @Test
  void invalidEphemeralKeyFailsTheHandshake() {
    EmbeddedChannel a = new EmbeddedChannel(new StcpHandshakeHandler(EcCrypto.system()));
    drain(a);
    byte[] bad = Hex.decode("04" + "00".repeat(32));
    assertThatThrownBy(() -> a.writeInbound(Unpooled.wrappedBuffer(bad))).isInstanceOf(HandshakeFailedException.class);
    byte[] offCurve = Hex.decode("02" + "ff".repeat(32));
    EmbeddedChannel c = new EmbeddedChannel(new StcpHandshakeHandler(EcCrypto.system()));
    drain(c);
    assertThatThrownBy(() -> c.writeInbound(Unpooled.wrappedBuffer(offCurve))).isInstanceOf(HandshakeFailedException.class);
  }
}
