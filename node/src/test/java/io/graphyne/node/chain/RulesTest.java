package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.authority.AuthError;
import io.graphyne.crypto.PrivateKey;
import io.graphyne.node.generate.ChainGenerator;
import io.graphyne.protocol.BlockHeader;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedBlockHeader;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.ops.CustomOperation;
import io.graphyne.protocol.ops.WitnessUpdateOperation;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.Authority;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every block rule B0-B9 and transaction rule T0-T9 has a block or transaction that breaks only
 * it and is rejected with its own reason; the same chain without the fault is accepted.
 */
class RulesTest {
  static final PrivateKey ALICE = ChainGenerator.key("alice");
  static final PrivateKey BOB = ChainGenerator.key("bob");

  private static BlockResult pushTx(TestChain t, PreparedTransaction bad) {
    return t.chain.pushBlock(t.raw(List.of(bad)));
  }

  private static void assertTxRule(BlockResult r, Reason tx) {
    assertThat(r.reason()).as("%s", r).isEqualTo(Reason.B8_TRANSACTION);
    assertThat(r.tx().reason()).as("%s", r).isEqualTo(tx);
    assertThat(r.txIndex()).isZero();
  }

  private static PreparedBlock rebuild(PreparedBlock b, Bytes previous, long time, ObjectId witness, PrivateKey signer) {
    return BlockProducer.build(previous, witness, time, b.transactions(), signer, TestChain.SECP);
  }

  // ---- block rules --------------------------------------------------------------------------

  @Test
  void b0FutureTimestamp() {
    Clock atGenesis = Clock.fixed(ChainGenerator.DEFAULT_GENESIS_TIME.plusSeconds(3), ZoneOffset.UTC);
    try (TestChain t = new TestChain(null, o -> o.withClock(atGenesis))) {
      PreparedBlock ok = t.produce(1, List.of());
      PreparedBlock future = t.produce(100, List.of());
      assertThat(t.chain.pushBlock(future).reason()).isEqualTo(Reason.B0_FUTURE_TIMESTAMP);
      assertThat(t.chain.pushBlock(ok).reason()).isEqualTo(Reason.ACCEPTED);
    }
  }

  @Test
  void b1UnlinkableAndBelowIrreversible() {
    try (TestChain t = new TestChain()) {
      PreparedBlock b = t.produce(1, List.of());
      PreparedBlock orphan = rebuild(b, Bytes.fromHex("00000007" + "ab".repeat(16)), b.block().header().timestamp().getEpochSecond(),
          b.block().header().witness(), TestChain.witnessKey(b.block().header().witness()));
      assertThat(t.chain.pushBlock(orphan).reason()).isEqualTo(Reason.B1_UNLINKABLE);
      t.empty(12);
      long lib = t.chain.head().lastIrreversibleBlockNum();
      assertThat(lib).isPositive();
      Bytes parent = t.store.state().block(lib - 1).isPresent()
          ? io.graphyne.protocol.codec.Codecs.decode(SignedBlock.class, t.store.state().block(lib - 1).get()).id()
          : Bytes.zeros(20);
      PreparedBlock old = rebuild(b, parent, t.headTime() + 3, b.block().header().witness(), TestChain.witnessKey(b.block().header().witness()));
      assertThat(old.blockNum()).isEqualTo(lib);
      assertThat(t.chain.pushBlock(old).reason()).isEqualTo(Reason.B1_BELOW_IRREVERSIBLE);
    }
  }

