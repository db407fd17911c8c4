package io.graphyne.p2p.transport;

import io.netty.handler.codec.DecoderException;

/** The peer's 33-byte ephemeral key was not a valid compressed secp256k1 point. */
public final class HandshakeFailedException extends DecoderException {
  private static final long serialVersionUID = 1L;

  public HandshakeFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
