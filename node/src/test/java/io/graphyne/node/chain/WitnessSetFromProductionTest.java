package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.GlobalProperties;
import io.graphyne.chainstore.StoreOptions;
import io.graphyne.chainstore.kv.RocksConfig;
import io.graphyne.protocol.ObjectId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a maintenance no trust source covers, the controller learns the new active witness set
 * from production (spec/authority.md §6.8) instead of rejecting the new producers as B7.
 *
 * <p>The chains: 7 witnesses, 5 active at genesis, 3-second blocks, maintenance every 600 s
 * (block 1 and then about every 200 blocks). The producer is told by its trust source that from
 * the second maintenance on the active set is {1.6.2 .. 1.6.7} (6 witnesses); the validators do not
 * have that source.
 */
class WitnessSetFromProductionTest {
  static final List<ObjectId> NEW_SET = List.of(ObjectId.witness(2), ObjectId.witness(3), ObjectId.witness(4),
      ObjectId.witness(5), ObjectId.witness(6), ObjectId.witness(7));
  static final Consumer<ObjectNode> FIVE_OF_SEVEN = g -> g.put("initial_active_witnesses", 5);

  /** The producer's source: covers every maintenance after block 1 with {@link #NEW_SET}. */
  static final MaintenanceTrust CHANGE_AT_SECOND = new MaintenanceTrust() {
    @Override
    public Optional<Snapshot> afterMaintenance(long blockNum, Instant blockTime, GlobalProperties current) {
      return blockNum == 1 ? Optional.empty() : Optional.of(new Snapshot(NEW_SET, java.util.Map.of()));
    }

    @Override
    public String source() {
      return "test: set changes at the second maintenance";
    }
  };

  /** Blocks of a producer whose set changes; every 7th block skips a slot. */
  static List<PreparedBlock> produce(MaintenanceTrust trust, int count) {
    return produce(trust, count, null, 0);
  }

  /** The same, with {@code silent} missing its slots until block {@code silentUntil}. */
  static List<PreparedBlock> produce(MaintenanceTrust trust, int count, ObjectId silent, long silentUntil) {
    List<PreparedBlock> out = new ArrayList<>();
    try (TestChain p = new TestChain(7, FIVE_OF_SEVEN, o -> o.withTrust(trust))) {
      for (int i = 0; i < count; i++) {
        long slot = i % 7 == 6 ? 2 : 1;
        while (silent != null && i + 1 < silentUntil && p.chain.scheduledWitness(slot).equals(silent)) {
          slot++;
        }
        PreparedBlock b = p.produce(slot, List.of());
        BlockResult r = p.chain.pushBlock(b);
        assertThat(r.applied()).as("%s", r).isTrue();
        out.add(b);
      }
      if (trust == CHANGE_AT_SECOND) {
        assertThat(p.chain.globalProperties().activeWitnesses()).isEqualTo(NEW_SET);
      }
      if (trust instanceof MaintenanceTrust) {
        lastActive = p.chain.globalProperties().activeWitnesses();
      }
      last = new Final(p.chain.globalProperties().activeWitnesses(), p.store.state().witnessSchedule().orElseThrow().currentShuffledWitnesses(),
          p.chain.head().lastIrreversibleBlockNum());
    }
    return out;
  }

  record Final(List<ObjectId> active, List<ObjectId> schedule, long lib) {}

  static Final last;
  static List<ObjectId> lastActive;

