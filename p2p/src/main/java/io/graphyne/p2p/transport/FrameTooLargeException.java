package io.graphyne.p2p.transport;

import io.netty.handler.codec.DecoderException;

/** A frame header announced a payload larger than MAX_MESSAGE_SIZE. */
public final class FrameTooLargeException extends DecoderException {
  private static final long serialVersionUID = 1L;
  private final long size;

  public FrameTooLargeException(long size, int max) {
    super("frame payload of " + size + " bytes exceeds " + max);
    this.size = size;
  }

  public long size() {
    return size;
  }
}
