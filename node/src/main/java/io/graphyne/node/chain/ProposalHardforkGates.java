package io.graphyne.node.chain;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.authority.HardforkSchedule.Hardfork;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.ops.AssetClaimFeesOperation;
import io.graphyne.protocol.ops.AssetCreateOperation;
import io.graphyne.protocol.ops.AssetPublishFeedOperation;
import io.graphyne.protocol.ops.AssetUpdateBitassetOperation;
import io.graphyne.protocol.ops.AssetUpdateOperation;
import io.graphyne.protocol.ops.CommitteeMemberUpdateGlobalParametersOperation;
import io.graphyne.protocol.ops.CreditDealExpiredOperation;
import io.graphyne.protocol.ops.CreditDealRepayOperation;
import io.graphyne.protocol.ops.CreditDealUpdateOperation;
import io.graphyne.protocol.ops.CreditOfferAcceptOperation;
import io.graphyne.protocol.ops.CreditOfferCreateOperation;
import io.graphyne.protocol.ops.CreditOfferDeleteOperation;
import io.graphyne.protocol.ops.CreditOfferUpdateOperation;
import io.graphyne.protocol.ops.CustomAuthorityCreateOperation;
import io.graphyne.protocol.ops.CustomAuthorityDeleteOperation;
import io.graphyne.protocol.ops.CustomAuthorityUpdateOperation;
import io.graphyne.protocol.ops.HtlcCreateOperation;
import io.graphyne.protocol.ops.HtlcExtendOperation;
import io.graphyne.protocol.ops.HtlcRedeemOperation;
import io.graphyne.protocol.ops.LimitOrderCreateOperation;
import io.graphyne.protocol.ops.LimitOrderUpdateOperation;
import io.graphyne.protocol.ops.LiquidityPoolCreateOperation;
import io.graphyne.protocol.ops.LiquidityPoolDeleteOperation;
import io.graphyne.protocol.ops.LiquidityPoolDepositOperation;
import io.graphyne.protocol.ops.LiquidityPoolExchangeOperation;
import io.graphyne.protocol.ops.LiquidityPoolUpdateOperation;
import io.graphyne.protocol.ops.LiquidityPoolWithdrawOperation;
import io.graphyne.protocol.ops.ProposalCreateOperation;
import io.graphyne.protocol.ops.SametFundBorrowOperation;
import io.graphyne.protocol.ops.SametFundCreateOperation;
import io.graphyne.protocol.ops.SametFundDeleteOperation;
import io.graphyne.protocol.ops.SametFundRepayOperation;
import io.graphyne.protocol.ops.SametFundUpdateOperation;
import io.graphyne.protocol.ops.TicketCreateOperation;
import io.graphyne.protocol.ops.TicketUpdateOperation;
import io.graphyne.protocol.types.AssetOptions;
import io.graphyne.protocol.types.BitassetOptions;
import io.graphyne.protocol.types.ChainParameters;
import io.graphyne.protocol.types.OpWrapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * bitshares-core's {@code proposal_operation_hardfork_visitor} (libraries/chain/proposal_evaluator.cpp,
 * 7.0.x): proposal_create refuses a proposal holding an operation, or an extension member, or a
 * fee-schedule entry, before the hardfork that enables it. The visitor runs on the proposal_create
 * itself, so a proposal_create inside a proposal is visited recursively, to any depth. The asset
 * checks are core's {@code detail::check_*} helpers of asset_evaluator.cpp, the same ones the asset
 * evaluators run; {@code validate_flags} is asset_ops.cpp's.
 *
 * <p>Times: {@code block_time} is the head block time (the block before the one being applied);
 * CORE_2281 and CORE_2467 compare the head's {@code next_maintenance_time}, strictly.
 */
final class ProposalHardforkGates {
  private ProposalHardforkGates() {}