  @Test
  void aMemberThatStaysSilentWhileTheSetIsLearnedIsIdentifiedWhenItProduces() {
    // new set {1, 2, 3, 6, 7}; 1.6.6 misses its slots until block 280. Silent 1.6.4, 1.6.5 and 1.6.6 all sit
    // between 1.6.3 and 1.6.7, so production cannot tell which one is active until it produces
    List<ObjectId> set = List.of(ObjectId.witness(1), ObjectId.witness(2), ObjectId.witness(3), ObjectId.witness(6),
        ObjectId.witness(7));
    MaintenanceTrust change = new MaintenanceTrust() {
      @Override
      public Optional<Snapshot> afterMaintenance(long blockNum, Instant blockTime, GlobalProperties current) {
        return blockNum == 1 ? Optional.empty() : Optional.of(new Snapshot(set, java.util.Map.of()));
      }

      @Override
      public String source() {
        return "test";
      }
    };
    // 315 blocks: the third maintenance (about block 323, not covered) would make the set unconfirmed again
    List<PreparedBlock> blocks = produce(change, 315, ObjectId.witness(6), 280);
    Final producer = last;
    assertThat(lastActive).isEqualTo(set);
    try (TestChain t = learner()) {
      boolean placeholderSeen = false;
      for (PreparedBlock b : blocks) {
        BlockResult r = t.chain.pushBlock(t.roundTrip(b));
        assertThat(r.applied()).as("%s", r).isTrue();
        WitnessSetLearner.State st = WitnessSetLearner.State.read(t.store.state());
        if (st.uncertain().contains(4L)) {
          placeholderSeen = true;
          assertThat(t.chain.globalProperties().activeWitnesses()).contains(ObjectId.witness(4));
        }
      }
      assertThat(placeholderSeen).as("1.6.4 stood in for the silent member").isTrue();
      assertThat(t.chain.globalProperties().activeWitnesses()).isEqualTo(set);
      assertThat(t.store.state().witnessSchedule().orElseThrow().currentShuffledWitnesses()).isEqualTo(producer.schedule());
      assertThat(WitnessSetLearner.State.read(t.store.state()).uncertain()).containsOnly(0L);
      // now known: 1.6.4 in 1.6.6's slot is a wrong witness
      long slot = 1;
      while (!t.chain.scheduledWitness(slot).equals(ObjectId.witness(6))) {
        slot++;
      }
      PreparedBlock wrong = BlockProducer.build(t.chain.head().blockId(), ObjectId.witness(4), t.chain.slotTime(slot), List.of(),
          TestChain.witnessKey(ObjectId.witness(4)), TestChain.SECP);
      assertThat(t.chain.pushBlock(wrong).reason()).isEqualTo(Reason.B7_WRONG_WITNESS);
    }
  }

  static TestChain learner() {
    return new TestChain(7, FIVE_OF_SEVEN, o -> o.withWitnessSetFromProduction(true));
  }

  @Test
  void aChainWhoseSetChangesReplaysWithoutRejectionAndTheSetIsLearned() {
    List<PreparedBlock> blocks = produce(CHANGE_AT_SECOND, 320);
    Final producer = last;
    try (TestChain strict = new TestChain(7, FIVE_OF_SEVEN, null); TestChain t = learner()) {
      // today's behaviour, still available: the strict validator rejects a new producer as B7
      Reason strictFailure = null;
      for (PreparedBlock b : blocks) {
        BlockResult r = strict.chain.pushBlock(strict.roundTrip(b));
        if (!r.applied()) {
          strictFailure = r.reason();
          break;
        }
      }
      assertThat(strictFailure).isEqualTo(Reason.B7_WRONG_WITNESS);

      int learning = 0;
      int afterLearning = 0;
      long learnedAt = -1;
      for (PreparedBlock b : blocks) {
        BlockResult r = t.chain.pushBlock(t.roundTrip(b));
        assertThat(r.applied()).as("%s", r).isTrue();
        if (r.trusted().contains(Trust.ACTIVE_WITNESS_SET_FROM_PRODUCTION)) {
          if (r.verified().contains("B7")) {
            afterLearning++;
          } else {
            assertThat(afterLearning).as("no unchecked block after the set was learned").isZero();
            learning++;
            learnedAt = r.blockNum();
          }
          assertThat(r.trusted()).doesNotContain(Trust.ACTIVE_WITNESS_SET);
        } else {
          assertThat(r.trusted()).contains(Trust.ACTIVE_WITNESS_SET);
          assertThat(r.verified()).contains("B6", "B7");
        }
      }
      assertThat(learning).as("blocks accepted while learning").isPositive();
      assertThat(afterLearning).as("blocks checked against the learned set").isPositive();
      assertThat(learnedAt).isLessThan(blocks.size());
      assertThat(t.chain.globalProperties().activeWitnesses()).isEqualTo(NEW_SET);
      assertThat(t.store.state().witnessSchedule().orElseThrow().currentShuffledWitnesses()).isEqualTo(producer.schedule());
      assertThat(t.chain.head().lastIrreversibleBlockNum()).isEqualTo(producer.lib());
      WitnessSetLearner.State st = WitnessSetLearner.State.read(t.store.state());
      assertThat(st).isEqualTo(new WitnessSetLearner.State(0, false, true));

      // a witness out of turn after the set is learned: B7 (signed correctly with its current key)
      ObjectId scheduled = t.chain.scheduledWitness(1);
      ObjectId other = NEW_SET.stream().filter(w -> !w.equals(scheduled)).findFirst().orElseThrow();
      PreparedBlock wrong = BlockProducer.build(t.chain.head().blockId(), other, t.chain.slotTime(1), List.of(),
          TestChain.witnessKey(other), TestChain.SECP);
      assertThat(t.chain.pushBlock(t.roundTrip(wrong)).reason()).isEqualTo(Reason.B7_WRONG_WITNESS);
      // and the learned schedule is the one the producer follows
      PreparedBlock right = BlockProducer.build(t.chain.head().blockId(), scheduled, t.chain.slotTime(1), List.of(),
          TestChain.witnessKey(scheduled), TestChain.SECP);
      assertThat(t.chain.pushBlock(t.roundTrip(right)).reason()).isEqualTo(Reason.ACCEPTED);
    }
  }

