package io.graphyne.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.p2p.chain.ChainGenerator;
import io.graphyne.p2p.chain.MemoryChain;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.session.P2pConfig;
import io.graphyne.p2p.session.P2pListener;
import io.graphyne.p2p.session.P2pNode;
import io.graphyne.protocol.Bytes;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sync of a generated chain of 5,000 signed blocks over loopback, in batches of 200 with id refills. */
class GeneratedChainIT {
  static final Bytes CHAIN = Bytes.fromHex("11".repeat(32));

  @Test
  void syncs5000GeneratedBlocks() throws Exception {
    EcCrypto ec = EcCrypto.system();
    MemoryChain served = new MemoryChain();
    ChainGenerator.extend(served, 5000, ec, ec.newPrivateKey(), 1_700_000_000L);
    assertThat(served.size()).isEqualTo(5000);
    try (P2pNode server = new P2pNode(P2pConfig.defaults(CHAIN).withListen("127.0.0.1", -1), served, ec, P2pListener.NONE)) {
      server.start();
      MemoryChain local = new MemoryChain();
      SyncLoopbackIT.InSync l = new SyncLoopbackIT.InSync();
      try (P2pNode client = new P2pNode(P2pConfig.defaults(CHAIN), local, ec, l)) {
        client.start();
        client.connect("127.0.0.1", server.boundPort()).get(5, TimeUnit.SECONDS);
        assertThat(l.latch.await(120, TimeUnit.SECONDS)).as("in sync").isTrue();
        assertThat(local.size()).isEqualTo(5000);
        SyncLoopbackIT.assertLinked(local, 5000);
        assertThat(local.head().id()).isEqualTo(served.head().id());
        assertThat(l.closed).isNull();

        // the server now sees the client as in sync and pushes a new block by inventory (§4.4-4.5)
        ChainGenerator.extend(served, 1, ec, ec.newPrivateKey(), 1_700_000_000L);
        Thread.sleep(200);
        server.broadcast(io.graphyne.p2p.message.Message.Block.ofRaw(served.blockOf(5001), served.idOf(5001)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (local.size() < 5001 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(local.size()).isEqualTo(5001);
        assertThat(local.head().id()).isEqualTo(served.idOf(5001));
      }
    }
  }
}