  // asset_issuer_permission_flags (libraries/protocol/include/graphene/protocol/types.hpp)
  static final int CHARGE_MARKET_FEE = 0x01;
  static final int WHITE_LIST = 0x02;
  static final int OVERRIDE_AUTHORITY = 0x04;
  static final int TRANSFER_RESTRICTED = 0x08;
  static final int DISABLE_FORCE_SETTLE = 0x10;
  static final int GLOBAL_SETTLE = 0x20;
  static final int DISABLE_CONFIDENTIAL = 0x40;
  static final int WITNESS_FED_ASSET = 0x80;
  static final int COMMITTEE_FED_ASSET = 0x100;
  static final int LOCK_MAX_SUPPLY = 0x200;
  static final int DISABLE_NEW_SUPPLY = 0x400;
  static final int DISABLE_MCR_UPDATE = 0x800;
  static final int DISABLE_ICR_UPDATE = 0x1000;
  static final int DISABLE_MSSR_UPDATE = 0x2000;
  static final int DISABLE_BSRM_UPDATE = 0x4000;
  static final int DISABLE_COLLATERAL_BIDDING = 0x8000;
  static final int PERMISSION_MASK = 0xFFFF;
  static final int ENABLE_BITS_MASK = CHARGE_MARKET_FEE | WHITE_LIST | OVERRIDE_AUTHORITY | TRANSFER_RESTRICTED
      | DISABLE_FORCE_SETTLE | GLOBAL_SETTLE | DISABLE_CONFIDENTIAL | WITNESS_FED_ASSET | COMMITTEE_FED_ASSET;
  static final int UIA_PERMISSION_MASK = CHARGE_MARKET_FEE | WHITE_LIST | OVERRIDE_AUTHORITY | TRANSFER_RESTRICTED
      | DISABLE_CONFIDENTIAL | LOCK_MAX_SUPPLY | DISABLE_NEW_SUPPLY;
  /** GRAPHENE_100_PERCENT. */
  static final int HUNDRED_PERCENT = 10_000;
  /** htlc_hash's hash160 member (ripemd160, sha1, sha256, hash160). */
  static final int HTLC_HASH160 = 3;

  /** Operations enabled by a hardfork: inside a proposal before it, "not allowed until ...". */
  private static final List<Gate> OPERATION_GATES = List.of(
      new Gate(Hardfork.CORE_1604, "Operation is not enabled yet", LimitOrderUpdateOperation.class),
      new Gate(Hardfork.CORE_1468, "Not allowed until hardfork 1468", HtlcCreateOperation.class, HtlcRedeemOperation.class,
          HtlcExtendOperation.class),
      new Gate(null, "Not allowed until hardfork BSIP 40", CustomAuthorityCreateOperation.class,
          CustomAuthorityUpdateOperation.class, CustomAuthorityDeleteOperation.class),
      new Gate(Hardfork.CORE_2103, "Not allowed until hardfork 2103", TicketCreateOperation.class, TicketUpdateOperation.class),
      new Gate(Hardfork.LIQUIDITY_POOL, "Not allowed until the LP hardfork", LiquidityPoolCreateOperation.class,
          LiquidityPoolDeleteOperation.class, LiquidityPoolDepositOperation.class, LiquidityPoolWithdrawOperation.class,
          LiquidityPoolExchangeOperation.class),
      new Gate(Hardfork.CORE_2604, "Not allowed until the core-2604 hardfork", LiquidityPoolUpdateOperation.class),
      new Gate(Hardfork.CORE_2351, "Not allowed until the core-2351 hardfork", SametFundCreateOperation.class,
          SametFundDeleteOperation.class, SametFundUpdateOperation.class, SametFundBorrowOperation.class,
          SametFundRepayOperation.class),
      new Gate(Hardfork.CORE_2362, "Not allowed until the core-2362 hardfork", CreditOfferCreateOperation.class,
          CreditOfferDeleteOperation.class, CreditOfferUpdateOperation.class, CreditOfferAcceptOperation.class,
          CreditDealRepayOperation.class),
      new Gate(Hardfork.CORE_2595, "Not allowed until the core-2595 hardfork", CreditDealUpdateOperation.class));

