package io.graphyne.p2p;

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
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transaction relay over real sockets on loopback: A -&gt; B -&gt; C, where B judges every
 * transaction asynchronously (on its own thread, as the node's apply thread does) and relays only
 * the accepted ones; invalid ones are counted against A, which stays connected. The real
 * validation (signatures, authorities) is exercised by the node's MempoolRelayIT.
 */
class TrxRelayIT {
  static final Bytes CHAIN = SyncLoopbackIT.PRIVATE_CHAIN;

  /** A chain access that judges transactions with {@code judge}, later, on another thread. */
  static final class Judging extends ForwardingChainAccess {
    final MemoryChain chain;
    final Set<Bytes> arrived = ConcurrentHashMap.newKeySet();
    final ExecutorService judgeThread = Executors.newSingleThreadExecutor();
    final Function<SignedTransaction, TxVerdict> judge;
    /** While set, verdicts are withheld (the node is slow) until {@link #release}. */
    volatile boolean hold;
    final java.util.Queue<CompletableFuture<TxVerdict>> held = new java.util.concurrent.ConcurrentLinkedQueue<>();

    void release() {
      hold = false;
      CompletableFuture<TxVerdict> f;
      while ((f = held.poll()) != null) {
        f.complete(TxVerdict.INVALID);
      }
    }

    Judging(Function<SignedTransaction, TxVerdict> judge) {
      this(new MemoryChain(), judge);
    }

    private Judging(MemoryChain chain, Function<SignedTransaction, TxVerdict> judge) {
      super(chain);
      this.chain = chain;
      this.judge = judge;
    }







    @Override
    public CompletionStage<TxVerdict> transactionArrived(SignedTransaction transaction, PeerRef from) {
      arrived.add(transaction.transaction().id());
      if (hold) {
        CompletableFuture<TxVerdict> f = new CompletableFuture<>();
        held.add(f);
        return f;
      }
      return CompletableFuture.supplyAsync(() -> judge.apply(transaction), judgeThread);
    }

    @Override
    public void peerMisbehaved(PeerRef peer, DisconnectReason reason, String detail) {}
  }

  private P2pNode a;
  private P2pNode b;
  private P2pNode c;
  private Judging chainB;
  private Judging chainC;
  private SignedTransaction sample;

  @BeforeEach
  void start() throws Exception {
    String line = java.nio.file.Files.readAllLines(Vectors.path("private-chain/transactions.jsonl")).get(0);
    sample = Codecs.decode(SignedTransaction.class,
        Hex.decode(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("hex").asText()));
    // B accepts signed transactions and rejects unsigned ones; C accepts everything it gets
    chainB = new Judging(t -> t.signatures().isEmpty() ? ChainAccess.TxVerdict.INVALID : ChainAccess.TxVerdict.ACCEPTED);
    chainC = new Judging(t -> ChainAccess.TxVerdict.ACCEPTED);
    b = new P2pNode(P2pConfig.defaults(CHAIN).withListen("127.0.0.1", -1).withMaxPeers(10, 0), chainB, ScriptedPeer.EC,
        P2pListener.NONE);
    b.start();
    // A and C do not listen and dial only B, so everything C gets came through B
    a = new P2pNode(P2pConfig.defaults(CHAIN).withMaxPeers(10, 0), new MemoryChain(), ScriptedPeer.EC, P2pListener.NONE);
    c = new P2pNode(P2pConfig.defaults(CHAIN).withMaxPeers(10, 0), chainC, ScriptedPeer.EC, P2pListener.NONE);
    a.start();
    c.start();
    a.connect("127.0.0.1", b.boundPort()).get(5, TimeUnit.SECONDS);
    c.connect("127.0.0.1", b.boundPort()).get(5, TimeUnit.SECONDS);
    SessionBehaviourIT.waitFor(() -> b.peers().size() == 2 && b.peers().stream().allMatch(PeerSession::isActive));
    Thread.sleep(300); // every side has answered the other's synopsis: all are in sync (empty chains)
  }

  @AfterEach
  void stop() {
    for (P2pNode n : new P2pNode[] {c, a, b}) {
      if (n != null) {
        n.close();
      }
    }
    chainB.judgeThread.shutdownNow();
    chainC.judgeThread.shutdownNow();
  }

  private SignedTransaction variant(int i, boolean signed) {
    Transaction t = sample.transaction();
    Transaction v = new Transaction(t.refBlockNum(), t.refBlockPrefix(), t.expiration().plusSeconds(i), t.operations(),
        t.extensions());
    return new SignedTransaction(v, signed ? sample.signatures() : List.of());
  }

  private PeerSession sessionOfA() {
    return b.peers().stream().filter(p -> p.peerNodeId().map(a.nodeId()::equals).orElse(false)).findFirst().orElseThrow();
  }

  @Test
  void onlyAcceptedTransactionsAreRelayedAndInvalidOnesCountAgainstTheSender() throws Exception {
    SignedTransaction valid = variant(1, true);
    SignedTransaction invalid = variant(2, false);
    a.broadcast(Message.Trx.of(invalid));
    a.broadcast(Message.Trx.of(valid));
    SessionBehaviourIT.waitFor(() -> chainC.arrived.contains(valid.transaction().id()));
    SessionBehaviourIT.waitFor(() -> b.transactionsReceived().invalid() == 1);
    Thread.sleep(500); // anything B would (wrongly) relay has had time to reach C
    assertThat(chainB.arrived).containsExactlyInAnyOrder(valid.transaction().id(), invalid.transaction().id());
    assertThat(chainC.arrived).containsExactly(valid.transaction().id());
    PeerSession fromA = sessionOfA();
    assertThat(fromA.invalidTransactions()).isEqualTo(1);
    assertThat(fromA.acceptedTransactions()).isEqualTo(1);
    assertThat(fromA.closeReason()).isEmpty();
    assertThat(b.transactionsReceived().accepted()).isEqualTo(1);
  }

  @Test
  void aFloodOfInvalidTransactionsStaysBoundedAndReachesNoOtherPeer() throws Exception {
    int n = 1500;
    int chunk = 250; // B remembers at most MAX_WANTED advertised items per peer; send in chunks below that
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    for (int sent = 0; sent < n; sent += chunk) {
      for (int i = sent; i < sent + chunk; i++) {
        a.broadcast(Message.Trx.of(variant(100 + i, false)));
      }
      while (b.transactionsReceived().invalid() < sent + chunk && System.nanoTime() < end) {
        Thread.sleep(20);
        // nothing was cached for relay by B while the flood runs
        assertThat(b.cachedMessages()).isZero();
      }
    }
    assertThat(b.transactionsReceived().invalid()).isEqualTo(n);
    assertThat(sessionOfA().invalidTransactions()).isEqualTo(n);
    assertThat(sessionOfA().closeReason()).as("an invalid transaction is no reason to disconnect").isEmpty();
    assertThat(chainC.arrived).isEmpty();
    assertThat(b.cachedMessages()).isZero();
    // the peer is still served: a valid one after the flood goes through
    SignedTransaction valid = variant(1, true);
    a.broadcast(Message.Trx.of(valid));
    SessionBehaviourIT.waitFor(() -> chainC.arrived.contains(valid.transaction().id()));
    assertThat(b.cachedMessages()).isEqualTo(1);
  }

  @Test
  void aSlowNodeHoldsAtMostTheBoundOfVerdictsPerPeerThenResumes() throws Exception {
    chainB.hold = true;
    int n = 100;
    for (int i = 0; i < n; i++) {
      a.broadcast(Message.Trx.of(variant(10_000 + i, false)));
    }
    SessionBehaviourIT.waitFor(() -> chainB.arrived.size() == io.graphyne.p2p.session.SyncManager.MAX_VALIDATING_PER_PEER);
    Thread.sleep(500); // B asks for nothing more while the verdicts are outstanding
    assertThat(chainB.arrived).hasSize(io.graphyne.p2p.session.SyncManager.MAX_VALIDATING_PER_PEER);
    assertThat(sessionOfA().closeReason()).isEmpty();
    chainB.release();
    SessionBehaviourIT.waitFor(() -> b.transactionsReceived().invalid() == n);
    assertThat(chainB.arrived).hasSize(n);
    assertThat(chainC.arrived).isEmpty();
  }
}
