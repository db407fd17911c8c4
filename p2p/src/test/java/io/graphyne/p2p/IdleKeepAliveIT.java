package io.graphyne.p2p;

import io.graphyne.testing.Vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.p2p.chain.MemoryChain;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.session.P2pConfig;
import io.graphyne.p2p.session.P2pNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two idle peers with core's default 30 s inactivity timeout stay connected for 60 s (set
 * -Dgraphyne.p2p.idleSeconds to change), kept alive by current_time requests after 15 s of silence.
 */
class IdleKeepAliveIT {
  @Test
  void twoIdlePeersStayConnected() throws Exception {
    long idle = Long.getLong("graphyne.p2p.idleSeconds", 60);
    EcCrypto ec = EcCrypto.system();
    MemoryChain served = MemoryChain.load(Vectors.path("private-chain/blocks.hex"));
    P2pConfig cfg = P2pConfig.defaults(SyncLoopbackIT.PRIVATE_CHAIN);
    assertThat(cfg.inactivityTimeout()).isEqualTo(Duration.ofSeconds(30));
    try (P2pNode a = new P2pNode(cfg.withListen("127.0.0.1", -1), served, ec, io.graphyne.p2p.session.P2pListener.NONE)) {
      a.start();
      SyncLoopbackIT.InSync l = new SyncLoopbackIT.InSync();
      try (P2pNode b = new P2pNode(cfg, new MemoryChain(), ec, l)) {
        b.start();
        b.connect("127.0.0.1", a.boundPort()).get(5, TimeUnit.SECONDS);
        assertThat(l.latch.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(TimeUnit.SECONDS.toMillis(idle));
        assertThat(l.closed).isNull();
        assertThat(a.peers()).hasSize(1);
        assertThat(b.peers()).hasSize(1);
        assertThat(a.peers().get(0).isActive()).isTrue();
        assertThat(b.peers().get(0).isActive()).isTrue();
        // keep-alives were exchanged: a round trip was measured on both sides
        assertThat(b.peers().get(0).roundTripMicros()).isGreaterThanOrEqualTo(0);
      }
    }
  }
}
