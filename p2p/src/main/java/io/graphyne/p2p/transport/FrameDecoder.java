package io.graphyne.p2p.transport;

import io.graphyne.p2p.message.RawMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Plaintext framing (spec/p2p.md §2): uint32 LE payload size, uint32 LE type, payload, zero
 * padding to a multiple of 16. A size above the limit fails at once, before anything is buffered.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
  private final int maxPayload;

  public FrameDecoder(int maxPayload) {
    this.maxPayload = maxPayload;
  }

  /** Total frame length (header + payload + padding) for a payload size. */
  public static int frameLength(int size) {
    return (8 + size + 15) & ~15;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= 8) {
      int start = in.readerIndex();
      long size = in.getUnsignedIntLE(start);
      if (size > maxPayload) {
        in.skipBytes(in.readableBytes());
        throw new FrameTooLargeException(size, maxPayload);
      }
      int frame = frameLength((int) size);
      if (in.readableBytes() < frame) {
        return;
      }
      long type = in.getUnsignedIntLE(start + 4);
      byte[] payload = new byte[(int) size];
      in.getBytes(start + 8, payload);
      in.skipBytes(frame);
      out.add(new RawMessage(type, payload));
    }
  }
}
