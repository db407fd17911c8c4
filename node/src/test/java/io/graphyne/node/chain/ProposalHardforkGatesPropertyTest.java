package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.codec.RandomValues;
import io.graphyne.protocol.ops.AssetClaimFeesOperation;
import io.graphyne.protocol.ops.AssetCreateOperation;
import io.graphyne.protocol.ops.AssetPublishFeedOperation;
import io.graphyne.protocol.ops.AssetUpdateBitassetOperation;
import io.graphyne.protocol.ops.AssetUpdateOperation;
import io.graphyne.protocol.ops.CommitteeMemberUpdateGlobalParametersOperation;
import io.graphyne.protocol.ops.CreditOfferAcceptOperation;
import io.graphyne.protocol.ops.HtlcCreateOperation;
import io.graphyne.protocol.ops.LimitOrderCreateOperation;
import io.graphyne.protocol.ops.ProposalCreateOperation;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link ProposalHardforkGates} over random operations of every kind (nested proposals included):
 * it always answers (no exception), the same way twice, only operations core's visitor looks at
 * are ever refused, and after every hardfork only {@code validate_flags} can refuse.
 */
class ProposalHardforkGatesPropertyTest {
  static final HardforkSchedule MAINNET = HardforkSchedule.mainnet();
  /** The operations whose content (not only their kind) the visitor checks. */
  static final Set<Class<?>> CONTENT_CHECKED = Set.of(ProposalCreateOperation.class, LimitOrderCreateOperation.class,
      AssetCreateOperation.class, AssetUpdateOperation.class, AssetUpdateBitassetOperation.class, AssetClaimFeesOperation.class,
      AssetPublishFeedOperation.class, CommitteeMemberUpdateGlobalParametersOperation.class, HtlcCreateOperation.class,
      CreditOfferAcceptOperation.class);

  /** The operations core's visitor gates by kind (proposal_evaluator.cpp, 7.0.x). */
  static final Set<String> GATED_KINDS = Set.of("limit_order_update", "htlc_create", "htlc_redeem", "htlc_extend",
      "custom_authority_create", "custom_authority_update", "custom_authority_delete", "ticket_create", "ticket_update",
      "liquidity_pool_create", "liquidity_pool_delete", "liquidity_pool_deposit", "liquidity_pool_withdraw",
      "liquidity_pool_exchange", "liquidity_pool_update", "samet_fund_create", "samet_fund_delete", "samet_fund_update",
      "samet_fund_borrow", "samet_fund_repay", "credit_offer_create", "credit_offer_delete", "credit_offer_update",
      "credit_offer_accept", "credit_deal_repay", "credit_deal_update");

  @Property(tries = 600)
  void anyOperationGetsATypedAnswer(@ForAll @IntRange(min = 0, max = 77) int tag, @ForAll long seed,
      @ForAll @LongRange(min = 1_434_000_000L, max = 1_900_000_000L) long head) {
    Operation op = (Operation) new RandomValues(seed, 3).of(Operations.classOf(tag));
    Instant t = Instant.ofEpochSecond(head);
    Optional<String> r = ProposalHardforkGates.refusal(op, MAINNET, t, t.plusSeconds(3600));
    assertThat(ProposalHardforkGates.refusal(op, MAINNET, t, t.plusSeconds(3600))).isEqualTo(r);
    r.ifPresent(m -> assertThat(m).isNotBlank());
    // a kind the visitor does not know is never refused
    if (!GATED_KINDS.contains(op.operationName()) && !CONTENT_CHECKED.contains(op.getClass())) {
      assertThat(r).as(op.operationName()).isEmpty();
    }
    // after every hardfork (BSIP 40 included) only validate_flags can refuse
    Instant later = Instant.parse("2031-01-01T00:00:00Z");
    ProposalHardforkGates.refusal(op, MAINNET, later, later.plusSeconds(3600))
        .ifPresent(m -> assertThat(m).as(op.operationName()).contains("flag"));
  }
}
