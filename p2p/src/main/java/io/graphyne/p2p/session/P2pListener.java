package io.graphyne.p2p.session;

import io.graphyne.p2p.message.Message;

/** Observer of peer life-cycle events (for the CLI and tests); callbacks must not block. */
public interface P2pListener {
  default void onHello(PeerSession peer, Message.Hello hello) {}

  default void onActive(PeerSession peer) {}

  /** Sync with this peer finished: it confirmed our head is its head. */
  default void onInSync(PeerSession peer) {}

  default void onClosed(PeerSession peer, DisconnectReason reason, String detail) {}

  P2pListener NONE = new P2pListener() {};
}