  @Test
  void whileLearningAnUnknownWitnessOrAWrongKeyIsStillRejected() {
    List<PreparedBlock> blocks = produce(CHANGE_AT_SECOND, 320);
    try (TestChain t = learner()) {
      int i = 0;
      BlockResult r;
      do {
        r = t.chain.pushBlock(t.roundTrip(blocks.get(i++)));
        assertThat(r.applied()).isTrue();
      } while (!(r.trusted().contains(Trust.ACTIVE_WITNESS_SET_FROM_PRODUCTION) && !r.verified().contains("B7")));
      assertThat(WitnessSetLearner.State.read(t.store.state()).learning()).isTrue();
      PreparedBlock next = blocks.get(i);
      ObjectId w = next.block().header().witness();
      long time = next.block().header().timestamp().getEpochSecond();
      // B6: the right witness with another key
      assertThat(t.chain.pushBlock(BlockProducer.build(t.chain.head().blockId(), w, time, List.of(),
          io.graphyne.node.generate.ChainGenerator.key("intruder"), TestChain.SECP)).reason()).isEqualTo(Reason.B6_WITNESS_SIGNATURE);
      // B6: a witness that does not exist
      assertThat(t.chain.pushBlock(BlockProducer.build(t.chain.head().blockId(), ObjectId.witness(9), time, List.of(),
          io.graphyne.node.generate.ChainGenerator.key("init8-witness"), TestChain.SECP)).reason()).isEqualTo(Reason.B6_WITNESS_SIGNATURE);
      // B2: not in a later slot
      assertThat(t.chain.pushBlock(BlockProducer.build(t.chain.head().blockId(), w, t.headTime() + 1, List.of(),
          TestChain.witnessKey(w), TestChain.SECP)).reason()).isEqualTo(Reason.B2_BEFORE_NEXT_SLOT);
      for (; i < blocks.size(); i++) {
        assertThat(t.chain.pushBlock(t.roundTrip(blocks.get(i))).applied()).isTrue();
      }
      assertThat(t.chain.globalProperties().activeWitnesses()).isEqualTo(NEW_SET);
    }
  }

  @Test
  void anUnchangedSetIsConfirmedWithoutLearning() {
    List<PreparedBlock> blocks = produce(MaintenanceTrust.KEEP_LAST_KNOWN, 260);
    try (TestChain t = learner()) {
      for (PreparedBlock b : blocks) {
        BlockResult r = t.chain.pushBlock(t.roundTrip(b));
        assertThat(r.applied()).as("%s", r).isTrue();
        assertThat(r.trusted()).contains(Trust.ACTIVE_WITNESS_SET).doesNotContain(Trust.ACTIVE_WITNESS_SET_FROM_PRODUCTION);
        assertThat(r.verified()).contains("B7");
      }
      // the second maintenance (about block 197) was confirmed by three rounds of the same set
      assertThat(WitnessSetLearner.State.read(t.store.state())).isEqualTo(new WitnessSetLearner.State(0, false, false));
      assertThat(t.chain.globalProperties().activeWitnesses()).hasSize(5);
    }
  }

