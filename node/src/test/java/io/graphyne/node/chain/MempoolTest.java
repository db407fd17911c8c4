package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.node.generate.ChainGenerator;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.types.Authority;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mempool as bitshares-core keeps it (db_block.cpp {@code _push_transaction}, {@code pop_block},
 * db_with.hpp {@code pending_transactions_restorer}): admission applies the transaction on top of
 * the head and the mempool, blocks and fork switches re-validate it, transactions of abandoned
 * blocks come back, and the mempool is bounded.
 */
class MempoolTest {

  private static PreparedTransaction create(TestChain t, String name) {
    return create(t, name, t.headTime() + 60);
  }

  private static PreparedTransaction create(TestChain t, String name, long expiration) {
    Authority k = Authority.singleKey(ChainGenerator.key(name).publicKey(TestChain.SECP));
    return t.sign(t.tx(List.of(t.create(name, k, k)), expiration), t.registrarKey);
  }

  private static PreparedBlock step(TestChain t, long slot, PreparedTransaction... txs) {
    PreparedBlock b = t.produce(slot, List.of(txs));
    assertThat(t.chain.pushBlock(b).reason()).isEqualTo(Reason.ACCEPTED);
    return b;
  }

  private static List<Bytes> ids(List<PreparedTransaction> txs) {
    return txs.stream().map(PreparedTransaction::id).toList();
  }

  @Test
  void admissionAppliesOperationsOnTopOfHeadAndMempool() {
    try (TestChain t = new TestChain()) {
      t.empty(1);
      PreparedTransaction first = create(t, "carol");
      assertThat(t.chain.pushTransaction(first).reason()).isEqualTo(Reason.ACCEPTED);
      // same name, another transaction: the name is taken in the pending state (T9), not at head
      PreparedTransaction clash = create(t, "carol", t.headTime() + 61);
      TxResult r = t.chain.pushTransaction(clash);
      assertThat(r.reason()).as("%s", r).isEqualTo(Reason.T9_OPERATION);
      assertThat(r.detail()).contains("taken");
      // the same transaction again: duplicate
      assertThat(t.chain.pushTransaction(first).reason()).isEqualTo(Reason.T2_DUPLICATE);
      // a name taken at head: T9 at admission
      t.next(create(t, "dennis"));
      assertThat(t.chain.pushTransaction(create(t, "dennis", t.headTime() + 70)).reason()).isEqualTo(Reason.T9_OPERATION);
      // a bad signature never enters
      PreparedTransaction wrongKey = t.sign(t.tx(List.of(t.transfer(t.registrar, ObjectId.account(6)))), ChainGenerator.key("x"));
      assertThat(t.chain.pushTransaction(wrongKey).reason()).isEqualTo(Reason.T3_AUTHORITY);
      assertThat(ids(t.chain.mempool())).containsExactly(first.id());
      assertThat(t.chain.rejections()).containsKeys(Reason.T9_OPERATION, Reason.T3_AUTHORITY);
      assertThat(t.chain.rejections()).doesNotContainKey(Reason.ACCEPTED);
    }
  }

