package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.authority.HardforkSchedule.Hardfork;
import io.graphyne.chainstore.BlockChanges;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.DynamicProperties;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.Fc;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.codec.RandomValues;
import io.graphyne.protocol.ops.AssetClaimFeesOperation;
import io.graphyne.protocol.ops.AssetCreateOperation;
import io.graphyne.protocol.ops.AssetPublishFeedOperation;
import io.graphyne.protocol.ops.AssetUpdateBitassetOperation;
import io.graphyne.protocol.ops.AssetUpdateOperation;
import io.graphyne.protocol.ops.CommitteeMemberUpdateGlobalParametersOperation;
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
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.AdditionalAssetOptions;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.AssetOptions;
import io.graphyne.protocol.types.BitassetOptions;
import io.graphyne.protocol.types.BitassetOptionsExt;
import io.graphyne.protocol.types.ChainParameters;
import io.graphyne.protocol.types.ChainParametersExt;
import io.graphyne.protocol.types.FeeSchedule;
import io.graphyne.protocol.types.OpWrapper;
import io.graphyne.testing.Vectors;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * proposal_create's hardfork visitor (proposal_evaluator.cpp {@code proposal_operation_hardfork_visitor},
 * 7.0.x) through {@link Evaluator} on the private chain's genesis state, with mainnet's hardfork
 * times: for every gated operation, extension member, permission bit and fee-schedule entry, a
 * proposal one second before the hardfork is refused with core's reason and one at the hardfork
 * is created. Nested proposals are visited recursively.
 */
class ProposalHardforkGatesTest {
  static final HardforkSchedule MAINNET = HardforkSchedule.mainnet();
  static final ObjectId PROPOSER = ObjectId.account(6);
  static final ObjectId CORE = ObjectId.asset(0);
  static Genesis genesis;

  @BeforeAll
  static void load() throws Exception {
    genesis = Genesis.load(Vectors.path("private-chain/genesis.json"));
  }

  // ---- blank operations: every required member zero/empty, every optional one absent ---------

  /** A value of a record with every optional absent and every other member zero, empty or blank. */
  static <T> T blank(Class<T> c) {
    try {
      RecordComponent[] rc = c.getRecordComponents();
      Object[] args = new Object[rc.length];
      Class<?>[] types = new Class<?>[rc.length];
      for (int i = 0; i < rc.length; i++) {
        types[i] = rc[i].getType();
        Fc fc = rc[i].getAnnotation(Fc.class);
        try {
          args[i] = blankValue(rc[i].getType(), rc[i].getGenericType(), fc == null ? "" : fc.type());
        } catch (RuntimeException e) {
          throw new IllegalStateException(c.getSimpleName() + "." + rc[i].getName() + " (" + (fc == null ? "no @Fc" : fc.type()) + ")", e);
        }
      }
      return c.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(c.getName(), e);
    }
  }

  static Object blankValue(Class<?> t, Type generic, String fcType) {
    if (fcType.startsWith("optional<")) {
      return null;
    }
    if (t == long.class || t == Long.class) {
      return 0L;
    }
    if (t == int.class || t == Integer.class) {
      return 0;
    }
    if (t == boolean.class || t == Boolean.class) {
      return false;
    }
    if (t == String.class) {
      return "";
    }
    if (t == List.class) {
      return List.of();
    }
    if (t == Map.class) {
      return Map.of();
    }
    if (t == Instant.class) {
      return Instant.EPOCH;
    }
    if (t == Asset.class) {
      return new Asset(0, CORE);
    }
    if (t == ObjectId.class) {
      return fcType.equals("account_id_type") ? PROPOSER : new RandomValues(1).of(fcType);
    }
    if (t == StaticVariant.class && fcType.equals("htlc_hash")) {
      return htlcHash(0);
    }
    if (t.isRecord() && t != StaticVariant.class) {
      return blank(t);
    }
    // static variants, hashes, keys: any valid value (the gates never look at these)
    return new RandomValues(1).of(fcType);
  }

