package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.authority.HardforkSchedule.Hardfork;
import io.graphyne.chainstore.BlockChanges;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.ops.LimitOrderUpdateOperation;
import io.graphyne.protocol.ops.TicketCreateOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.Asset;
import io.graphyne.testing.Vectors;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Top-level operations whose effects are trusted still meet the hardfork assertions bitshares-core's
 * evaluators make themselves (ticket_evaluator.cpp, market_evaluator.cpp, ...): refused one second
 * before the hardfork, trusted (operation_effects) at it.
 */
class EvaluatorGatesTest {
  static final ObjectId CORE = ObjectId.asset(0);
  static final HardforkSchedule MAINNET = HardforkSchedule.mainnet();

  static Evaluator.Ctx ctx(BlockChanges changes, Instant head) {
    StateSession s = new StateSession(changes);
    return new Evaluator.Ctx(s, head.getEpochSecond(), s.globalProperties(), MAINNET.at(head), EnumSet.noneOf(Trust.class));
  }

  static void check(Operation op, Hardfork hf, String message) throws Exception {
    Genesis g = Genesis.load(Vectors.path("private-chain/genesis.json"));
    try (ChainStore store = ChainStore.inMemory(g.chainId())) {
      g.initialize(store);
      try (BlockChanges changes = store.beginBlock(1, Bytes.zeros(20), null)) {
        Instant at = MAINNET.time(hf);
        Evaluator.Ctx before = ctx(changes, at.minusSeconds(1));
        assertThatThrownBy(() -> Evaluator.apply(before, op)).isInstanceOf(Evaluator.OpFailure.class)
            .hasMessage(message);
        assertThat(before.trusted).isEmpty();
        Evaluator.Ctx after = ctx(changes, at);
        Evaluator.apply(after, op);
        assertThat(after.trusted).containsExactly(Trust.OPERATION_EFFECTS);
      }
    }
  }

  @Test
  void ticketCreateWaitsForHf2103() throws Exception {
    check(new TicketCreateOperation(new Asset(0, CORE), ObjectId.account(6), 1, new Asset(100, CORE), List.of()),
        Hardfork.CORE_2103, "Not allowed until hardfork 2103");
  }

  @Test
  void limitOrderUpdateWaitsForHf1604() throws Exception {
    check(new LimitOrderUpdateOperation(new Asset(0, CORE), ObjectId.account(6), new ObjectId(1, 7, 0), null,
        new Asset(1, CORE), null, null, List.of()), Hardfork.CORE_1604, "Operation has not activated yet");
  }

  @Test
  void operationsWithoutAnEvaluatorGateAreTrustedAtAnyTime() throws Exception {
    Genesis g = Genesis.load(Vectors.path("private-chain/genesis.json"));
    try (ChainStore store = ChainStore.inMemory(g.chainId())) {
      g.initialize(store);
      try (BlockChanges changes = store.beginBlock(1, Bytes.zeros(20), null)) {
        Evaluator.Ctx early = ctx(changes, Instant.parse("2016-01-01T00:00:00Z"));
        Evaluator.apply(early, new TransferOperation(new Asset(0, CORE), ObjectId.account(6), ObjectId.account(7),
            new Asset(1, CORE), null, List.of()));
        assertThat(early.trusted).containsExactly(Trust.OPERATION_EFFECTS);
      }
    }
  }
}
