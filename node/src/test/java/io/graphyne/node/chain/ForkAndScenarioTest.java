package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.crypto.PrivateKey;
import io.graphyne.node.generate.ChainGenerator;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.ops.AccountUpdateOperation;
import io.graphyne.protocol.ops.WitnessUpdateOperation;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fork switching through undo, and spec/authority.md §8 scenarios 42 and 43 on a real store. */
class ForkAndScenarioTest {
  static final PrivateKey ALICE = ChainGenerator.key("alice");

  /** Feeds {@code blocks} (as a peer would send them) into another chain; all must apply. */
  private static void feed(TestChain t, List<PreparedBlock> blocks) {
    for (PreparedBlock b : blocks) {
      assertThat(t.chain.pushBlock(t.roundTrip(b)).reason()).isEqualTo(Reason.ACCEPTED);
    }
  }

  private static PreparedBlock step(TestChain t, long slot, PreparedTransaction... txs) {
    PreparedBlock b = t.produce(slot, List.of(txs));
    assertThat(t.chain.pushBlock(b).reason()).isEqualTo(Reason.ACCEPTED);
    return b;
  }

  @Test
  void twoBranchesSwitchAndSwitchBackEndInTheStraightReplayState() {
    try (TestChain a = new TestChain(21); TestChain x = new TestChain(21); TestChain y = new TestChain(21)) {
      // common history: 4 blocks
      List<PreparedBlock> common = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        common.add(step(a, 1));
      }
      feed(x, common);
      feed(y, common);
      // branch X (on a and x): 3 blocks creating accounts; branch Y (on y): 4 blocks, other accounts
      List<PreparedBlock> bx = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Authority k = Authority.singleKey(ChainGenerator.key("x" + i).publicKey(TestChain.SECP));
        bx.add(step(x, 1, x.signed(List.of(x.create("x-acct-" + i, k, k)), x.registrarKey)));
      }
      List<PreparedBlock> by = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Authority k = Authority.singleKey(ChainGenerator.key("y" + i).publicKey(TestChain.SECP));
        by.add(step(y, i == 0 ? 2 : 1, y.signed(List.of(y.create("y-acct-" + i, k, k)), y.registrarKey)));
      }
      feed(a, bx);
      Bytes hashX3 = a.store.stateHash();
      assertThat(hashX3).isEqualTo(x.store.stateHash());
      // Y's first three blocks are not longer than X: stored, not applied
      for (int i = 0; i < 3; i++) {
        assertThat(a.chain.pushBlock(a.roundTrip(by.get(i))).reason()).isEqualTo(Reason.FORK_STORED);
      }
      assertThat(a.store.stateHash()).isEqualTo(hashX3);
      // the fourth makes Y longer: switch (pop 3, apply 4)
      BlockResult sw = a.chain.pushBlock(a.roundTrip(by.get(3)));
      assertThat(sw.reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(sw.switched()).isEqualTo(3);
      assertThat(a.store.stateHash()).isEqualTo(y.store.stateHash());
      assertThat(a.store.state().accountIdByName("x-acct-0")).isEmpty();
      assertThat(a.store.state().accountIdByName("y-acct-3")).isPresent();
      // X grows to 5 blocks: the 4th ties (stored), the 5th wins: switch back
      bx.add(step(x, 1));
      bx.add(step(x, 1));
      assertThat(a.chain.pushBlock(a.roundTrip(bx.get(3))).reason()).isEqualTo(Reason.FORK_STORED);
      BlockResult back = a.chain.pushBlock(a.roundTrip(bx.get(4)));
      assertThat(back.reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(back.switched()).isEqualTo(4);
      assertThat(a.store.stateHash()).isEqualTo(x.store.stateHash());
      // a straight replay of common + X gives the same state
      assertThat(a.chain.head().lastIrreversibleBlockNum()).isLessThan(4);
      try (TestChain straight = new TestChain(21)) {
        feed(straight, common);
        feed(straight, bx);
        assertThat(straight.store.stateHash()).isEqualTo(a.store.stateHash());
        assertThat(straight.chain.head().blockId()).isEqualTo(a.chain.head().blockId());
      }
    }
  }

  @Test
  void aFailingBranchIsDroppedAndTheOldOneRestored() {
    try (TestChain a = new TestChain(); TestChain y = new TestChain()) {
      step(a, 1);
      feed(y, List.of(PreparedBlock.decode(a.store.state().block(1).orElseThrow(), a.chainId(), TestChain.SECP)));
      step(a, 1);
      Bytes before = a.store.stateHash();
      Bytes head = a.chain.head().blockId();
      PreparedBlock y2 = step(y, 2);
      // y3 carries a transaction signed by the wrong key: valid header, invalid content
      ObjectId registrar = y.registrar;
      PreparedTransaction bad = y.signed(List.of(y.transfer(registrar, ObjectId.account(6))), ALICE);
      PreparedBlock y3 = y.raw(List.of(bad));
      assertThat(a.chain.pushBlock(a.roundTrip(y2)).reason()).isEqualTo(Reason.FORK_STORED);
      BlockResult r = a.chain.pushBlock(a.roundTrip(y3));
      assertThat(r.reason()).isEqualTo(Reason.B8_TRANSACTION);
      assertThat(a.chain.head().blockId()).isEqualTo(head);
      assertThat(a.store.stateHash()).isEqualTo(before);
    }
  }

  @Test
  void scenario42SigningKeyRotationTakesEffectNextBlockAndRevertsWhenPopped() {
    try (TestChain t = new TestChain()) {
      t.empty(1);
      ObjectId w = t.chain.scheduledWitness(1);
      int index = (int) w.instance() - 1;
      PrivateKey k1 = TestChain.witnessKey(w);
      PrivateKey k2 = ChainGenerator.key("rotated-" + index);
      ObjectId owner = t.chain.witness(w).orElseThrow().witnessAccount();
      PreparedTransaction rotate = t.signed(List.of(new WitnessUpdateOperation(new Asset(0, TestChain.CORE), w, owner, null,
          k2.publicKey(TestChain.SECP))), ChainGenerator.key("init" + index + "-active"));
      // W's own block, signed with K1, includes the rotation: OK
      BlockProducer.Produced p = BlockProducer.produce(t.chain, w, k1, t.chain.slotTime(1), List.of(rotate), TestChain.SECP);
      assertThat(t.chain.pushBlock(p.block()).reason()).isEqualTo(Reason.ACCEPTED);
      long rotatedAt = t.chain.head().blockNum();
      assertThat(t.chain.witness(w).orElseThrow().signingKey()).isEqualTo(k2.publicKey(TestChain.SECP));
      // W's next block: K1 is refused (B6), K2 accepted
      long slot = 1;
      while (!t.chain.scheduledWitness(slot).equals(w)) {
        slot++;
      }
      long time = t.chain.slotTime(slot);
      PreparedBlock withK1 = BlockProducer.build(t.chain.head().blockId(), w, time, List.of(), k1, TestChain.SECP);
      assertThat(t.chain.pushBlock(withK1).reason()).isEqualTo(Reason.B6_WITNESS_SIGNATURE);
      PreparedBlock withK2 = BlockProducer.build(t.chain.head().blockId(), w, time, List.of(), k2, TestChain.SECP);
      assertThat(t.chain.pushBlock(withK2).reason()).isEqualTo(Reason.ACCEPTED);
      // popping back before the rotation restores K1
      while (t.chain.head().blockNum() >= rotatedAt) {
        t.chain.popBlock();
      }
      PublicKey restored = t.chain.witness(w).orElseThrow().signingKey();
      assertThat(restored).isEqualTo(k1.publicKey(TestChain.SECP));
    }
  }

  @Test
  void scenario43AuthorityChangeInsideABlock() {
    try (TestChain t = new TestChain()) {
      PrivateKey kOld = ChainGenerator.key("a-old");
      PrivateKey kNew = ChainGenerator.key("a-new");
      // owner must differ from kOld: with owner = active = kOld (the §8 default) kOld keeps passing
      // through the owner-for-active fallback after the active change (spec scenario 43 overlooks it)
      Authority kOwner = Authority.singleKey(ChainGenerator.key("a-owner").publicKey(TestChain.SECP));
      assertThat(t.next(t.signed(List.of(t.create("alice", kOwner, Authority.singleKey(kOld.publicKey(TestChain.SECP)))),
          t.registrarKey)).reason()).isEqualTo(Reason.ACCEPTED);
      ObjectId a = t.store.state().accountIdByName("alice").orElseThrow();
      Authority owner = t.store.state().account(a).orElseThrow().owner();
      AccountUpdateOperation toNew = new AccountUpdateOperation(new Asset(0, TestChain.CORE), a, null,
          Authority.singleKey(kNew.publicKey(TestChain.SECP)), null, new io.graphyne.protocol.types.AccountUpdateOperationExt(null, null, null));
      PreparedTransaction tx1 = t.signed(List.of(toNew), kOld);
      // Tx2 signed by kOld after Tx1 in the same block: FAIL
      BlockResult r = t.chain.pushBlock(t.raw(List.of(tx1, t.signed(List.of(t.transfer(a, t.registrar)), kOld))));
      assertThat(r.reason()).isEqualTo(Reason.B8_TRANSACTION);
      assertThat(r.txIndex()).isEqualTo(1);
      assertThat(r.tx().reason()).isEqualTo(Reason.T3_AUTHORITY);
      // one transaction [update, transfer] signed by kNew: checked against the state before it: FAIL
      BlockResult single = t.chain.pushBlock(t.raw(List.of(t.signed(List.of(toNew, t.transfer(a, t.registrar)), kNew))));
      assertThat(single.reason()).as("%s", single).isEqualTo(Reason.B8_TRANSACTION);
      assertThat(single.tx().reason()).isEqualTo(Reason.T3_AUTHORITY);
      // Tx2 signed by kNew after Tx1: OK
      assertThat(t.next(tx1, t.signed(List.of(t.transfer(a, t.registrar)), kNew)).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(t.store.state().account(a).orElseThrow().owner()).isEqualTo(owner);
    }
  }
}