  /**
   * Fee-schedule entries a committee_member_update_global_parameters may not define before a
   * hardfork (tags of fee_parameters = operation tags).
   */
  private static final List<Gate> FEE_GATES = List.of(
      new Gate(Hardfork.CORE_1468, "Unable to define fees for HTLC operations before hardfork 1468", HtlcCreateOperation.class,
          HtlcRedeemOperation.class, HtlcExtendOperation.class),
      new Gate(Hardfork.CORE_1604, "Cannot set fees for limit_order_update_operation before its hardfork time",
          LimitOrderUpdateOperation.class),
      new Gate(null, "Unable to define fees for custom authority operations prior to hardfork BSIP 40",
          CustomAuthorityCreateOperation.class, CustomAuthorityUpdateOperation.class, CustomAuthorityDeleteOperation.class),
      new Gate(Hardfork.CORE_2103, "Unable to define fees for ticket operations prior to hardfork 2103",
          TicketCreateOperation.class, TicketUpdateOperation.class),
      new Gate(Hardfork.LIQUIDITY_POOL, "Unable to define fees for liquidity pool operations prior to the LP hardfork",
          LiquidityPoolCreateOperation.class, LiquidityPoolDeleteOperation.class, LiquidityPoolDepositOperation.class,
          LiquidityPoolWithdrawOperation.class, LiquidityPoolExchangeOperation.class),
      new Gate(Hardfork.CORE_2351, "Unable to define fees for samet fund operations prior to the core-2351 hardfork",
          SametFundCreateOperation.class, SametFundDeleteOperation.class, SametFundUpdateOperation.class,
          SametFundBorrowOperation.class, SametFundRepayOperation.class),
      new Gate(Hardfork.CORE_2362, "Unable to define fees for credit offer operations prior to the core-2362 hardfork",
          CreditOfferCreateOperation.class, CreditOfferDeleteOperation.class, CreditOfferUpdateOperation.class,
          CreditOfferAcceptOperation.class, CreditDealRepayOperation.class, CreditDealExpiredOperation.class),
      new Gate(Hardfork.CORE_2595, "Unable to define fees for credit deal update operation prior to the core-2595 hardfork",
          CreditDealUpdateOperation.class),
      new Gate(Hardfork.CORE_2604, "Unable to define fees for liquidity pool update operation prior to the core-2604 hardfork",
          LiquidityPoolUpdateOperation.class));

  /**
   * Operations (by tag) a hardfork enables.
   *
   * @param hf the hardfork; null = BSIP 40 (its time is {@link HardforkSchedule#bsip40()})
   */
  private record Gate(Hardfork hf, String message, Set<Integer> tags) {
    @SafeVarargs
    Gate(Hardfork hf, String message, Class<? extends Operation>... ops) {
      this(hf, message, java.util.Arrays.stream(ops).map(Operations::tagOf).collect(Collectors.toUnmodifiableSet()));
    }

    boolean passed(HardforkSchedule s, Instant blockTime) {
      return hf == null ? !blockTime.isBefore(s.bsip40()) : s.passed(hf, blockTime);
    }
  }

  /**
   * Why the operation may not be proposed at this head, or empty. A proposal_create is visited
   * recursively.
   *
   * @param blockTime the head block time
   * @param nextMaintenance the head's next maintenance time
   */
  static Optional<String> refusal(Operation op, HardforkSchedule s, Instant blockTime, Instant nextMaintenance) {
    try {
      visit(op, s, blockTime, nextMaintenance);
      return Optional.empty();
    } catch (Refused r) {
      return Optional.of(r.getMessage());
    }
  }