  @Test
  void b2BeforeNextSlotB5NotAfterHeadB6SigneeB7WrongWitness() {
    try (TestChain t = new TestChain()) {
      t.empty(2);
      PreparedBlock good = t.produce(1, List.of());
      ObjectId w = good.block().header().witness();
      PrivateKey k = TestChain.witnessKey(w);
      Bytes prev = t.chain.head().blockId();
      // B5: timestamp equal to the head's
      assertThat(t.chain.pushBlock(rebuild(good, prev, t.headTime(), w, k)).reason()).isEqualTo(Reason.B5_TIMESTAMP_NOT_AFTER_HEAD);
      // B2: after the head but before its next slot
      assertThat(t.chain.pushBlock(rebuild(good, prev, t.headTime() + 1, w, k)).reason()).isEqualTo(Reason.B2_BEFORE_NEXT_SLOT);
      // B6: right slot and witness, signed by another key
      assertThat(t.chain.pushBlock(rebuild(good, prev, t.chain.slotTime(1), w, ChainGenerator.key("intruder"))).reason())
          .isEqualTo(Reason.B6_WITNESS_SIGNATURE);
      // B7: a real witness, correctly signed, but not scheduled for the slot
      ObjectId other = ObjectId.witness(w.instance() % 5 + 1);
      assertThat(t.chain.pushBlock(rebuild(good, prev, t.chain.slotTime(1), other, TestChain.witnessKey(other))).reason())
          .isEqualTo(Reason.B7_WRONG_WITNESS);
      BlockResult ok = t.chain.pushBlock(t.roundTrip(good));
      assertThat(ok.reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(ok.verified()).contains("B2", "B5", "B6", "B7");
      assertThat(ok.trusted()).contains(Trust.ACTIVE_WITNESS_SET);
    }
  }

  @Test
  void b3BlockTooLarge() {
    try (TestChain t = new TestChain(g -> ((com.fasterxml.jackson.databind.node.ObjectNode) g.get("initial_parameters"))
        .put("maximum_block_size", 5120), null)) {
      ObjectId a = t.account("alice", ALICE);
      List<PreparedTransaction> txs = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        txs.add(t.signed(List.of(t.transfer(a, t.registrar)), ALICE));
      }
      PreparedBlock big = t.raw(txs);
      assertThat(big.raw().length).isGreaterThan(5120);
      assertThat(t.chain.pushBlock(big).reason()).isEqualTo(Reason.B3_BLOCK_TOO_LARGE);
      // the producer respects the limit: it leaves out what does not fit
      PreparedBlock fits = BlockProducer.produce(t.chain, t.chain.scheduledWitness(1), TestChain.witnessKey(t.chain.scheduledWitness(1)),
          t.chain.slotTime(1), txs, TestChain.SECP).block();
      assertThat(fits.raw().length).isLessThanOrEqualTo(5120);
      assertThat(t.chain.pushBlock(fits).reason()).isEqualTo(Reason.ACCEPTED);
    }
  }

  @Test
  void b4MerkleRoot() {
    try (TestChain t = new TestChain()) {
      ObjectId a = t.account("alice", ALICE);
      PreparedTransaction tx1 = t.signed(List.of(t.transfer(a, t.registrar)), ALICE);
      PreparedTransaction tx2 = t.signed(List.of(t.transfer(a, t.registrar)), ALICE);
      PreparedBlock one = t.raw(List.of(tx1));
      SignedBlock lying = new SignedBlock(one.block().signedHeader(), List.of(tx1.processed(), tx2.processed()));
      PreparedBlock bad = PreparedBlock.prepare(lying, t.chainId(), TestChain.SECP);
      assertThat(t.chain.pushBlock(bad).reason()).isEqualTo(Reason.B4_MERKLE_ROOT);
      assertThat(t.chain.pushBlock(one).reason()).isEqualTo(Reason.ACCEPTED);
    }
  }

  @Test
  void b8BadTransactionRejectsTheBlock() {
    try (TestChain t = new TestChain()) {
      ObjectId a = t.account("alice", ALICE);
      PreparedTransaction good = t.signed(List.of(t.transfer(a, t.registrar)), ALICE);
      PreparedTransaction bad = t.signed(List.of(t.transfer(a, t.registrar)), BOB);
      BlockResult r = t.chain.pushBlock(t.raw(List.of(good, bad)));
      assertThat(r.reason()).isEqualTo(Reason.B8_TRANSACTION);
      assertThat(r.txIndex()).isEqualTo(1);
      assertThat(r.tx().authError()).isEqualTo(AuthError.MISSING_ACTIVE);
      // nothing of the rejected block remains: the good transaction is not a duplicate
      assertThat(t.next(good).reason()).isEqualTo(Reason.ACCEPTED);
    }
  }