  /** An htlc_hash of the given member (0 ripemd160 ... 3 hash160). */
  static StaticVariant htlcHash(int tag) {
    for (long seed = 0; ; seed++) {
      StaticVariant v = (StaticVariant) new RandomValues(seed).of("htlc_hash");
      if (v.tag() == tag) {
        return v;
      }
    }
  }

  static <T extends Record> T with(T r, String component, Object value) {
    try {
      RecordComponent[] rc = r.getClass().getRecordComponents();
      Object[] args = new Object[rc.length];
      Class<?>[] types = new Class<?>[rc.length];
      boolean found = false;
      for (int i = 0; i < rc.length; i++) {
        types[i] = rc[i].getType();
        args[i] = rc[i].getName().equals(component) ? value : rc[i].getAccessor().invoke(r);
        found |= rc[i].getName().equals(component);
      }
      if (!found) {
        throw new IllegalArgumentException(r.getClass().getSimpleName() + " has no " + component);
      }
      @SuppressWarnings("unchecked")
      T out = (T) r.getClass().getDeclaredConstructor(types).newInstance(args);
      return out;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- running a proposal --------------------------------------------------------------------

  /** The outcome of proposing {@code op} at head time {@code head} with the head's next maintenance at {@code nextMaint}. */
  static String propose(Operation op, Instant head, Instant nextMaint) throws Exception {
    try (ChainStore store = ChainStore.inMemory(genesis.chainId())) {
      genesis.initialize(store);
      try (BlockChanges changes = store.beginBlock(1, Bytes.zeros(20), null)) {
        DynamicProperties d = store.state().dynamicProperties().orElseThrow();
        changes.putDynamicProperties(new DynamicProperties(d.headBlockNumber(), d.headBlockId(), head.getEpochSecond(),
            d.currentAslot(), nextMaint.getEpochSecond(), false, d.lastIrreversibleBlockNum(), d.recentSlotsFilled()));
        StateSession s = new StateSession(changes);
        Evaluator.Ctx c = new Evaluator.Ctx(s, head.getEpochSecond(), s.globalProperties(), MAINNET.at(head),
            EnumSet.noneOf(Trust.class));
        var p = c.params();
        long next = s.counter(Genesis.NEXT_PROPOSAL);
        ProposalCreateOperation create = new ProposalCreateOperation(new Asset(0, CORE), PROPOSER,
            head.plusSeconds(p.maximumProposalLifetime()), List.of(new OpWrapper(op)), p.committeeProposalReviewPeriod(), List.of());
        try {
          Evaluator.apply(c, create);
        } catch (Evaluator.OpFailure f) {
          return "refused: " + f.getMessage();
        }
        assertThat(s.proposal(new ObjectId(1, ObjectId.PROPOSAL_TYPE, next))).as("the proposal exists").isPresent();
        return "created";
      }
    }
  }

  /**
   * One gate.
   *
   * @param hf the hardfork (null: BSIP 40)
   * @param byNextMaintenance the gate compares the next maintenance time (strictly)
   * @param reason a fragment of core's FC_ASSERT message
   */
  record Case(String name, Operation op, Hardfork hf, boolean byNextMaintenance, String reason) {
    @Override
    public String toString() {
      return name;
    }

    Instant time() {
      return hf == null ? MAINNET.bsip40() : MAINNET.time(hf);
    }
  }

  static Case op(Class<? extends Operation> c, Hardfork hf, String reason) {
    return new Case(Operations.nameOf(Operations.tagOf(c)), blank(c), hf, false, reason);
  }

  static AssetOptions options(UnaryOperator<AssetOptions> f) {
    return f.apply(blank(AssetOptions.class));
  }

  static AssetOptions ext(AdditionalAssetOptions e) {
    return with(blank(AssetOptions.class), "extensions", e);
  }

  static BitassetOptions bitasset(String member, int value) {
    return with(blank(BitassetOptions.class), "extensions", with(blank(BitassetOptionsExt.class), member, value));
  }

  static AssetCreateOperation assetCreate(AssetOptions o, BitassetOptions b) {
    return with(with(blank(AssetCreateOperation.class), "commonOptions", o), "bitassetOpts", b);
  }

  static CommitteeMemberUpdateGlobalParametersOperation params(UnaryOperator<ChainParameters> f) {
    return with(blank(CommitteeMemberUpdateGlobalParametersOperation.class), "newParameters", f.apply(blank(ChainParameters.class)));
  }

  static CommitteeMemberUpdateGlobalParametersOperation paramsExt(String member, Object value) {
    return params(p -> with(p, "extensions", with(blank(ChainParametersExt.class), member, value)));
  }

  /** A fee schedule defining the fee of one operation. */
  static CommitteeMemberUpdateGlobalParametersOperation fee(Class<? extends Operation> c) {
    int tag = Operations.tagOf(c);
    String feeClass = "io.graphyne.protocol.types." + c.getSimpleName() + "FeeParams";
    try {
      Object params = blank(Class.forName(feeClass));
      return params(p -> with(p, "currentFees", new FeeSchedule(List.of(new StaticVariant(tag, params)), 0)));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(feeClass, e);
    }
  }

  static Case fee(Class<? extends Operation> c, Hardfork hf, String reason) {
    return new Case("fee of " + Operations.nameOf(Operations.tagOf(c)), fee(c), hf, false, reason);
  }

  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    // operations
    out.add(op(LimitOrderUpdateOperation.class, Hardfork.CORE_1604, "Operation is not enabled yet"));
    for (var c : List.of(HtlcCreateOperation.class, HtlcRedeemOperation.class, HtlcExtendOperation.class)) {
      out.add(op(c, Hardfork.CORE_1468, "Not allowed until hardfork 1468"));
    }
    for (var c : List.of(CustomAuthorityCreateOperation.class, CustomAuthorityUpdateOperation.class,
        CustomAuthorityDeleteOperation.class)) {
      out.add(op(c, null, "Not allowed until hardfork BSIP 40"));
    }
    for (var c : List.of(TicketCreateOperation.class, TicketUpdateOperation.class)) {
      out.add(op(c, Hardfork.CORE_2103, "Not allowed until hardfork 2103"));
    }
    for (var c : List.of(LiquidityPoolCreateOperation.class, LiquidityPoolDeleteOperation.class, LiquidityPoolDepositOperation.class,
        LiquidityPoolWithdrawOperation.class, LiquidityPoolExchangeOperation.class)) {
      out.add(op(c, Hardfork.LIQUIDITY_POOL, "Not allowed until the LP hardfork"));
    }
    out.add(op(LiquidityPoolUpdateOperation.class, Hardfork.CORE_2604, "Not allowed until the core-2604 hardfork"));
    for (var c : List.of(SametFundCreateOperation.class, SametFundDeleteOperation.class, SametFundUpdateOperation.class,
        SametFundBorrowOperation.class, SametFundRepayOperation.class)) {
      out.add(op(c, Hardfork.CORE_2351, "Not allowed until the core-2351 hardfork"));
    }
    for (var c : List.of(CreditOfferCreateOperation.class, CreditOfferDeleteOperation.class, CreditOfferUpdateOperation.class,
        CreditOfferAcceptOperation.class, CreditDealRepayOperation.class)) {
      out.add(op(c, Hardfork.CORE_2362, "Not allowed until the core-2362 hardfork"));
    }
    out.add(op(CreditDealUpdateOperation.class, Hardfork.CORE_2595, "Not allowed until the core-2595 hardfork"));
    // extension members of operations
    out.add(new Case("limit_order_create on_fill", with(blank(LimitOrderCreateOperation.class), "extensions",
        new io.graphyne.protocol.types.LimitOrderCreateOperationOptionsType(List.of())), Hardfork.CORE_2535, false, "on_fill"));
    out.add(new Case("htlc_create memo", with(blank(HtlcCreateOperation.class), "extensions",
        new io.graphyne.protocol.types.HtlcCreateOperationAdditionalOptionsType(blank(io.graphyne.protocol.types.MemoData.class))),
        Hardfork.CORE_BSIP64, false, "Memo unavailable"));
    out.add(new Case("htlc_create hash160", with(blank(HtlcCreateOperation.class), "preimageHash",
        htlcHash(3)), Hardfork.CORE_BSIP64, false, "HASH160 unavailable"));
    out.add(new Case("credit_offer_accept auto_repay", with(blank(CreditOfferAcceptOperation.class), "extensions",
        new io.graphyne.protocol.types.CreditOfferAcceptOperationExt(1)), Hardfork.CORE_2595, false, "auto_repay"));
    out.add(new Case("asset_claim_fees claim_from_asset_id", with(blank(AssetClaimFeesOperation.class), "extensions",
        new io.graphyne.protocol.types.AssetClaimFeesOperationAdditionalOptionsType(ObjectId.asset(1))),
        Hardfork.CORE_BSIP_87_74_COLLATFEE, false, "Collateral-denominated fees"));
    out.add(new Case("asset_publish_feed initial_collateral_ratio", with(blank(AssetPublishFeedOperation.class), "extensions",
        new io.graphyne.protocol.types.AssetPublishFeedOperationExt(1500)), Hardfork.BSIP_77, false, "Initial collateral ratio"));
    out.add(new Case("asset_update new_precision", with(blank(AssetUpdateOperation.class), "extensions",
        new io.graphyne.protocol.types.AssetUpdateOperationExt(4, null)), Hardfork.BSIP_48_75, false, "new_precision"));
    out.add(new Case("asset_update skip_core_exchange_rate", with(blank(AssetUpdateOperation.class), "extensions",
        new io.graphyne.protocol.types.AssetUpdateOperationExt(null, true)), Hardfork.BSIP_48_75, false, "skip_core_exchange_rate"));
    // asset options (asset_create and asset_update run the same checks)
    out.add(new Case("asset_create reward_percent 100%", assetCreate(ext(new AdditionalAssetOptions(10_000, null, null)), null),
        Hardfork.CORE_1774, false, "reward percent"));
    out.add(new Case("asset_create taker_fee_percent", assetCreate(ext(new AdditionalAssetOptions(null, null, 10)), null),
        Hardfork.BSIP_81, false, "Taker fee percent"));
    out.add(new Case("asset_create permission lock_max_supply", assetCreate(options(o -> with(o, "issuerPermissions", 0x200)), null),
        Hardfork.BSIP_48_75, false, "New asset issuer permission bits"));
    out.add(new Case("asset_update permission disable_new_supply",
        with(blank(AssetUpdateOperation.class), "newOptions", options(o -> with(o, "issuerPermissions", 0x400))),
        Hardfork.BSIP_48_75, false, "New asset issuer permission bits"));
    out.add(new Case("asset_create permission disable_collateral_bidding",
        assetCreate(options(o -> with(o, "issuerPermissions", 0x8000)), null), Hardfork.CORE_2281, true, "disable_collateral_bidding"));
    out.add(new Case("asset_create permission disable_bsrm_update",
        assetCreate(options(o -> with(o, "issuerPermissions", 0x4000)), null), Hardfork.CORE_2467, true, "disable_bsrm_update"));
    out.add(new Case("asset_create flag disable_collateral_bidding (bitasset)",
        assetCreate(options(o -> with(o, "flags", 0x8000)), blank(BitassetOptions.class)), Hardfork.CORE_2281, true,
        "Can not set the 'disable_collateral_bidding' bit in flags"));
    // bitasset options (asset_create and asset_update_bitasset run the same checks)
    out.add(new Case("asset_create MCR", assetCreate(blank(AssetOptions.class), bitasset("maintenanceCollateralRatio", 1750)),
        Hardfork.BSIP_48_75, false, "Maintenance collateral ratio"));
    out.add(new Case("asset_create MSSR", assetCreate(blank(AssetOptions.class), bitasset("maximumShortSqueezeRatio", 1100)),
        Hardfork.BSIP_48_75, false, "Maximum short squeeze ratio"));
    out.add(new Case("asset_create MCFR", assetCreate(blank(AssetOptions.class), bitasset("marginCallFeeRatio", 10)),
        Hardfork.CORE_BSIP74, false, "MCFR"));
    out.add(new Case("asset_update_bitasset ICR", with(blank(AssetUpdateBitassetOperation.class), "newOptions",
        bitasset("initialCollateralRatio", 2000)), Hardfork.BSIP_77, false, "Initial collateral ratio"));
    out.add(new Case("asset_update_bitasset FSFP", with(blank(AssetUpdateBitassetOperation.class), "newOptions",
        bitasset("forceSettleFeePercent", 100)), Hardfork.CORE_BSIP87, false, "FSFP"));
    out.add(new Case("asset_update_bitasset BSRM", with(blank(AssetUpdateBitassetOperation.class), "newOptions",
        bitasset("blackSwanResponseMethod", 1)), Hardfork.CORE_2467, true, "black swan response method"));
    // chain parameters: extension members and fee-schedule entries
    out.add(new Case("parameters updatable_htlc_options", paramsExt("updatableHtlcOptions",
        blank(io.graphyne.protocol.types.HtlcOptions.class)), Hardfork.CORE_1468, false, "HTLC options"));
    out.add(new Case("parameters custom_authority_options", paramsExt("customAuthorityOptions",
        blank(io.graphyne.protocol.types.CustomAuthorityOptionsType.class)), null, false, "Custom Authority Options"));
    out.add(new Case("parameters maker_fee_discount_percent", paramsExt("makerFeeDiscountPercent", 100), Hardfork.BSIP_85, false,
        "maker_fee_discount_percent"));
    out.add(new Case("parameters market_fee_network_percent", paramsExt("marketFeeNetworkPercent", 100), Hardfork.BSIP_86, false,
        "market_fee_network_percent"));
    out.add(fee(HtlcCreateOperation.class, Hardfork.CORE_1468, "HTLC"));
    out.add(fee(HtlcExtendOperation.class, Hardfork.CORE_1468, "HTLC"));
    out.add(fee(LimitOrderUpdateOperation.class, Hardfork.CORE_1604, "limit_order_update_operation"));
    out.add(fee(CustomAuthorityCreateOperation.class, null, "custom authority operations"));
    out.add(fee(TicketUpdateOperation.class, Hardfork.CORE_2103, "ticket operations"));
    out.add(fee(LiquidityPoolExchangeOperation.class, Hardfork.LIQUIDITY_POOL, "liquidity pool operations"));
    out.add(fee(SametFundRepayOperation.class, Hardfork.CORE_2351, "samet fund operations"));
    out.add(fee(io.graphyne.protocol.ops.CreditDealExpiredOperation.class, Hardfork.CORE_2362, "credit offer operations"));
    out.add(fee(CreditDealUpdateOperation.class, Hardfork.CORE_2595, "credit deal update operation"));
    out.add(fee(LiquidityPoolUpdateOperation.class, Hardfork.CORE_2604, "liquidity pool update operation"));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedBeforeItsHardforkAndCreatedFromIt(Case c) throws Exception {
    Instant hf = c.time();
    if (c.byNextMaintenance()) {
      // next_maintenance_time > HF, strictly; the head is an hour before the maintenance
      assertThat(propose(c.op(), hf.minusSeconds(3600), hf)).as("next maintenance at the hardfork")
          .startsWith("refused").contains(c.reason());
      assertThat(propose(c.op(), hf.minusSeconds(3599), hf.plusSeconds(1))).as("next maintenance after it").isEqualTo("created");
    } else {
      assertThat(propose(c.op(), hf.minusSeconds(1), hf.plusSeconds(3600))).as("a second before")
          .startsWith("refused").contains(c.reason());
      assertThat(propose(c.op(), hf, hf.plusSeconds(3600))).as("at the hardfork").isEqualTo("created");
    }
  }

  @Test
  void everyGatedOperationHasACase() {
    List<String> covered = cases().stream().map(Case::name).toList();
    for (String name : List.of("limit_order_update", "htlc_create", "htlc_redeem", "htlc_extend", "custom_authority_create",
        "custom_authority_update", "custom_authority_delete", "ticket_create", "ticket_update", "liquidity_pool_create",
        "liquidity_pool_delete", "liquidity_pool_deposit", "liquidity_pool_withdraw", "liquidity_pool_exchange",
        "liquidity_pool_update", "samet_fund_create", "samet_fund_delete", "samet_fund_update", "samet_fund_borrow",
        "samet_fund_repay", "credit_offer_create", "credit_offer_delete", "credit_offer_update", "credit_offer_accept",
        "credit_deal_repay", "credit_deal_update")) {
      assertThat(covered).as(name).contains(name);
    }
  }

  @Test
  void nestedProposalsAreVisitedRecursively() throws Exception {
    Instant hf = MAINNET.time(Hardfork.CORE_2351);
    Operation samet = blank(SametFundCreateOperation.class);
    ProposalCreateOperation inner = new ProposalCreateOperation(new Asset(0, CORE), PROPOSER, hf.plusSeconds(7200),
        List.of(new OpWrapper(samet)), null, List.of());
    ProposalCreateOperation twoDown = new ProposalCreateOperation(new Asset(0, CORE), PROPOSER, hf.plusSeconds(7200),
        List.of(new OpWrapper(blank(TransferOperation.class)), new OpWrapper(inner)), null, List.of());
    assertThat(propose(twoDown, hf.minusSeconds(1), hf.plusSeconds(3600))).startsWith("refused").contains("samet_fund_create")
        .contains("core-2351");
    assertThat(propose(twoDown, hf, hf.plusSeconds(3600))).isEqualTo("created");
  }

  @Test
  void flagsForPermissionsOnlyAreRefusedOnceBsip48And75IsActive() throws Exception {
    // validate_flags runs only after BSIP_48_75 (head) or CORE_2281 (next maintenance)
    Instant hf = MAINNET.time(Hardfork.BSIP_48_75);
    Operation mcrFlag = assetCreate(options(o -> with(o, "flags", 0x800)), blank(BitassetOptions.class));
    assertThat(propose(mcrFlag, hf.minusSeconds(1), hf.plusSeconds(3600))).isEqualTo("created");
    assertThat(propose(mcrFlag, hf, hf.plusSeconds(3600))).startsWith("refused").contains("disable_mcr_update");
    // a bitasset-only flag on a user-issued asset
    Operation uia = assetCreate(options(o -> with(o, "flags", 0x10)), null);
    assertThat(propose(uia, hf.minusSeconds(1), hf.plusSeconds(3600))).isEqualTo("created");
    assertThat(propose(uia, hf, hf.plusSeconds(3600))).startsWith("refused").contains("bitassets only");
  }

  @Test
  void allActiveAndTestnetSchedulesHaveEveryTime() {
    for (HardforkSchedule s : List.of(HardforkSchedule.mainnet(), HardforkSchedule.testnet(), HardforkSchedule.allActive())) {
      for (Hardfork hf : Hardfork.values()) {
        assertThat(s.time(hf)).as(s.name() + " " + hf).isNotNull();
      }
    }
    assertThat(HardforkSchedule.testnet().time(Hardfork.LIQUIDITY_POOL)).isEqualTo(Instant.parse("2020-09-19T13:00:00Z"));
    assertThat(HardforkSchedule.mainnet().time(Hardfork.CORE_1604).toString().toLowerCase(Locale.ROOT)).isEqualTo("2023-11-16t14:00:00z");
  }
}