  /** A failed FC_ASSERT of the visitor. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String operation, String message) {
      super(operation + ": " + message, null, false, false);
    }
  }

  private static void require(boolean ok, Operation op, String message) throws Refused {
    if (!ok) {
      throw new Refused(op.operationName(), message);
    }
  }

  private static void visit(Operation op, HardforkSchedule s, Instant bt, Instant nmt) throws Refused {
    int tag = op.tag();
    for (Gate g : OPERATION_GATES) {
      if (g.tags().contains(tag)) {
        require(g.passed(s, bt), op, g.message());
      }
    }
    if (op instanceof ProposalCreateOperation o) {
      // "loop and self visit in proposals" (at most one proposal_update per level: Proposals.checkNested)
      for (OpWrapper w : o.proposedOps()) {
        visit(w.op(), s, bt, nmt);
      }
    } else if (op instanceof LimitOrderCreateOperation o) {
      if (!s.passed(Hardfork.CORE_2535, bt)) {
        require(o.extensions() == null || o.extensions().onFill() == null, op,
            "The on_fill extension is not allowed until the core-2535 hardfork");
      }
    } else if (op instanceof AssetCreateOperation o) {
      assetOptions(op, o.commonOptions(), s, bt, nmt);
      if (o.bitassetOpts() != null) {
        bitassetOptions(op, o.bitassetOpts(), s, bt, nmt);
      }
      validateFlagsAfterHardforks(op, o.commonOptions(), o.bitassetOpts() != null, s, bt, nmt);
    } else if (op instanceof AssetUpdateOperation o) {
      assetOptions(op, o.newOptions(), s, bt, nmt);
      if (!s.passed(Hardfork.BSIP_48_75, bt) && o.extensions() != null) {
        require(o.extensions().newPrecision() == null, op, "new_precision should not be set before HARDFORK_BSIP_48_75_TIME");
        require(o.extensions().skipCoreExchangeRate() == null, op,
            "skip_core_exchange_rate should not be set before HARDFORK_BSIP_48_75_TIME");
      }
      validateFlagsAfterHardforks(op, o.newOptions(), true, s, bt, nmt);
    } else if (op instanceof AssetUpdateBitassetOperation o) {
      bitassetOptions(op, o.newOptions(), s, bt, nmt);
    } else if (op instanceof AssetClaimFeesOperation o) {
      require(o.extensions() == null || o.extensions().claimFromAssetId() == null
          || s.passed(Hardfork.CORE_BSIP_87_74_COLLATFEE, bt), op,
          "Collateral-denominated fees are not yet active and therefore cannot be claimed.");
    } else if (op instanceof AssetPublishFeedOperation o) {
      if (!s.passed(Hardfork.BSIP_77, bt)) {
        require(o.extensions() == null || o.extensions().initialCollateralRatio() == null, op,
            "Initial collateral ratio should not be defined before HARDFORK_BSIP_77_TIME");
      }
    } else if (op instanceof CommitteeMemberUpdateGlobalParametersOperation o) {
      chainParameters(op, o.newParameters(), s, bt);
    } else if (op instanceof HtlcCreateOperation o) {
      if (!s.passed(Hardfork.CORE_BSIP64, bt)) {
        require(o.extensions() == null || o.extensions().memo() == null, op, "Memo unavailable until after HARDFORK BSIP64");
        require(o.preimageHash() == null || o.preimageHash().tag() != HTLC_HASH160, op,
            "HASH160 unavailable until after HARDFORK BSIP64");
      }
    } else if (op instanceof CreditOfferAcceptOperation o) {
      if (!s.passed(Hardfork.CORE_2595, bt)) {
        require(o.extensions() == null || o.extensions().autoRepay() == null, op,
            "auto_repay unavailable until the core-2595 hardfork");
      }
    }
  }

  /** check_asset_options_hf_1774, _bsip_48_75, _bsip81, _core2281, _core2467. */
  private static void assetOptions(Operation op, AssetOptions o, HardforkSchedule s, Instant bt, Instant nmt) throws Refused {
    var ext = o.extensions();
    if (!s.passed(Hardfork.CORE_1774, bt)) {
      require(ext == null || ext.rewardPercent() == null || ext.rewardPercent() < HUNDRED_PERCENT, op,
          "Asset extension reward percent must be less than 100% till HARDFORK_1774_TIME!");
    }
    if (!s.passed(Hardfork.BSIP_48_75, bt)) {
      require((o.issuerPermissions() & ~ENABLE_BITS_MASK & PERMISSION_MASK) == 0, op,
          "New asset issuer permission bits should not be set before HARDFORK_BSIP_48_75_TIME");
    }
    if (!s.passed(Hardfork.BSIP_81, bt)) {
      require(ext == null || ext.takerFeePercent() == null, op,
          "Taker fee percent should not be defined before HARDFORK_BSIP_81_TIME");
    }
    if (!s.passedByNextMaintenance(Hardfork.CORE_2281, nmt)) {
      require((o.issuerPermissions() & DISABLE_COLLATERAL_BIDDING) == 0, op,
          "New asset issuer permission bit 'disable_collateral_bidding' should not be set before Hardfork core-2281");
    }
    if (!s.passedByNextMaintenance(Hardfork.CORE_2467, nmt)) {
      require((o.issuerPermissions() & DISABLE_BSRM_UPDATE) == 0, op,
          "New asset issuer permission bit 'disable_bsrm_update' should not be set before Hardfork core-2467");
    }
  }

  /** check_bitasset_options_hf_bsip_48_75, _bsip74, _bsip77, _bsip87, check_bitasset_opts_hf_core2467. */
  private static void bitassetOptions(Operation op, BitassetOptions o, HardforkSchedule s, Instant bt, Instant nmt)
      throws Refused {
    var ext = o.extensions();
    if (ext == null) {
      return;
    }
    if (!s.passed(Hardfork.BSIP_48_75, bt)) {
      require(ext.maintenanceCollateralRatio() == null, op,
          "Maintenance collateral ratio should not be defined by asset owner before HARDFORK_BSIP_48_75_TIME");
      require(ext.maximumShortSqueezeRatio() == null, op,
          "Maximum short squeeze ratio should not be defined by asset owner before HARDFORK_BSIP_48_75_TIME");
    }
    require(ext.marginCallFeeRatio() == null || s.passed(Hardfork.CORE_BSIP74, bt), op,
        "A BitAsset's MCFR cannot be set before Hardfork BSIP74");
    if (!s.passed(Hardfork.BSIP_77, bt)) {
      require(ext.initialCollateralRatio() == null, op, "Initial collateral ratio should not be defined before HARDFORK_BSIP_77_TIME");
    }
    require(ext.forceSettleFeePercent() == null || s.passed(Hardfork.CORE_BSIP87, bt), op,
        "A BitAsset's FSFP cannot be set before Hardfork BSIP87");
    if (!s.passedByNextMaintenance(Hardfork.CORE_2467, nmt)) {
      require(ext.blackSwanResponseMethod() == null, op,
          "A BitAsset's black swan response method cannot be set before Hardfork core-2467");
    }
  }

