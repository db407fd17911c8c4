package io.graphyne.p2p;

import io.graphyne.testing.Vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.p2p.chain.ForwardingChainAccess;
import io.graphyne.p2p.chain.MemoryChain;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.session.DisconnectReason;
import io.graphyne.p2p.session.P2pConfig;
import io.graphyne.p2p.session.P2pListener;
import io.graphyne.p2p.session.P2pNode;
import io.graphyne.p2p.session.PeerSession;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.util.Hex;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Flow control, seed dialling, and transaction relay on real loopback sockets. */
class DefenceIT {
  static final Bytes CHAIN = SyncLoopbackIT.PRIVATE_CHAIN;

  /** Delegates to a MemoryChain and records transactions. */
  static final class RecordingChain extends ForwardingChainAccess {
    final MemoryChain chain;
    final List<SignedTransaction> trxs = new CopyOnWriteArrayList<>();

    RecordingChain(MemoryChain chain) {
      super(chain);
      this.chain = chain;
    }







    @Override
    public java.util.concurrent.CompletionStage<TxVerdict> transactionArrived(SignedTransaction t, PeerRef from) {
      trxs.add(t);
      return java.util.concurrent.CompletableFuture.completedFuture(TxVerdict.ACCEPTED);
    }

    @Override
    public void peerMisbehaved(PeerRef peer, DisconnectReason reason, String detail) {}
  }

  @Test
  void aPeerThatRequestsButNeverReadsIsDropped() throws Exception {
    MemoryChain served = MemoryChain.load(Vectors.path("private-chain/blocks.hex"));
    MisbehaviourIT.Closed closed = new MisbehaviourIT.Closed();
    EventLoopGroup g = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    // generous handshake/request timeouts: only the outbound-queue bound may end this connection
    P2pConfig cfg = P2pConfig.defaults(CHAIN).withListen("127.0.0.1", -1)
        .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(30));
    try (P2pNode server = new P2pNode(cfg, served, ScriptedPeer.EC, closed)) {
      server.start();
      Channel c = ScriptedPeer.connect(g, server.boundPort(), CHAIN, ScriptedPeer.HelloMode.VALID, (ctx, m) -> {
        if (m instanceof Message.ConnectionAccepted) {
          // our hello was accepted: stop reading and ask for the whole chain again and again
          ctx.channel().config().setAutoRead(false);
          for (int i = 0; i < 10_000; i++) {
            ctx.write(new Message.FetchBlockchainItemIds(1001, List.of()));
          }
          ctx.flush();
        }
      }, (ctx, h) -> {});
      assertThat(closed.reason.get(30, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.FLOODING);
      assertThat(server.bans().isBanned("127.0.0.1")).isTrue();
      c.close();
    } finally {
      g.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }

  @Test
  void seedsAreDialledAndTransactionsRelayed() throws Exception {
    MemoryChain served = MemoryChain.load(Vectors.path("private-chain/blocks.hex"));
    try (P2pNode server = new P2pNode(P2pConfig.defaults(CHAIN).withListen("127.0.0.1", -1).withMaxPeers(10, 0), served,
        ScriptedPeer.EC, P2pListener.NONE)) {
      server.start();
      RecordingChain local = new RecordingChain(new MemoryChain());
      SyncLoopbackIT.InSync l = new SyncLoopbackIT.InSync();
      P2pConfig cfg = P2pConfig.defaults(CHAIN).withSeeds(List.of("127.0.0.1:" + server.boundPort())).withMaxPeers(10, 1);
      try (P2pNode client = new P2pNode(cfg, local, ScriptedPeer.EC, l)) {
        client.start(); // no explicit connect: the seed list is dialled
        assertThat(l.latch.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(local.chain.size()).isEqualTo(220);
        String trxLine = java.nio.file.Files.readAllLines(Vectors.path("private-chain/transactions.jsonl")).get(0);
        String hex = new com.fasterxml.jackson.databind.ObjectMapper().readTree(trxLine).get("hex").asText();
        SignedTransaction trx = Codecs.decode(SignedTransaction.class, Hex.decode(hex));
        Thread.sleep(200);
        server.broadcast(Message.Trx.of(trx));
        SessionBehaviourIT.waitFor(() -> !local.trxs.isEmpty());
        assertThat(local.trxs).containsExactly(trx);
        assertThat(client.peers()).hasSize(1);
        PeerSession p = client.peers().get(0);
        assertThat(p.inbound()).isFalse();
      }
    }
  }
}
