package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.BlockChanges;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.ProposalRecord;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.ops.ProposalCreateOperation;
import io.graphyne.protocol.ops.ProposalUpdateOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.OpWrapper;
import io.graphyne.testing.Vectors;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * proposal_create's nested-proposal rules against the store (spec/authority.md §7.4;
 * proposal_evaluator.cpp): HF-214, one proposal_update per level, and HF-1479 — a nested update of
 * the proposal's own (or a later) id is refused strictly after the hardfork and, at or before it,
 * accepted with core's impossible transfer appended so the proposal can never be approved.
 */
class NestedProposalRulesTest {
  static final ObjectId CORE = ObjectId.asset(0);
  static final Instant BEFORE_1479 = Instant.parse("2018-12-01T00:00:00Z"); // after HF-214
  static final Instant AFTER_1479 = Instant.parse("2019-01-01T00:00:00Z");

  interface Body {
    void run(Evaluator.Ctx c, long nextProposal) throws Exception;
  }

  static void withState(Instant headTime, Body body) throws Exception {
    Genesis g = Genesis.load(Vectors.path("private-chain/genesis.json"));
    try (ChainStore store = ChainStore.inMemory(g.chainId())) {
      g.initialize(store);
      try (BlockChanges changes = store.beginBlock(1, Bytes.zeros(20), null)) {
        StateSession s = new StateSession(changes);
        Evaluator.Ctx c = new Evaluator.Ctx(s, headTime.getEpochSecond(), s.globalProperties(),
            HardforkSchedule.mainnet().at(headTime), EnumSet.noneOf(Trust.class));
        body.run(c, s.counter(Genesis.NEXT_PROPOSAL));
      }
    }
  }

  static ProposalUpdateOperation approve(ObjectId proposal) {
    return new ProposalUpdateOperation(new Asset(0, CORE), ObjectId.account(6), proposal, List.of(ObjectId.account(6)),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  static ProposalCreateOperation propose(Instant now, Operation... ops) {
    return new ProposalCreateOperation(new Asset(0, CORE), ObjectId.account(6), now.plusSeconds(3600),
        java.util.Arrays.stream(ops).map(OpWrapper::new).toList(), null, List.of());
  }

  @Test
  void selfUpdateBeforeHf1479IsAcceptedButPoisoned() throws Exception {
    withState(BEFORE_1479, (c, next) -> {
      ObjectId self = new ObjectId(1, ObjectId.PROPOSAL_TYPE, next);
      Evaluator.apply(c, propose(BEFORE_1479, approve(self)));
      ProposalRecord p = c.s.proposal(self).orElseThrow();
      List<Operation> ops = Evaluator.operations(p);
      assertThat(ops).hasSize(2);
      assertThat(ops.get(1)).isEqualTo(Evaluator.POISON);
      TransferOperation t = (TransferOperation) ops.get(1);
      assertThat(t.from()).isEqualTo(ObjectId.account(3));
      assertThat(t.amount().amount()).isEqualTo(1_000_000_000_000_000L);
      // the required approvals are those of the proposed operation only
      assertThat(p.requiredActiveApprovals()).containsExactly(ObjectId.account(6));
      // and it can never be authorized: with 1.2.6's approval the proposed operation alone would be,
      // the appended transfer needs 1.2.3 (null account), whose authority cannot be met
      java.util.TreeSet<ObjectId> approved = new java.util.TreeSet<>(List.of(ObjectId.account(6)));
      ProposalRecord approvedPoisoned = new ProposalRecord(p.id(), p.proposer(), p.expirationTime(), p.reviewPeriodTime(),
          p.operations(), p.requiredActiveApprovals(), approved, p.requiredOwnerApprovals(), p.availableOwnerApprovals(),
          p.availableKeyApprovals());
      ProposalRecord approvedClean = new ProposalRecord(p.id(), p.proposer(), p.expirationTime(), p.reviewPeriodTime(),
          p.operations().subList(0, 1), p.requiredActiveApprovals(), approved, p.requiredOwnerApprovals(),
          p.availableOwnerApprovals(), p.availableKeyApprovals());
      assertThat(Evaluator.authorizedToExecute(c, approvedClean)).isTrue();
      assertThat(Evaluator.authorizedToExecute(c, approvedPoisoned)).isFalse();
    });
  }

  @Test
  void selfUpdateAfterHf1479IsRefused() throws Exception {
    withState(AFTER_1479, (c, next) -> {
      ObjectId self = new ObjectId(1, ObjectId.PROPOSAL_TYPE, next);
      assertThatThrownBy(() -> Evaluator.apply(c, propose(AFTER_1479, approve(self))))
          .isInstanceOf(Evaluator.OpFailure.class).hasMessageContaining("older proposal");
    });
  }

  @Test
  void theRulesLookIntoNestedProposals() throws Exception {
    withState(AFTER_1479, (c, next) -> {
      ObjectId later = new ObjectId(1, ObjectId.PROPOSAL_TYPE, next + 5);
      // a proposal_create inside the proposal, whose own proposal_update targets a future id
      assertThatThrownBy(() -> Evaluator.apply(c, propose(AFTER_1479, propose(AFTER_1479, approve(later)))))
          .isInstanceOf(Evaluator.OpFailure.class).hasMessageContaining("older proposal");
      // two proposal_updates one level down
      ObjectId older = new ObjectId(1, ObjectId.PROPOSAL_TYPE, 0);
      assertThatThrownBy(() -> Evaluator.apply(c, propose(AFTER_1479, propose(AFTER_1479, approve(older), approve(older)))))
          .isInstanceOf(Evaluator.OpFailure.class).hasMessageContaining("at most one proposal_update");
    });
  }

  @Test
  void nestedUpdateBeforeHf214IsRefused() throws Exception {
    Instant before214 = Instant.parse("2018-07-01T00:00:00Z");
    withState(before214, (c, next) -> assertThatThrownBy(
            () -> Evaluator.apply(c, propose(before214, approve(new ObjectId(1, ObjectId.PROPOSAL_TYPE, 0)))))
        .isInstanceOf(Evaluator.OpFailure.class).hasMessageContaining("HF-214"));
  }
}
