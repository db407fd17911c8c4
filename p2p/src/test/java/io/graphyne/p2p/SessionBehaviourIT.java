package io.graphyne.p2p;

import io.graphyne.testing.Vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.p2p.chain.MemoryChain;
import io.graphyne.p2p.message.Endpoint;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.session.DisconnectReason;
import io.graphyne.p2p.session.P2pConfig;
import io.graphyne.p2p.session.P2pNode;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The session and sync state machines against scripted peers on real loopback sockets. */
class SessionBehaviourIT {
  static final Bytes CHAIN = SyncLoopbackIT.PRIVATE_CHAIN;
  static MemoryChain real;

  @BeforeAll
  static void load() throws Exception {
    real = MemoryChain.load(Vectors.path("private-chain/blocks.hex"));
  }

  static P2pConfig fast() {
    return P2pConfig.defaults(CHAIN).withTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  private static DisconnectReason run(ScriptedPeer.HelloMode hello, P2pConfig cfg, ChainAccess chain,
      BiConsumer<ChannelHandlerContext, Message> script, boolean expectBan) throws Exception {
    try (ScriptedPeer peer = new ScriptedPeer(CHAIN, hello, script)) {
      MisbehaviourIT.Closed l = new MisbehaviourIT.Closed();
      try (P2pNode client = new P2pNode(cfg, chain, ScriptedPeer.EC, l)) {
        client.start();
        client.connect("127.0.0.1", peer.port()).get(5, TimeUnit.SECONDS);
        DisconnectReason r = l.reason.get(15, TimeUnit.SECONDS);
        assertThat(client.bans().isBanned("127.0.0.1:" + peer.port())).isEqualTo(expectBan);
        return r;
      }
    }
  }

  private static BiConsumer<ChannelHandlerContext, Message> onSynopsis(java.util.function.Function<Message.FetchBlockchainItemIds, Message> reply) {
    return (ctx, m) -> {
      if (m instanceof Message.FetchBlockchainItemIds f) {
        Message out = reply.apply(f);
        if (out != null) {
          ctx.writeAndFlush(out);
        }
      }
    };
  }

  @Test
  void nonConsecutiveIdsAreAnInvalidSyncResponse() throws Exception {
    DisconnectReason r = run(ScriptedPeer.HelloMode.VALID, fast(), new MemoryChain(),
        onSynopsis(f -> new Message.BlockchainItemIdsInventory(0, 1001, List.of(real.idOf(1), real.idOf(3)))), true);
    assertThat(r).isEqualTo(DisconnectReason.INVALID_SYNC_RESPONSE);
  }

  @Test
  void replyToAnEmptySynopsisMustStartAtBlockOne() throws Exception {
    DisconnectReason r = run(ScriptedPeer.HelloMode.VALID, fast(), new MemoryChain(),
        onSynopsis(f -> new Message.BlockchainItemIdsInventory(0, 1001, List.of(real.idOf(2), real.idOf(3)))), true);
    assertThat(r).isEqualTo(DisconnectReason.INVALID_SYNC_RESPONSE);
  }

  @Test
  void implausibleRemainingCountIsAnInvalidSyncResponse() throws Exception {
    // our head (block 220 of the private chain) is from 2026; 4e9 more blocks cannot exist yet
    MemoryChain local = MemoryChain.load(Vectors.path("private-chain/blocks.hex"));
    DisconnectReason r = run(ScriptedPeer.HelloMode.VALID, fast(), local,
        onSynopsis(f -> new Message.BlockchainItemIdsInventory(4_000_000_000L, 1001, List.of(real.idOf(220)))), true);
    assertThat(r).isEqualTo(DisconnectReason.INVALID_SYNC_RESPONSE);
  }

  @Test
  void outOfOrderBlockTriggersResyncWithoutPenalty() throws Exception {
    java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
    BiConsumer<ChannelHandlerContext, Message> script = (ctx, m) -> {
      if (m instanceof Message.FetchBlockchainItemIds f) {
        List<Bytes> syn = f.blockchainSynopsis();
        if (syn.isEmpty()) {
          ctx.writeAndFlush(new Message.BlockchainItemIdsInventory(0, 1001, List.of(real.idOf(1), real.idOf(2), real.idOf(3))));
        } else {
          Bytes last = syn.get(syn.size() - 1);
          ctx.writeAndFlush(new Message.BlockchainItemIdsInventory(0, 1001, List.of(last)));
        }
      } else if (m instanceof Message.FetchItems f) {
        List<Bytes> ids = new java.util.ArrayList<>(f.itemsToFetch());
        if (fetches.getAndIncrement() == 0) {
          java.util.Collections.swap(ids, 0, 1); // block 2 first: unlinkable
        }
        for (Bytes id : ids) {
          ctx.write(Message.Block.ofRaw(real.blockOf(BlockIdsNum.of(id)), id));
        }
        ctx.flush();
      }
    };
    MemoryChain local = new MemoryChain();
    try (ScriptedPeer peer = new ScriptedPeer(CHAIN, ScriptedPeer.HelloMode.VALID, script)) {
      SyncLoopbackIT.InSync l = new SyncLoopbackIT.InSync();
      try (P2pNode client = new P2pNode(P2pConfig.defaults(CHAIN), local, ScriptedPeer.EC, l)) {
        client.start();
        client.connect("127.0.0.1", peer.port()).get(5, TimeUnit.SECONDS);
        assertThat(l.latch.await(15, TimeUnit.SECONDS)).isTrue();
        assertThat(local.size()).isEqualTo(3);
        assertThat(fetches.get()).isGreaterThanOrEqualTo(2);
        assertThat(l.closed).as(() -> l.detail).isNull();
      }
    }
  }

  /** Block number of an id as an int index. */
  static final class BlockIdsNum {
    static int of(Bytes id) {
      return (int) io.graphyne.p2p.message.BlockIds.num(id);
    }
  }

  @Test
  void unansweredSynopsisRequestTimesOut() throws Exception {
    DisconnectReason r = run(ScriptedPeer.HelloMode.VALID, fast(), new MemoryChain(), (ctx, m) -> {}, true);
    assertThat(r).isEqualTo(DisconnectReason.REQUEST_TIMEOUT);
  }

  @Test
  void stalledBlockFetchTimesOut() throws Exception {
    DisconnectReason r = run(ScriptedPeer.HelloMode.VALID, fast(), new MemoryChain(),
        onSynopsis(f -> new Message.BlockchainItemIdsInventory(0, 1001, List.of(real.idOf(1), real.idOf(2)))), true);
    assertThat(r).isEqualTo(DisconnectReason.REQUEST_TIMEOUT);
  }

  @Test
  void blockWhoseIdDoesNotMatchItsHeaderIsInvalid() throws Exception {
    BiConsumer<ChannelHandlerContext, Message> script = (ctx, m) -> {
      if (m instanceof Message.FetchBlockchainItemIds) {
        ctx.writeAndFlush(new Message.BlockchainItemIdsInventory(0, 1001, List.of(real.idOf(1), real.idOf(2))));
      } else if (m instanceof Message.FetchItems f) {
        // block 2's bytes announced under block 1's id
        ctx.writeAndFlush(Message.Block.ofRaw(real.blockOf(2), f.itemsToFetch().get(0)));
      }
    };
    assertThat(run(ScriptedPeer.HelloMode.VALID, fast(), new MemoryChain(), script, true)).isEqualTo(DisconnectReason.INVALID_BLOCK);
  }

  @Test
  void blockTheNodeRejectsGetsThePeerDisconnectedAndReported() throws Exception {
    AtomicReference<DisconnectReason> reported = new AtomicReference<>();
    MemoryChain empty = new MemoryChain();
    ChainAccess rejecting = new ChainAccess() {
      @Override
      public ChainAccess.Head head() {
        return empty.head();
      }

      @Override
      public List<Bytes> synopsis() {
        return empty.synopsis();
      }

      @Override
      public ChainAccess.IdsAfter blockIdsAfter(List<Bytes> synopsis, int limit) {
        return empty.blockIdsAfter(synopsis, limit);
      }

      @Override
      public boolean hasBlock(Bytes id) {
        return false;
      }

      @Override
      public java.util.Optional<Bytes> blockById(Bytes id) {
        return java.util.Optional.empty();
      }

      @Override
      public java.util.concurrent.CompletionStage<ChainAccess.TxVerdict> transactionArrived(
          io.graphyne.protocol.SignedTransaction trx, ChainAccess.PeerRef from) {
        return java.util.concurrent.CompletableFuture.completedFuture(ChainAccess.TxVerdict.INVALID);
      }

      @Override
      public ChainAccess.BlockVerdict blockArrived(SignedBlock block, Bytes raw, Bytes blockId, ChainAccess.PeerRef from) {
        return ChainAccess.BlockVerdict.INVALID;
      }

      @Override
      public void peerMisbehaved(ChainAccess.PeerRef peer, DisconnectReason reason, String detail) {
        reported.set(reason);
      }
    };
    BiConsumer<ChannelHandlerContext, Message> script = (ctx, m) -> {
      if (m instanceof Message.FetchBlockchainItemIds) {
        ctx.writeAndFlush(new Message.BlockchainItemIdsInventory(0, 1001, List.of(real.idOf(1))));
      } else if (m instanceof Message.FetchItems f) {
        ctx.writeAndFlush(Message.Block.ofRaw(real.blockOf(1), real.idOf(1)));
      }
    };
    assertThat(run(ScriptedPeer.HelloMode.VALID, fast(), rejecting, script, true)).isEqualTo(DisconnectReason.INVALID_BLOCK);
    assertThat(reported.get()).isEqualTo(DisconnectReason.INVALID_BLOCK);
  }

  @Test
  void badHelloSignatureIsRejected() throws Exception {
    assertThat(run(ScriptedPeer.HelloMode.BAD_SIGNATURE, fast(), new MemoryChain(), (ctx, m) -> {}, true))
        .isEqualTo(DisconnectReason.INVALID_HELLO);
  }

  @Test
  void noHelloIsAHandshakeTimeout() throws Exception {
    assertThat(run(ScriptedPeer.HelloMode.NONE, fast(), new MemoryChain(), (ctx, m) -> {}, true))
        .isEqualTo(DisconnectReason.HANDSHAKE_TIMEOUT);
  }

  @Test
  void silentPeerIsDroppedForInactivityButNotBanned() throws Exception {
    // answers the synopsis request (so sync completes) and then never answers keep-alives
    BiConsumer<ChannelHandlerContext, Message> script = (ctx, m) -> {
      if (m instanceof Message.FetchBlockchainItemIds) {
        ctx.writeAndFlush(new Message.BlockchainItemIdsInventory(0, 1001, List.of()));
      }
    };
    assertThat(run(ScriptedPeer.HelloMode.VALID, fast(), new MemoryChain(), script, false)).isEqualTo(DisconnectReason.INACTIVITY);
  }

  @Test
  void unknownCoreMessagesAreIgnoredAndPrivateTypesAreNot() throws Exception {
    BiConsumer<ChannelHandlerContext, Message> script = (ctx, m) -> {
      if (m instanceof Message.FetchBlockchainItemIds) {
        ctx.writeAndFlush(new Message.Unknown(5050, Bytes.fromHex("01")));
        ctx.writeAndFlush(new Message.GetCurrentConnectionsRequest());
        ctx.writeAndFlush(new Message.Unknown(7000, Bytes.fromHex("01")));
      }
    };
    assertThat(run(ScriptedPeer.HelloMode.VALID, fast(), new MemoryChain(), script, true)).isEqualTo(DisconnectReason.UNREQUESTED_ITEM);
  }

  @Test
  void addressExchangeFillsThePeerDatabaseAndMaxPeersIsEnforced() throws Exception {
    P2pConfig serverCfg = P2pConfig.defaults(CHAIN).withListen("127.0.0.1", -1).withMaxPeers(2, 0);
    try (P2pNode server = new P2pNode(serverCfg, real, ScriptedPeer.EC, io.graphyne.p2p.session.P2pListener.NONE)) {
      server.start();
      // a listening peer connects first, so the server has an address to share
      try (P2pNode listening = new P2pNode(P2pConfig.defaults(CHAIN).withListen("127.0.0.1", -1).withMaxPeers(10, 0),
              new MemoryChain(), ScriptedPeer.EC, io.graphyne.p2p.session.P2pListener.NONE)) {
        listening.start();
        SyncLoopbackIT.InSync l1 = new SyncLoopbackIT.InSync();
        listening.connect("127.0.0.1", server.boundPort()).get(5, TimeUnit.SECONDS);
        waitFor(() -> server.peers().stream().anyMatch(p -> p.isActive()));
        try (P2pNode second = new P2pNode(P2pConfig.defaults(CHAIN).withMaxPeers(10, 0), new MemoryChain(), ScriptedPeer.EC, l1)) {
          second.start();
          second.connect("127.0.0.1", server.boundPort()).get(5, TimeUnit.SECONDS);
          assertThat(l1.latch.await(20, TimeUnit.SECONDS)).isTrue();
          String expected = new Endpoint(0x7f000001, listening.boundPort()).toString();
          waitFor(() -> second.peerDatabase().entries().stream().anyMatch(e -> e.endpoint().equals(expected)));
          // a third peer exceeds maxPeers = 2 and is turned away
          MisbehaviourIT.Closed l3 = new MisbehaviourIT.Closed();
          try (P2pNode third = new P2pNode(P2pConfig.defaults(CHAIN), new MemoryChain(), ScriptedPeer.EC, l3)) {
            third.start();
            third.connect("127.0.0.1", server.boundPort()).get(5, TimeUnit.SECONDS);
            assertThat(l3.reason.get(10, TimeUnit.SECONDS)).isIn(DisconnectReason.REJECTED_BY_PEER, DisconnectReason.PEER_CLOSED);
          }
        }
      }
    }
  }

  @Test
  void normalModeBlockIsMatchedToTheOutstandingRequestEvenIfReserialised() throws Exception {
    Bytes advertised = Bytes.fromHex("ab".repeat(20)); // not RIPEMD-160 of what will be sent
    BiConsumer<ChannelHandlerContext, Message> script = (ctx, m) -> {
      if (m instanceof Message.FetchBlockchainItemIds) {
        ctx.writeAndFlush(new Message.BlockchainItemIdsInventory(0, 1001, List.of()));
        ctx.writeAndFlush(new Message.ItemIdsInventory(1001, List.of(advertised)));
      } else if (m instanceof Message.FetchItems f && f.itemsToFetch().equals(List.of(advertised))) {
        ctx.writeAndFlush(Message.Block.ofRaw(real.blockOf(1), real.idOf(1)));
      }
    };
    MemoryChain local = new MemoryChain();
    try (ScriptedPeer peer = new ScriptedPeer(CHAIN, ScriptedPeer.HelloMode.VALID, script)) {
      MisbehaviourIT.Closed l = new MisbehaviourIT.Closed();
      try (P2pNode client = new P2pNode(P2pConfig.defaults(CHAIN), local, ScriptedPeer.EC, l)) {
        client.start();
        client.connect("127.0.0.1", peer.port()).get(5, TimeUnit.SECONDS);
        waitFor(() -> local.size() == 1);
        assertThat(local.idOf(1)).isEqualTo(real.idOf(1));
        Thread.sleep(300);
        assertThat(l.reason).isNotDone();
      }
    }
  }

  static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!c.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met in 10 s");
      }
      Thread.sleep(20);
    }
  }
}