  @Test
  void b9UndoHistory() {
    // 2 witnesses: LIB is the lower of their last confirmed blocks; only witness 1.6.1 produces
    try (TestChain t = new TestChain(g -> {
      g.put("initial_active_witnesses", 2);
    }, o -> o.withMaxUndoHistory(20))) {
      int produced = 0;
      BlockResult last = null;
      for (int i = 0; i < 60 && (last == null || last.applied()); i++) {
        long slot = 1;
        while (!t.chain.scheduledWitness(slot).equals(ObjectId.witness(1))) {
          slot++;
        }
        last = t.chain.pushBlock(t.produce(slot, List.of()));
        if (last.applied()) {
          produced++;
        }
      }
      assertThat(last.reason()).isEqualTo(Reason.B9_UNDO_HISTORY);
      assertThat(produced).isEqualTo(19);
      assertThat(t.chain.head().lastIrreversibleBlockNum()).isZero();
    }
  }

  // ---- transaction rules --------------------------------------------------------------------

  @Test
  void t0MempoolSizeLimit() {
    try (TestChain t = new TestChain()) {
      ObjectId a = t.account("alice", ALICE);
      CustomOperation huge = new CustomOperation(new Asset(1, TestChain.CORE), a, List.of(), 1, Bytes.wrap(new byte[1024 * 1024]));
      assertThat(t.chain.pushTransaction(t.signed(List.of(huge), ALICE)).reason()).isEqualTo(Reason.T0_TOO_LARGE);
      assertThat(t.chain.pushTransaction(t.signed(List.of(t.transfer(a, t.registrar)), ALICE)).reason()).isEqualTo(Reason.ACCEPTED);
    }
  }

  @Test
  void t1StatelessValidation() {
    try (TestChain t = new TestChain()) {
      ObjectId a = t.account("alice", ALICE);
      var self = new io.graphyne.protocol.ops.TransferOperation(new Asset(0, TestChain.CORE), a, a, new Asset(5, TestChain.CORE), null, List.of());
      assertTxRule(pushTx(t, t.signed(List.of(self), ALICE)), Reason.T1_INVALID);
      assertTxRule(pushTx(t, t.signed(List.of(), ALICE)), Reason.T1_INVALID);
    }
  }

