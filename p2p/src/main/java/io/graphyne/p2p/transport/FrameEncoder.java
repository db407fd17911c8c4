package io.graphyne.p2p.transport;

import io.graphyne.p2p.message.RawMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a {@link RawMessage} as header + payload + zero padding to a multiple of 16 bytes. */
public final class FrameEncoder extends MessageToByteEncoder<RawMessage> {
  private final int maxPayload;

  public FrameEncoder(int maxPayload) {
    this.maxPayload = maxPayload;
  }

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, RawMessage msg, boolean preferDirect) {
    return ctx.alloc().heapBuffer(FrameDecoder.frameLength(msg.payload().length));
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, RawMessage msg, ByteBuf out) {
    int size = msg.payload().length;
    if (size > maxPayload) {
      throw new EncoderException("refusing to send a " + size + "-byte payload (max " + maxPayload + ")");
    }
    int frame = FrameDecoder.frameLength(size);
    out.writeIntLE(size);
    out.writeIntLE((int) msg.type());
    out.writeBytes(msg.payload());
    out.writeZero(frame - 8 - size);
  }
}
