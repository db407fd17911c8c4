package io.graphyne.p2p.transport;

import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.message.Messages;
import io.graphyne.p2p.message.RawMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/**
 * Typed messages over {@link RawMessage}s. Inbound it emits {@link Received} (the typed message
 * plus its raw form, whose RIPEMD-160 is the message id); a malformed payload raises the typed
 * {@code DecodeException}, which the session turns into a disconnect.
 */
public final class MessageCodec extends MessageToMessageCodec<RawMessage, Message> {

  /** A decoded inbound message with its raw payload. */
  public record Received(Message message, RawMessage raw) {}

  @Override
  protected void encode(ChannelHandlerContext ctx, Message msg, List<Object> out) {
    out.add(Messages.toRaw(msg));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, RawMessage msg, List<Object> out) {
    out.add(new Received(Messages.decode(msg), msg));
  }
}