  @Test
  void t2DuplicatesInABlockAndAcrossBlocks() {
    try (TestChain t = new TestChain()) {
      ObjectId a = t.account("alice", ALICE);
      PreparedTransaction tx = t.signed(List.of(t.transfer(a, t.registrar)), ALICE);
      BlockResult twice = t.chain.pushBlock(t.raw(List.of(tx, tx)));
      assertThat(twice.reason()).isEqualTo(Reason.B8_TRANSACTION);
      assertThat(twice.tx().reason()).isEqualTo(Reason.T2_DUPLICATE);
      assertThat(t.chain.pushTransaction(tx).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(t.chain.pushTransaction(tx).reason()).isEqualTo(Reason.T2_DUPLICATE); // scenario 41
      assertThat(t.next(tx).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(t.chain.mempoolSize()).isZero();
      assertThat(t.chain.pushTransaction(tx).reason()).isEqualTo(Reason.T2_DUPLICATE);
      assertTxRule(pushTx(t, tx), Reason.T2_DUPLICATE);
    }
  }

  @Test
  void t3SignatureAndAuthority() {
    try (TestChain t = new TestChain()) {
      ObjectId a = t.account("alice", ALICE);
      Transaction tx = t.tx(List.of(t.transfer(a, t.registrar)));
      PreparedTransaction garbage = PreparedTransaction.prepare(new SignedTransaction(tx, List.of(Bytes.wrap(new byte[65]))), t.chainId(), TestChain.SECP);
      assertTxRule(pushTx(t, garbage), Reason.T3_SIGNATURE);
      BlockResult wrong = pushTx(t, t.sign(tx, BOB));
      assertTxRule(wrong, Reason.T3_AUTHORITY);
      assertThat(wrong.tx().authError()).isEqualTo(AuthError.MISSING_ACTIVE);
      BlockResult extra = pushTx(t, t.sign(tx, ALICE, BOB));
      assertTxRule(extra, Reason.T3_AUTHORITY);
      assertThat(extra.tx().authError()).isEqualTo(AuthError.IRRELEVANT_SIG);
      assertThat(t.next(t.sign(tx, ALICE)).reason()).isEqualTo(Reason.ACCEPTED);
    }
  }

  @Test
  void t4TaposScenario40() {
    try (TestChain t = new TestChain()) {
      ObjectId a = t.account("alice", ALICE);
      long exp = t.headTime() + 60;
      List<io.graphyne.protocol.Operation> ops = List.of(t.transfer(a, t.registrar));
      // ref (0, 0) on a chain shorter than 65,536 blocks: slot 0 is all zeros
      assertThat(t.next(t.sign(new Transaction(0, 0, Instant.ofEpochSecond(exp), ops, List.of()), ALICE)).reason()).isEqualTo(Reason.ACCEPTED);
      for (int ref : new int[] {0, 1, 9999}) {
        Transaction bad = new Transaction(ref, 0x12345678L, Instant.ofEpochSecond(t.headTime() + 60), List.of(t.transfer(a, t.registrar)), List.of());
        assertTxRule(pushTx(t, t.sign(bad, ALICE)), Reason.T4_TAPOS);
      }
    }
  }

  @Test
  void t5AndT6ExpirationScenario40() {
    try (TestChain t = new TestChain()) {
      ObjectId a = t.account("alice", ALICE);
      assertTxRule(pushTx(t, t.sign(t.tx(List.of(t.transfer(a, t.registrar)), t.headTime() + 86401), ALICE)), Reason.T5_EXPIRATION_TOO_FAR);
      assertTxRule(pushTx(t, t.sign(t.tx(List.of(t.transfer(a, t.registrar)), t.headTime() - 1), ALICE)), Reason.T6_EXPIRED);
      // the limits themselves are allowed
      assertThat(t.next(t.sign(t.tx(List.of(t.transfer(a, t.registrar)), t.headTime() + 86400), ALICE),
          t.sign(t.tx(List.of(t.transfer(a, t.registrar)), t.headTime()), ALICE)).reason()).isEqualTo(Reason.ACCEPTED);
    }
  }

  @Test
  void t7TransactionSizeWithoutSignaturesScenario44() {
    try (TestChain t = new TestChain()) {
      ObjectId a = t.account("alice", ALICE);
      PreparedTransaction atLimit = sized(t, a, 2048, ALICE, BOB);
      PreparedTransaction over = sized(t, a, 2049, ALICE);
      assertThat(atLimit.unsignedSize()).isEqualTo(2048);
      assertThat(over.unsignedSize()).isEqualTo(2049);
      assertTxRule(pushTx(t, over), Reason.T7_TOO_LARGE);
      // at the limit passes the size check whatever the signatures (it then fails T3 for bob's extra signature,
      // which comes first in bitshares-core's order only for authority, so use alice alone)
      assertThat(t.next(sized(t, a, 2048, ALICE)).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(atLimit.signedSize()).isGreaterThan(2048);
    }
  }

  private static PreparedTransaction sized(TestChain t, ObjectId payer, int target, PrivateKey... keys) {
    int n = target - 60;
    for (int i = 0; i < 200; i++) {
      CustomOperation op = new CustomOperation(new Asset(1, TestChain.CORE), payer, List.of(), 7, Bytes.wrap(new byte[n]));
      Transaction tx = t.tx(List.of(op));
      int size = tx.toBytes().length;
      if (size == target) {
        return t.sign(tx, keys);
      }
      n += target - size;
    }
    throw new AssertionError("could not reach size " + target);
  }

  @Test
  void t9StateChecks() {
    try (TestChain t = new TestChain()) {
      ObjectId a = t.account("alice", ALICE);
      Authority k = Authority.singleKey(BOB.publicKey(TestChain.SECP));
      assertTxRule(pushTx(t, t.signed(List.of(t.create("alice", k, k)), t.registrarKey)), Reason.T9_OPERATION);
      // witness 1.6.1 belongs to init0, not alice
      WitnessUpdateOperation steal = new WitnessUpdateOperation(new Asset(0, TestChain.CORE), ObjectId.witness(1), a, null, BOB.publicKey(TestChain.SECP));
      assertTxRule(pushTx(t, t.signed(List.of(steal), ALICE)), Reason.T9_OPERATION);
      assertThat(t.next(t.signed(List.of(t.create("bob", k, k)), t.registrarKey)).reason()).isEqualTo(Reason.ACCEPTED);
    }
  }
}