  /**
   * After CORE_2281 (next maintenance) {@code validate_flags(is_market_issued)}; else after
   * BSIP_48_75 (head) {@code validate_flags(is_market_issued, false)}; before both, nothing.
   */
  private static void validateFlagsAfterHardforks(Operation op, AssetOptions o, boolean marketIssued, HardforkSchedule s,
      Instant bt, Instant nmt) throws Refused {
    if (s.passedByNextMaintenance(Hardfork.CORE_2281, nmt)) {
      validateFlags(op, o.flags(), marketIssued, true);
    } else if (s.passed(Hardfork.BSIP_48_75, bt)) {
      validateFlags(op, o.flags(), marketIssued, false);
    }
  }

  /** asset_options::validate_flags. */
  static void validateFlags(Operation op, int flags, boolean marketIssued, boolean allowDisableCollateralBid) throws Refused {
    require((flags & ~PERMISSION_MASK) == 0, op, "Can not set an unknown bit in flags");
    if (!allowDisableCollateralBid) {
      require((flags & DISABLE_COLLATERAL_BIDDING) == 0, op,
          "Can not set the 'disable_collateral_bidding' bit in flags between the core-2281 hardfork and the BSIP_48_75 hardfork");
    }
    require((flags & DISABLE_MCR_UPDATE) == 0, op, "Can not set disable_mcr_update flag, it is for issuer permission only");
    require((flags & DISABLE_ICR_UPDATE) == 0, op, "Can not set disable_icr_update flag, it is for issuer permission only");
    require((flags & DISABLE_MSSR_UPDATE) == 0, op, "Can not set disable_mssr_update flag, it is for issuer permission only");
    require((flags & DISABLE_BSRM_UPDATE) == 0, op, "Can not set disable_bsrm_update flag, it is for issuer permission only");
    if (!marketIssued) {
      require((flags & ~UIA_PERMISSION_MASK & PERMISSION_MASK) == 0, op, "Can not set a flag for bitassets only to UIA");
    }
  }

  /** committee_member_update_global_parameters: extension members and fee-schedule entries. */
  private static void chainParameters(Operation op, ChainParameters p, HardforkSchedule s, Instant bt) throws Refused {
    var ext = p.extensions();
    Set<Integer> fees = p.currentFees() == null ? Set.of()
        : p.currentFees().parameters().stream().map(StaticVariant::tag).collect(Collectors.toSet());
    // in core's order: 1468, 1604, BSIP 40, BSIP 85, BSIP 86, 2103, LP, 2351, 2362, 2595, 2604
    if (!s.passed(Hardfork.CORE_1468, bt)) {
      require(ext == null || ext.updatableHtlcOptions() == null, op, "Unable to set HTLC options before hardfork 1468");
    }
    feeGate(op, FEE_GATES.get(0), fees, s, bt);
    feeGate(op, FEE_GATES.get(1), fees, s, bt);
    if (bt.isBefore(s.bsip40())) {
      require(ext == null || ext.customAuthorityOptions() == null, op, "Unable to set Custom Authority Options before hardfork BSIP 40");
    }
    feeGate(op, FEE_GATES.get(2), fees, s, bt);
    if (!s.passed(Hardfork.BSIP_85, bt)) {
      require(ext == null || ext.makerFeeDiscountPercent() == null, op,
          "Unable to set maker_fee_discount_percent before hardfork BSIP 85");
    }
    if (!s.passed(Hardfork.BSIP_86, bt)) {
      require(ext == null || ext.marketFeeNetworkPercent() == null, op,
          "Unable to set market_fee_network_percent before hardfork BSIP 86");
    }
    for (Gate g : FEE_GATES.subList(3, FEE_GATES.size())) {
      feeGate(op, g, fees, s, bt);
    }
  }

  private static void feeGate(Operation op, Gate g, Set<Integer> fees, HardforkSchedule s, Instant bt) throws Refused {
    if (!g.passed(s, bt)) {
      for (int tag : new java.util.TreeSet<>(g.tags())) {
        require(!fees.contains(tag), op, g.message() + " (" + Operations.nameOf(tag) + ")");
      }
    }
  }
}
