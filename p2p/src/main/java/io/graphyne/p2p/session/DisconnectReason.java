package io.graphyne.p2p.session;

/** Why a connection ended. {@link #misbehaviour()} reasons get the peer banned. */
public enum DisconnectReason {
  HANDSHAKE_TIMEOUT(true, "no hello within the handshake timeout"),
  BAD_HANDSHAKE(true, "invalid STCP key exchange"),
  OVERSIZE_FRAME(true, "frame larger than the maximum message size"),
  MALFORMED_MESSAGE(true, "message could not be decoded"),
  WRONG_CHAIN(true, "peer is on a different chain"),
  INVALID_HELLO(true, "invalid signature in hello message"),
  NULL_NODE_ID(true, "null node id"),
  UNEXPECTED_MESSAGE(true, "message not allowed in this connection state"),
  UNREQUESTED_ITEM(true, "peer sent an item we did not request"),
  INVALID_BLOCK(true, "peer sent an invalid block"),
  INVALID_SYNC_RESPONSE(true, "invalid blockchain item ids inventory"),
  MISSING_SYNC_ITEM(true, "peer does not have a sync item it offered"),
  REQUEST_TIMEOUT(true, "peer did not answer a request in time"),
  FLOODING(true, "peer exceeded a message rate limit"),
  INACTIVITY(false, "no message received within the inactivity timeout"),
  CONNECTED_TO_SELF(false, "connected to ourselves"),
  ALREADY_CONNECTED(false, "already connected to this node"),
  TOO_MANY_PEERS(false, "maximum peer count reached"),
  REJECTED_BY_PEER(false, "peer rejected our hello"),
  PEER_CLOSED(false, "peer closed the connection"),
  BANNED(false, "peer is banned"),
  LOCAL_CLOSE(false, "closed by us"),
  IO_ERROR(false, "socket error");

  private final boolean misbehaviour;
  private final String description;

  DisconnectReason(boolean misbehaviour, String description) {
    this.misbehaviour = misbehaviour;
    this.description = description;
  }

  public boolean misbehaviour() {
    return misbehaviour;
  }

  public String description() {
    return description;
  }
}
