package io.graphyne.p2p;

import io.graphyne.testing.Vectors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphyne.p2p.chain.BlockHeaders;
import io.graphyne.p2p.chain.MemoryChain;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.session.DisconnectReason;
import io.graphyne.p2p.session.P2pConfig;
import io.graphyne.p2p.session.P2pListener;
import io.graphyne.p2p.session.P2pNode;
import io.graphyne.p2p.session.PeerSession;
import io.graphyne.protocol.Bytes;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real sockets on loopback: a serving node and a syncing node. */
class SyncLoopbackIT {
  static final Bytes PRIVATE_CHAIN = Bytes.fromHex("78fc7b1b7263d887da05a13f8d5d241268c7620870f6573696bea6b5fba88f59");

  /** Latch on the first in-sync event. */
  static final class InSync implements P2pListener {
    final CountDownLatch latch = new CountDownLatch(1);
    volatile DisconnectReason closed;
    volatile String detail;

    @Override
    public void onInSync(PeerSession peer) {
      latch.countDown();
    }

    @Override
    public void onClosed(PeerSession peer, DisconnectReason reason, String detail) {
      closed = reason;
      this.detail = peer + " " + reason + " " + detail;
    }
  }

  static void assertLinked(MemoryChain c, int n) {
    Bytes prev = Bytes.zeros(20);
    for (int i = 1; i <= n; i++) {
      BlockHeaders h = BlockHeaders.parse(c.blockOf(i).unsafeArray());
      assertThat(h.previous()).isEqualTo(prev);
      assertThat(h.id()).isEqualTo(c.idOf(i));
      assertThat(h.blockNum()).isEqualTo(i);
      prev = h.id();
    }
  }

  @Test
  void syncsTheRealPrivateChain() throws Exception {
    MemoryChain served = MemoryChain.load(Vectors.path("private-chain/blocks.hex"));
    assertThat(served.size()).isEqualTo(220);
    List<String> idLines = Files.readAllLines(Vectors.path("private-chain/block_ids.jsonl"));
    ObjectMapper om = new ObjectMapper();
    for (String line : idLines) {
      JsonNode n = om.readTree(line);
      assertThat(served.idOf(n.get("block_num").asLong()).toHex()).isEqualTo(n.get("block_id").asText());
    }
    EcCrypto ec = EcCrypto.system();
    try (P2pNode server = new P2pNode(P2pConfig.defaults(PRIVATE_CHAIN).withListen("127.0.0.1", -1), served, ec, P2pListener.NONE)) {
      server.start();
      MemoryChain local = new MemoryChain();
      InSync l = new InSync();
      try (P2pNode client = new P2pNode(P2pConfig.defaults(PRIVATE_CHAIN), local, ec, l)) {
        client.start();
        client.connect("127.0.0.1", server.boundPort()).get(5, TimeUnit.SECONDS);
        assertThat(l.latch.await(30, TimeUnit.SECONDS)).as("in sync").isTrue();
        assertThat(local.size()).isEqualTo(220);
        assertLinked(local, 220);
        for (int i = 1; i <= 220; i++) {
          assertThat(local.blockOf(i)).isEqualTo(served.blockOf(i));
        }
        assertThat(l.closed).as(() -> l.detail).isNull();
        assertThat(client.peers()).hasSize(1);
        assertThat(client.peers().get(0).hello().orElseThrow().userData().number("last_known_block_number")).contains(220L);
      }
    }
  }
}