  @Test
  void aForkSwitchAndARestartInTheMiddleKeepTheLearnedState(@TempDir Path dir) {
    List<PreparedBlock> blocks = produce(CHANGE_AT_SECOND, 320);
    io.graphyne.protocol.Bytes reference;
    try (TestChain t = learner()) {
      blocks.forEach(b -> assertThat(t.chain.pushBlock(t.roundTrip(b)).applied()).isTrue());
      reference = t.store.stateHash();
    }
    try (TestChain t = learner()) {
      // a fork switch across the start of learning: pop back before it, then a later block brings the branch back
      int i = 0;
      int started = -1;
      for (; i < blocks.size(); i++) {
        BlockResult r = t.chain.pushBlock(t.roundTrip(blocks.get(i)));
        assertThat(r.applied()).isTrue();
        if (started < 0 && !r.verified().contains("B7")) {
          started = i;
        }
        if (started >= 0 && i == started + 4) {
          break;
        }
      }
      assertThat(WitnessSetLearner.State.read(t.store.state()).learning()).isTrue();
      for (int k = 0; k < 6; k++) {
        t.chain.popBlock();
      }
      assertThat(WitnessSetLearner.State.read(t.store.state()).learning()).as("undone with the blocks").isFalse();
      BlockResult r = t.chain.pushBlock(t.roundTrip(blocks.get(i + 1)));
      assertThat(r.applied()).as("%s", r).isTrue();
      assertThat(r.blockNum()).isEqualTo(blocks.get(i + 1).blockNum());
      assertThat(WitnessSetLearner.State.read(t.store.state()).learning()).as("learning again on the re-applied branch").isTrue();
      for (i = i + 2; i < blocks.size(); i++) {
        assertThat(t.chain.pushBlock(t.roundTrip(blocks.get(i))).applied()).isTrue();
      }
      assertThat(t.store.stateHash()).isEqualTo(reference);
    }
    // a restart in the middle of learning (RocksDB, new controller, the in-memory observations are gone)
    try (TestChain g = learner()) {
      Path store = dir.resolve("store");
      int i = 0;
      try (ChainStore s = ChainStore.openRocksDb(store, g.chainId(), RocksConfig.defaults(), StoreOptions.defaults())) {
        g.genesis.initialize(s);
        ChainController c = ChainController.open(s, options());
        boolean learning = false;
        for (; i < blocks.size() && !learning; i++) {
          assertThat(c.pushBlock(g.roundTrip(blocks.get(i))).applied()).isTrue();
          learning = WitnessSetLearner.State.read(s.state()).learning();
        }
        i += 3;
        for (int k = i - 3; k < i; k++) {
          assertThat(c.pushBlock(g.roundTrip(blocks.get(k))).applied()).isTrue();
        }
        assertThat(WitnessSetLearner.State.read(s.state()).learning()).isTrue();
      }
      try (ChainStore s = ChainStore.openRocksDb(store, g.chainId(), RocksConfig.defaults(), StoreOptions.defaults())) {
        assertThat(WitnessSetLearner.State.read(s.state()).learning()).as("kept over the restart").isTrue();
        ChainController c = ChainController.open(s, options());
        for (; i < blocks.size(); i++) {
          BlockResult r = c.pushBlock(g.roundTrip(blocks.get(i)));
          assertThat(r.applied()).as("%s", r).isTrue();
        }
        assertThat(c.globalProperties().activeWitnesses()).isEqualTo(NEW_SET);
        assertThat(s.stateHash()).isEqualTo(reference);
      }
    }
  }

  static ChainController.Options options() {
    return ChainController.Options.defaults(HardforkSchedule.mainnet()).withWitnessSetFromProduction(true);
  }
}
