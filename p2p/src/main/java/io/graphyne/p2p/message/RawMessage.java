package io.graphyne.p2p.message;

import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.Bytes;

/**
 * One framed message: its 32-bit type and its payload (the fc::raw bytes of the message struct,
 * header and padding excluded). The payload array is owned by this record; do not modify it.
 */
public record RawMessage(long type, byte[] payload) {
  /** The message id / item hash: RIPEMD-160 of the payload (spec/p2p.md §2). */
  public Bytes messageId() {
    return Bytes.wrap(Hashes.ripemd160(payload));
  }

  @Override
  public String toString() {
    return "RawMessage[" + MessageType.name(type) + ", " + payload.length + " bytes]";
  }
}
