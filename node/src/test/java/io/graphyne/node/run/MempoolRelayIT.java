package io.graphyne.node.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.config.node.HostPort;
import io.graphyne.config.node.Network;
import io.graphyne.config.node.NodeConfig;
import io.graphyne.crypto.PrivateKey;
import io.graphyne.node.chain.Reason;
import io.graphyne.node.devnet.DevnetGenesis;
import io.graphyne.node.devnet.DevnetKeys;
import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.p2p.chain.ForwardingChainAccess;
import io.graphyne.p2p.chain.MemoryChain;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.session.DisconnectReason;
import io.graphyne.p2p.session.P2pConfig;
import io.graphyne.p2p.session.P2pListener;
import io.graphyne.p2p.session.P2pNode;
import io.graphyne.p2p.session.PeerSession;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.Asset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transaction relay through a real node over loopback: peer A sends transactions to our node B
 * (a full {@code graphyne run} node: RocksDB store, pipeline, controller), peer C is connected only
 * to B. A valid transfer reaches C; one signed by the wrong key (insufficient authority) and one
 * with a corrupted signature do not, are not in B's mempool, and are counted against A, which stays
 * connected. A flood of invalid transactions leaves B's mempool and relay cache empty.
 */
class MempoolRelayIT {
  @TempDir Path dir;

  /** C: records every transaction that reaches it. */
  static final class Recording extends ForwardingChainAccess {
    final Set<Bytes> arrived = ConcurrentHashMap.newKeySet();

    Recording() {
      super(new MemoryChain());
    }







    @Override
    public CompletionStage<TxVerdict> transactionArrived(SignedTransaction transaction, PeerRef from) {
      arrived.add(transaction.transaction().id());
      return CompletableFuture.completedFuture(TxVerdict.ACCEPTED);
    }

    @Override
    public void peerMisbehaved(PeerRef peer, DisconnectReason reason, String detail) {}
  }

  static void waitFor(BooleanSupplier c, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!c.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(20);
    }
  }

  private DevnetGenesis.Generated genesis;

  private SignedTransaction transfer(long amount, PrivateKey signer) {
    ObjectId from = ObjectId.account(genesis.accountInstance(DevnetGenesis.REGISTRAR));
    ObjectId to = ObjectId.account(genesis.accountInstance(genesis.witnesses().get(0)));
    ObjectId core = ObjectId.asset(0);
    Transaction tx = new Transaction(0, 0, Instant.now().plusSeconds(600),
        List.of(new TransferOperation(new Asset(2_000_000, core), from, to, new Asset(amount, core), null, List.of())), List.of());
    return new SignedTransaction(tx, List.of(Bytes.wrap(signer.sign(tx.sigDigest(genesis.chainId()).toArray()))));
  }

  private static SignedTransaction corrupted(SignedTransaction t) {
    byte[] sig = t.signatures().get(0).toArray();
    sig[40] ^= 0x55;
    return new SignedTransaction(t.transaction(), List.of(Bytes.wrap(sig)));
  }

  @Test
  void onlyValidTransactionsCrossTheNodeAndInvalidOnesCountAgainstTheSender() throws Exception {
    genesis = DevnetGenesis.generate(Instant.now(), 3, 1);
    Path g = dir.resolve("genesis.json");
    DevnetGenesis.write(genesis, g);
    NodeConfig cfg = new NodeConfig(Network.DEVNET, dir.resolve("b"), new HostPort("127.0.0.1", 0), List.of(),
        Optional.empty(), List.of(), 10, Duration.ofSeconds(5), g, List.of(), Map.of());
    NodeAssembly.Assembled b = NodeAssembly.assemble(cfg, null);
    b.node().start();
    Recording chainC = new Recording();
    P2pConfig peerCfg = P2pConfig.defaults(genesis.chainId()).withMaxPeers(10, 0); // no listening, no dialling
    try (P2pNode a = new P2pNode(peerCfg, new MemoryChain(), EcCrypto.system(), P2pListener.NONE);
        P2pNode c = new P2pNode(peerCfg, chainC, EcCrypto.system(), P2pListener.NONE)) {
      a.start();
      c.start();
      a.connect("127.0.0.1", b.node().p2pPort()).get(5, TimeUnit.SECONDS);
      c.connect("127.0.0.1", b.node().p2pPort()).get(5, TimeUnit.SECONDS);
      P2pNode nodeB = b.node().p2p();
      waitFor(() -> nodeB.peers().size() == 2 && nodeB.peers().stream().allMatch(PeerSession::isActive), "peers active");
      Thread.sleep(300); // synopsis exchange: everyone is in sync (B holds only genesis)

      SignedTransaction valid = transfer(1000, DevnetKeys.active(DevnetGenesis.REGISTRAR));
      SignedTransaction wrongKey = transfer(1001, DevnetKeys.active(genesis.witnesses().get(1)));
      SignedTransaction badSignature = corrupted(transfer(1002, DevnetKeys.active(DevnetGenesis.REGISTRAR)));
      a.broadcast(Message.Trx.of(wrongKey));
      a.broadcast(Message.Trx.of(badSignature));
      a.broadcast(Message.Trx.of(valid));
      waitFor(() -> chainC.arrived.contains(valid.transaction().id()), "the valid transaction reaches C");
      waitFor(() -> nodeB.transactionsReceived().invalid() == 2, "both invalid ones judged");
      Thread.sleep(500); // anything B would wrongly relay has had time to reach C
      assertThat(chainC.arrived).containsExactly(valid.transaction().id());
      assertThat(b.core().verdict(valid.transaction().id()).orElseThrow().reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(b.core().verdict(wrongKey.transaction().id()).orElseThrow().reason()).isEqualTo(Reason.T3_AUTHORITY);
      assertThat(b.core().verdict(badSignature.transaction().id()).orElseThrow().accepted()).isFalse();
      List<Bytes> mempool = b.core().onState(() -> b.core().controller().mempool().stream().map(t -> t.id()).toList(), 10);
      assertThat(mempool).containsExactly(valid.transaction().id());
      PeerSession fromA = nodeB.peers().stream().filter(p -> p.peerNodeId().map(a.nodeId()::equals).orElse(false))
          .findFirst().orElseThrow();
      assertThat(fromA.invalidTransactions()).isEqualTo(2);
      assertThat(fromA.acceptedTransactions()).isEqualTo(1);
      assertThat(fromA.closeReason()).isEmpty();

      // a flood of invalid transactions from A: nothing reaches C, B keeps nothing
      int n = 600;
      for (int i = 0; i < n; i++) {
        a.broadcast(Message.Trx.of(transfer(5000 + i, DevnetKeys.active(genesis.witnesses().get(2)))));
        if (i % 200 == 199) {
          int expected = 2 + i + 1;
          waitFor(() -> nodeB.transactionsReceived().invalid() >= expected, "flood judged up to " + expected);
        }
      }
      assertThat(nodeB.transactionsReceived().invalid()).isEqualTo(2 + n);
      assertThat(fromA.invalidTransactions()).isEqualTo(2 + n);
      assertThat(fromA.closeReason()).isEmpty();
      assertThat(chainC.arrived).containsExactly(valid.transaction().id());
      assertThat(nodeB.cachedMessages()).isEqualTo(1); // only the valid one is kept for relay
      assertThat(b.core().onState(() -> b.core().controller().mempoolSize(), 10)).isEqualTo(1);
    } finally {
      b.node().stop(Duration.ofSeconds(9));
    }
  }
}