  @Test
  void aBlockRemovesIncludedTransactionsAndDropsThoseItMadeInvalid() {
    try (TestChain t = new TestChain(); TestChain other = new TestChain()) {
      step(t, 1);
      other.chain.pushBlock(other.roundTrip(PreparedBlock.decode(t.store.state().block(1).orElseThrow(), t.chainId(),
          TestChain.SECP)));
      PreparedTransaction included = create(t, "erin");
      PreparedTransaction madeInvalid = create(t, "frank");
      PreparedTransaction survivor = create(t, "grace");
      for (PreparedTransaction x : List.of(included, madeInvalid, survivor)) {
        assertThat(t.chain.pushTransaction(x).reason()).isEqualTo(Reason.ACCEPTED);
      }
      // a peer's block includes "erin" and another transaction that takes the name "frank"
      PreparedTransaction rival = create(other, "frank", other.headTime() + 90);
      PreparedBlock b = step(other, 1, included, rival);
      assertThat(t.chain.pushBlock(t.roundTrip(b)).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(ids(t.chain.mempool())).containsExactly(survivor.id());
      assertThat(t.chain.mempoolDropped()).isEqualTo(1);
      assertThat(t.chain.mempoolBytes()).isEqualTo(survivor.signedSize());
    }
  }

  @Test
  void forkSwitchRequeuesAbandonedTransactionsTheNewBranchLacksExceptExpiredOnes() {
    try (TestChain a = new TestChain(); TestChain y = new TestChain()) {
      step(a, 1);
      y.chain.pushBlock(y.roundTrip(PreparedBlock.decode(a.store.state().block(1).orElseThrow(), a.chainId(), TestChain.SECP)));
      long a2Time = a.chain.slotTime(1);
      PreparedTransaction lacking = create(a, "henry");
      PreparedTransaction inBoth = create(a, "irene");
      // valid in a block at a2Time (its head is block 1), expired once the head is past a2Time
      PreparedTransaction shortLived = create(a, "judy", a2Time);
      PreparedTransaction pending = create(a, "karl");
      step(a, 1, lacking, inBoth, shortLived);
      assertThat(a.chain.pushTransaction(pending).reason()).isEqualTo(Reason.ACCEPTED);
      // branch Y: block 2 one slot later with "irene", block 3 empty: longer, so the node switches
      PreparedBlock y2 = step(y, 2, inBoth);
      PreparedBlock y3 = step(y, 1);
      assertThat(y2.block().header().timestamp().getEpochSecond()).isGreaterThan(a2Time);
      assertThat(a.chain.pushBlock(a.roundTrip(y2)).reason()).isEqualTo(Reason.FORK_STORED);
      BlockResult sw = a.chain.pushBlock(a.roundTrip(y3));
      assertThat(sw.reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(sw.switched()).isEqualTo(1);
      assertThat(a.chain.head().blockId()).isEqualTo(y3.id());
      // popped first (oldest first), then the previous mempool; "irene" is in the new branch, "judy" expired
      assertThat(ids(a.chain.mempool())).containsExactly(lacking.id(), pending.id());
      assertThat(a.store.state().accountIdByName("henry")).isEmpty();
      // the next produced block carries them
      BlockProducer.Produced next = BlockProducer.produce(a.chain, a.chain.scheduledWitness(1),
          TestChain.witnessKey(a.chain.scheduledWitness(1)), a.chain.slotTime(1), a.chain.mempool(), TestChain.SECP);
      assertThat(ids(next.included())).containsExactly(lacking.id(), pending.id());
      assertThat(a.chain.pushBlock(next.block()).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(a.store.state().accountIdByName("henry")).isPresent();
      assertThat(a.store.state().accountIdByName("karl")).isPresent();
      assertThat(a.store.state().accountIdByName("judy")).isEmpty();
      assertThat(a.chain.mempool()).isEmpty();
    }
  }

  @Test
  void poppedBlockTransactionsReturnToTheMempool() {
    try (TestChain t = new TestChain()) {
      t.empty(1);
      PreparedTransaction x = create(t, "lena");
      t.next(x);
      assertThat(t.chain.mempool()).isEmpty();
      t.chain.popBlock();
      assertThat(ids(t.chain.mempool())).containsExactly(x.id());
      // a block at the next slot (at slot 1 it would be the popped block again, which is known)
      step(t, 2, t.chain.mempool().toArray(PreparedTransaction[]::new));
      assertThat(t.chain.mempool()).isEmpty();
      assertThat(t.store.state().accountIdByName("lena")).isPresent();
    }
  }

  @Test
  void theMempoolIsBoundedByCountAndBytes() {
    PreparedTransaction sizer;
    try (TestChain probe = new TestChain()) {
      probe.empty(1);
      sizer = create(probe, "n0");
    }
    long one = sizer.signedSize();
    try (TestChain t = new TestChain(null, o -> o.withMempoolLimits(2, Long.MAX_VALUE))) {
      t.empty(1);
      assertThat(t.chain.pushTransaction(create(t, "m1")).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(t.chain.pushTransaction(create(t, "m2")).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(t.chain.pushTransaction(create(t, "m3")).reason()).isEqualTo(Reason.MEMPOOL_FULL);
      assertThat(t.chain.mempoolSize()).isEqualTo(2);
    }
    // room for about two and a half transactions of this size
    try (TestChain t = new TestChain(null, o -> o.withMempoolLimits(1000, one * 5 / 2))) {
      t.empty(1);
      PreparedTransaction n1 = create(t, "n1");
      PreparedTransaction n2 = create(t, "n2");
      assertThat(t.chain.pushTransaction(n1).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(t.chain.pushTransaction(n2).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(t.chain.pushTransaction(create(t, "n3")).reason()).isEqualTo(Reason.MEMPOOL_FULL);
      assertThat(t.chain.mempoolBytes()).isEqualTo(n1.signedSize() + n2.signedSize());
      t.next(n1);
      assertThat(t.chain.mempoolBytes()).isEqualTo(n2.signedSize());
      assertThat(t.chain.pushTransaction(create(t, "n4")).reason()).isEqualTo(Reason.ACCEPTED);
    }
  }
}
