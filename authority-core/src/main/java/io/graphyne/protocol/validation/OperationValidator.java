package io.graphyne.protocol.validation;

import io.graphyne.crypto.ConfidentialException;
import io.graphyne.crypto.Pedersen;
import io.graphyne.crypto.RangeProofInfo;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.VoteId;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.protocol.ops.AccountTransferOperation;
import io.graphyne.protocol.ops.AccountUpdateOperation;
import io.graphyne.protocol.ops.AccountUpgradeOperation;
import io.graphyne.protocol.ops.AccountWhitelistOperation;
import io.graphyne.protocol.ops.AssertOperation;
import io.graphyne.protocol.ops.AssetClaimFeesOperation;
import io.graphyne.protocol.ops.AssetClaimPoolOperation;
import io.graphyne.protocol.ops.AssetCreateOperation;
import io.graphyne.protocol.ops.AssetFundFeePoolOperation;
import io.graphyne.protocol.ops.AssetGlobalSettleOperation;
import io.graphyne.protocol.ops.AssetIssueOperation;
import io.graphyne.protocol.ops.AssetPublishFeedOperation;
import io.graphyne.protocol.ops.AssetReserveOperation;
import io.graphyne.protocol.ops.AssetSettleOperation;
import io.graphyne.protocol.ops.AssetUpdateBitassetOperation;
import io.graphyne.protocol.ops.AssetUpdateFeedProducersOperation;
import io.graphyne.protocol.ops.AssetUpdateIssuerOperation;
import io.graphyne.protocol.ops.AssetUpdateOperation;
import io.graphyne.protocol.ops.BalanceClaimOperation;
import io.graphyne.protocol.ops.BidCollateralOperation;
import io.graphyne.protocol.ops.BlindTransferOperation;
import io.graphyne.protocol.ops.CallOrderUpdateOperation;
import io.graphyne.protocol.ops.CommitteeMemberCreateOperation;
import io.graphyne.protocol.ops.CommitteeMemberUpdateGlobalParametersOperation;
import io.graphyne.protocol.ops.CommitteeMemberUpdateOperation;
import io.graphyne.protocol.ops.CreditDealRepayOperation;
import io.graphyne.protocol.ops.CreditDealUpdateOperation;
import io.graphyne.protocol.ops.CreditOfferAcceptOperation;
import io.graphyne.protocol.ops.CreditOfferCreateOperation;
import io.graphyne.protocol.ops.CreditOfferDeleteOperation;
import io.graphyne.protocol.ops.CreditOfferUpdateOperation;
import io.graphyne.protocol.ops.CustomAuthorityCreateOperation;
import io.graphyne.protocol.ops.CustomAuthorityDeleteOperation;
import io.graphyne.protocol.ops.CustomAuthorityUpdateOperation;
import io.graphyne.protocol.ops.CustomOperation;
import io.graphyne.protocol.ops.HtlcCreateOperation;
import io.graphyne.protocol.ops.HtlcExtendOperation;
import io.graphyne.protocol.ops.HtlcRedeemOperation;
import io.graphyne.protocol.ops.LimitOrderCancelOperation;
import io.graphyne.protocol.ops.LimitOrderCreateOperation;
import io.graphyne.protocol.ops.LimitOrderUpdateOperation;
import io.graphyne.protocol.ops.LiquidityPoolCreateOperation;
import io.graphyne.protocol.ops.LiquidityPoolDeleteOperation;
import io.graphyne.protocol.ops.LiquidityPoolDepositOperation;
import io.graphyne.protocol.ops.LiquidityPoolExchangeOperation;
import io.graphyne.protocol.ops.LiquidityPoolUpdateOperation;
import io.graphyne.protocol.ops.LiquidityPoolWithdrawOperation;
import io.graphyne.protocol.ops.OverrideTransferOperation;
import io.graphyne.protocol.ops.ProposalCreateOperation;
import io.graphyne.protocol.ops.ProposalDeleteOperation;
import io.graphyne.protocol.ops.ProposalUpdateOperation;
import io.graphyne.protocol.ops.SametFundBorrowOperation;
import io.graphyne.protocol.ops.SametFundCreateOperation;
import io.graphyne.protocol.ops.SametFundDeleteOperation;
import io.graphyne.protocol.ops.SametFundRepayOperation;
import io.graphyne.protocol.ops.SametFundUpdateOperation;
import io.graphyne.protocol.ops.TicketCreateOperation;
import io.graphyne.protocol.ops.TicketUpdateOperation;
import io.graphyne.protocol.ops.TransferFromBlindOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.ops.TransferToBlindOperation;
import io.graphyne.protocol.ops.VestingBalanceCreateOperation;
import io.graphyne.protocol.ops.VestingBalanceWithdrawOperation;
import io.graphyne.protocol.ops.WithdrawPermissionClaimOperation;
import io.graphyne.protocol.ops.WithdrawPermissionCreateOperation;
import io.graphyne.protocol.ops.WithdrawPermissionDeleteOperation;
import io.graphyne.protocol.ops.WithdrawPermissionUpdateOperation;
import io.graphyne.protocol.ops.WitnessCreateOperation;
import io.graphyne.protocol.ops.WitnessUpdateOperation;
import io.graphyne.protocol.ops.WorkerCreateOperation;
import io.graphyne.protocol.types.AccountCreateOperationExt;
import io.graphyne.protocol.types.AccountOptions;
import io.graphyne.protocol.types.AccountUpdateOperationExt;
import io.graphyne.protocol.types.AdditionalAssetOptions;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.AssetOptions;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.BitassetOptions;
import io.graphyne.protocol.types.BitassetOptionsExt;
import io.graphyne.protocol.types.BlindInput;
import io.graphyne.protocol.types.BlindOutput;
import io.graphyne.protocol.types.BuybackAccountOptions;
import io.graphyne.protocol.types.ChainParameters;
import io.graphyne.protocol.types.ChainParametersExt;
import io.graphyne.protocol.types.CreateTakeProfitOrderAction;
import io.graphyne.protocol.types.OpWrapper;
import io.graphyne.protocol.types.Price;
import io.graphyne.protocol.types.PriceFeed;
import io.graphyne.protocol.types.Restriction;
import io.graphyne.protocol.types.TopHoldersSpecialAuthority;
import java.util.List;
import java.util.Map;

/**
 * Rule T1 per operation: the stateless {@code validate()} of every bitshares-core 7.0.x operation
 * ({@code libraries/protocol/*.cpp} and the inline ones in the headers), with the nested types'
 * checks they call ({@code price::validate}, {@code price_feed::validate},
 * {@code asset_options::validate}, {@code bitasset_options::validate},
 * {@code account_options::validate}, {@code validate_special_authority},
 * {@code chain_parameters::validate}, {@code is_valid_name}, {@code is_valid_symbol}).
 *
 * <p>Pure: no state, no clock. None of the 7.0.x {@code validate()} functions depends on a
 * hardfork time (those checks live in the evaluators), so there is no schedule parameter. The valid
 * path throws nothing and allocates nothing except the iterators over non-empty authority and
 * collateral maps (a transfer allocates 0 bytes, an account_create about 112; see
 * {@code scripts/bench validation}); an invalid operation yields one {@link ValidationError} for
 * the first rule it breaks, in bitshares-core's order.
 *
 * <p>The three blind operations are checked in full, in confidential.cpp's order: the structural
 * rules, then {@code fc::ecc::blind} of the public amount, the Pedersen-commitment balance
 * ({@code fc::ecc::verify_sum}) and, with more than one output, each output's range-proof header
 * bound ({@code range_get_info(...).max_value <= GRAPHENE_MAX_SHARE_SUPPLY}), via the pure-Java
 * {@link Pedersen} (validate() reads only the proofs' headers; the proofs themselves are not
 * verified there, nor here). The curve arithmetic of these three allocates. For
 * custom_authority_create the restrictions are type-checked against the operation's field types as
 * {@code get_restriction_predicate} does ({@link RestrictionTypes}).
 */
public final class OperationValidator {
  private OperationValidator() {}

  public static final long MAX_SHARE_SUPPLY = 1_000_000_000_000_000L;
  public static final int HUNDRED_PERCENT = 10_000;
  public static final int MIN_COLLATERAL_RATIO = 1001;
  public static final int MAX_COLLATERAL_RATIO = 32_000;
  public static final int MAX_URL_LENGTH = 127;
  public static final int MAX_WORKER_NAME_LENGTH = 63;
  public static final long MAX_CREDIT_DEAL_SECS = 380L * 86_400;
  public static final int MIN_BLOCK_INTERVAL = 1;
  public static final int MAX_BLOCK_INTERVAL = 30;
  public static final long MIN_TRANSACTION_SIZE_LIMIT = 1024;
  public static final long MIN_BLOCK_SIZE_LIMIT = MIN_TRANSACTION_SIZE_LIMIT * 5;
  /**
   * Recursion guard for proposals inside proposals. bitshares-core's validate() has no nesting limit
   * (only unpacking's GRAPHENE_MAX_NESTED_OBJECTS = 200 bounds it), and {@code FcReader}'s depth
   * budget of 200 struct levels keeps decoded data well below this, so only hand-built values can
   * reach it. (The node's earlier bound of 8 could reject a block bitshares-core accepts.)
   */
  public static final int MAX_PROPOSAL_DEPTH = 200;
  /** {@code ticket_type::TICKET_TYPE_COUNT}; {@code liquid} is 0. */
  public static final int TICKET_TYPE_COUNT = 5;
  /** {@code black_swan_response_type::BSRM_TYPE_COUNT}. */
  public static final int BSRM_TYPE_COUNT = 4;
  /** {@code credit_deal_auto_repayment_type::CDAR_TYPE_COUNT}. */
  public static final int CDAR_TYPE_COUNT = 3;
  /** {@code restriction::FUNCTION_TYPE_COUNT}. */
  public static final int RESTRICTION_FUNCTION_COUNT = 13;

  // asset_issuer_permission_flags (types.hpp)
  static final int WHITE_LIST = 0x02;
  static final int GLOBAL_SETTLE = 0x20;
  static final int WITNESS_FED_ASSET = 0x80;
  static final int COMMITTEE_FED_ASSET = 0x100;
  static final int DISABLE_BSRM_UPDATE = 0x4000;
  static final int ASSET_ISSUER_PERMISSION_MASK = 0xFFFF;
  static final int UIA_ASSET_ISSUER_PERMISSION_MASK = 0x01 | 0x02 | 0x04 | 0x08 | 0x40 | 0x200 | 0x400;
  static final int NON_UIA_ONLY_ISSUER_PERMISSION_MASK =
      ASSET_ISSUER_PERMISSION_MASK ^ UIA_ASSET_ISSUER_PERMISSION_MASK;

  static final ObjectId CORE_ASSET = ObjectId.asset(0);
  /** The placeholder id of the asset being created ({@code asset_id_type(1)} in asset_create). */
  static final ObjectId NEW_ASSET = ObjectId.asset(1);
  static final ObjectId COMMITTEE_ACCOUNT = ObjectId.account(0);
  static final ObjectId WITNESS_ACCOUNT = ObjectId.account(1);
  static final ObjectId RELAXED_COMMITTEE_ACCOUNT = ObjectId.account(2);
  static final ObjectId NULL_ACCOUNT = ObjectId.account(3);
  static final ObjectId TEMP_ACCOUNT = ObjectId.account(4);

  /** Operation tags custom authorities may restrict ({@code sliced_lists.hxx}). */
  private static final boolean[] CAA_SUPPORTED = new boolean[78];

  static {
    for (int t : new int[] {0, 1, 2, 3, 5, 6, 10, 13, 14, 15, 19, 21, 32, 33, 38, 49, 50, 52}) {
      CAA_SUPPORTED[t] = true;
    }
  }

  /**
   * {@code transaction::validate()}: at least one operation, each passing its {@code validate()}.
   * Null when valid; the error's path starts with {@code operations[i]}.
   */
  public static ValidationError validate(Transaction tx) {
    List<Operation> ops = tx.operations();
    if (ops.isEmpty()) {
      return new ValidationError("transaction", "operations", "a transaction must have at least one operation");
    }
    for (int i = 0; i < ops.size(); i++) {
      ValidationError e = validate(ops.get(i), 0);
      if (e != null) {
        return e.within("transaction", "operations[" + i + "]");
      }
    }
    return null;
  }

  /** Null when {@code op} passes its {@code validate()}, else the first rule it breaks. */
  public static ValidationError validate(Operation op) {
    return validate(op, 0);
  }

  /** As {@link #validate(Operation)}, {@code depth} being the proposal nesting of {@code op}. */
  public static ValidationError validate(Operation op, int depth) {
    if (op == null) {
      return new ValidationError("operation", "", "missing operation");
    }
    if (op.isVirtual()) {
      return err(op, "", "virtual operation");
    }
    if (op.fee() == null) {
      return err(op, "fee", "missing fee");
    }
    // Most frequent first.
    if (op instanceof TransferOperation o) {
      return transfer(o);
    } else if (op instanceof LimitOrderCreateOperation o) {
      return limitOrderCreate(o);
    } else if (op instanceof LimitOrderCancelOperation o) {
      return feeNonNegative(o);
    } else if (op instanceof CallOrderUpdateOperation o) {
      return callOrderUpdate(o);
    } else if (op instanceof AccountCreateOperation o) {
      return accountCreate(o);
    } else if (op instanceof AccountUpdateOperation o) {
      return accountUpdate(o);
    } else if (op instanceof AccountWhitelistOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && o.newListing() >= 0x4) {
        e = err(o, "new_listing", "new_listing must be below 4");
      }
      return e;
    } else if (op instanceof AccountUpgradeOperation o) {
      return feeNonNegative(o);
    } else if (op instanceof AccountTransferOperation o) {
      return feeNonNegative(o);
    } else if (op instanceof AssetCreateOperation o) {
      return assetCreate(o);
    } else if (op instanceof AssetUpdateOperation o) {
      return assetUpdate(o);
    } else if (op instanceof AssetUpdateBitassetOperation o) {
      ValidationError e = feeNonNegative(o);
      return e != null ? e : bitassetOptions(o, "new_options", o.newOptions());
    } else if (op instanceof AssetUpdateFeedProducersOperation o) {
      return feeNonNegative(o);
    } else if (op instanceof AssetIssueOperation o) {
      return assetIssue(o);
    } else if (op instanceof AssetReserveOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null) {
        e = amountAtMostMaxSupply(o, "amount_to_reserve", o.amountToReserve());
      }
      return e != null ? e : positive(o, "amount_to_reserve", o.amountToReserve());
    } else if (op instanceof AssetFundFeePoolOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && !CORE_ASSET.equals(o.fee().assetId())) {
        e = err(o, "fee.asset_id", "fee must be paid in the core asset");
      }
      if (e == null && o.amount() <= 0) {
        e = err(o, "amount", "amount must be positive");
      }
      return e;
    } else if (op instanceof AssetSettleOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && (o.amount() == null || o.amount().amount() < 0)) {
        e = err(o, "amount.amount", "amount must not be negative");
      }
      return e;
    } else if (op instanceof AssetGlobalSettleOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && (o.settlePrice() == null || o.settlePrice().base() == null
          || !o.assetToSettle().equals(o.settlePrice().base().assetId()))) {
        e = err(o, "settle_price.base.asset_id", "settle_price base must be asset_to_settle");
      }
      return e;
    } else if (op instanceof AssetPublishFeedOperation o) {
      return assetPublishFeed(o);
    } else if (op instanceof WitnessCreateOperation o) {
      ValidationError e = feeNonNegative(o);
      return e != null ? e : url(o, "url", o.url());
    } else if (op instanceof WitnessUpdateOperation o) {
      ValidationError e = feeNonNegative(o);
      return e != null || o.newUrl() == null ? e : url(o, "new_url", o.newUrl());
    } else if (op instanceof ProposalCreateOperation o) {
      return proposalCreate(o, depth);
    } else if (op instanceof ProposalUpdateOperation o) {
      return proposalUpdate(o);
    } else if (op instanceof ProposalDeleteOperation o) {
      return feeNonNegative(o);
    } else if (op instanceof WithdrawPermissionCreateOperation o) {
      return withdrawPermissionCreate(o);
    } else if (op instanceof WithdrawPermissionUpdateOperation o) {
      return withdrawPermissionUpdate(o);
    } else if (op instanceof WithdrawPermissionClaimOperation o) {
      return withdrawPermissionClaim(o);
    } else if (op instanceof WithdrawPermissionDeleteOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && o.withdrawFromAccount().equals(o.authorizedAccount())) {
        e = err(o, "authorized_account", "withdraw_from_account and authorized_account must differ");
      }
      return e;
    } else if (op instanceof CommitteeMemberCreateOperation o) {
      ValidationError e = feeNonNegative(o);
      return e != null ? e : url(o, "url", o.url());
    } else if (op instanceof CommitteeMemberUpdateOperation o) {
      ValidationError e = feeNonNegative(o);
      return e != null || o.newUrl() == null ? e : url(o, "new_url", o.newUrl());
    } else if (op instanceof CommitteeMemberUpdateGlobalParametersOperation o) {
      ValidationError e = feeNonNegative(o);
      return e != null ? e : chainParameters(o, "new_parameters", o.newParameters());
    } else if (op instanceof VestingBalanceCreateOperation o) {
      ValidationError e = feeNonNegative(o);
      return e != null ? e : positive(o, "amount", o.amount());
    } else if (op instanceof VestingBalanceWithdrawOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null) {
        e = positive(o, "amount", o.amount());
      }
      if (e == null && TEMP_ACCOUNT.equals(o.owner())) {
        e = err(o, "owner", "owner must not be the temp account");
      }
      return e;
    } else if (op instanceof WorkerCreateOperation o) {
      return workerCreate(o);
    } else if (op instanceof CustomOperation o) {
      // custom.cpp: the fee must be strictly positive.
      return o.fee().amount() > 0 ? null : err(o, "fee.amount", "fee must be positive");
    } else if (op instanceof AssertOperation o) {
      // assert.cpp visits each predicate's validate() but ignores its boolean result, so an
      // invalid literal name or symbol does not fail validation.
      return feeNonNegative(o);
    } else if (op instanceof BalanceClaimOperation o) {
      return balanceClaim(o);
    } else if (op instanceof OverrideTransferOperation o) {
      return overrideTransfer(o);
    } else if (op instanceof TransferToBlindOperation o) {
      return transferToBlind(o);
    } else if (op instanceof BlindTransferOperation o) {
      return blindTransfer(o);
    } else if (op instanceof TransferFromBlindOperation o) {
      return transferFromBlind(o);
    } else if (op instanceof AssetClaimFeesOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null) {
        e = positive(o, "amount_to_claim", o.amountToClaim());
      }
      if (e == null && o.extensions() != null && o.extensions().claimFromAssetId() != null
          && o.extensions().claimFromAssetId().equals(o.amountToClaim().assetId())) {
        e = err(o, "extensions.claim_from_asset_id", "claim_from_asset_id must differ from the claimed asset");
      }
      return e;
    } else if (op instanceof BidCollateralOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null) {
        long debt = o.debtCovered().amount();
        if (!(debt == 0 || (debt > 0 && o.additionalCollateral().amount() > 0))) {
          e = err(o, "debt_covered", "a bid covers no debt, or positive debt with positive collateral");
        }
      }
      return e;
    } else if (op instanceof AssetClaimPoolOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && o.fee().assetId().equals(o.assetId())) {
        e = err(o, "fee.asset_id", "fee must not be paid in the asset whose pool is claimed");
      }
      if (e == null) {
        e = positive(o, "amount_to_claim", o.amountToClaim());
      }
      if (e == null && !CORE_ASSET.equals(o.amountToClaim().assetId())) {
        e = err(o, "amount_to_claim.asset_id", "amount_to_claim must be in the core asset");
      }
      return e;
    } else if (op instanceof AssetUpdateIssuerOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && o.issuer().equals(o.newIssuer())) {
        e = err(o, "new_issuer", "new_issuer must differ from issuer");
      }
      return e;
    } else if (op instanceof HtlcCreateOperation o) {
      ValidationError e = feeNonNegative(o);
      return e != null ? e : positive(o, "amount", o.amount());
    } else if (op instanceof HtlcRedeemOperation o) {
      return feeNonNegative(o);
    } else if (op instanceof HtlcExtendOperation o) {
      return feeNonNegative(o);
    } else if (op instanceof CustomAuthorityCreateOperation o) {
      return customAuthorityCreate(o);
    } else if (op instanceof CustomAuthorityUpdateOperation o) {
      return customAuthorityUpdate(o);
    } else if (op instanceof CustomAuthorityDeleteOperation o) {
      ValidationError e = feeNonNegative(o);
      return e != null ? e : caaAccount(o, o.account());
    } else if (op instanceof TicketCreateOperation o) {
      return ticketCreate(o);
    } else if (op instanceof TicketUpdateOperation o) {
      return ticketUpdate(o);
    } else if (op instanceof LiquidityPoolCreateOperation o) {
      return liquidityPoolCreate(o);
    } else if (op instanceof LiquidityPoolDeleteOperation o) {
      return feeNonNegative(o);
    } else if (op instanceof LiquidityPoolDepositOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && !(o.amountA().amount() > 0 && o.amountB().amount() > 0)) {
        e = err(o, "amount_a", "both amounts must be positive");
      }
      if (e == null && o.amountA().assetId().compareTo(o.amountB().assetId()) >= 0) {
        e = err(o, "amount_b.asset_id", "the first asset's id must be smaller than the second's");
      }
      return e;
    } else if (op instanceof LiquidityPoolWithdrawOperation o) {
      ValidationError e = feeNonNegative(o);
      return e != null ? e : positive(o, "share_amount", o.shareAmount());
    } else if (op instanceof LiquidityPoolExchangeOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null) {
        e = positive(o, "amount_to_sell", o.amountToSell());
      }
      if (e == null) {
        e = positive(o, "min_to_receive", o.minToReceive());
      }
      if (e == null && o.amountToSell().assetId().equals(o.minToReceive().assetId())) {
        e = err(o, "min_to_receive.asset_id", "the two assets must differ");
      }
      return e;
    } else if (op instanceof LiquidityPoolUpdateOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && o.takerFeePercent() == null && o.withdrawalFeePercent() == null) {
        e = err(o, "", "should update something");
      }
      if (e == null && o.takerFeePercent() != null && o.takerFeePercent() > HUNDRED_PERCENT) {
        e = err(o, "taker_fee_percent", "taker fee percent must not exceed 100%");
      }
      if (e == null && o.withdrawalFeePercent() != null && o.withdrawalFeePercent() != 0) {
        e = err(o, "withdrawal_fee_percent", "withdrawal fee percent can only be updated to zero");
      }
      return e;
    } else if (op instanceof SametFundCreateOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && o.balance() <= 0) {
        e = err(o, "balance", "balance must be positive");
      }
      return e;
    } else if (op instanceof SametFundDeleteOperation o) {
      return feeNonNegative(o);
    } else if (op instanceof SametFundUpdateOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && o.deltaAmount() == null && o.newFeeRate() == null) {
        e = err(o, "", "should change something");
      }
      if (e == null && o.deltaAmount() != null && o.deltaAmount().amount() == 0) {
        e = err(o, "delta_amount.amount", "delta amount must not be zero");
      }
      return e;
    } else if (op instanceof SametFundBorrowOperation o) {
      ValidationError e = feeNonNegative(o);
      return e != null ? e : positive(o, "borrow_amount", o.borrowAmount());
    } else if (op instanceof SametFundRepayOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null) {
        e = positive(o, "repay_amount", o.repayAmount());
      }
      if (e == null && o.fundFee().amount() < 0) {
        e = err(o, "fund_fee.amount", "fund fee must not be negative");
      }
      if (e == null && !o.repayAmount().assetId().equals(o.fundFee().assetId())) {
        e = err(o, "fund_fee.asset_id", "repay amount and fund fee must be in the same asset");
      }
      return e;
    } else if (op instanceof CreditOfferCreateOperation o) {
      return creditOfferCreate(o);
    } else if (op instanceof CreditOfferDeleteOperation o) {
      return feeNonNegative(o);
    } else if (op instanceof CreditOfferUpdateOperation o) {
      return creditOfferUpdate(o);
    } else if (op instanceof CreditOfferAcceptOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null) {
        e = positive(o, "borrow_amount", o.borrowAmount());
      }
      if (e == null) {
        e = positive(o, "collateral", o.collateral());
      }
      if (e == null && o.extensions() != null && o.extensions().autoRepay() != null
          && o.extensions().autoRepay() >= CDAR_TYPE_COUNT) {
        e = err(o, "extensions.auto_repay", "auto_repay must be below " + CDAR_TYPE_COUNT);
      }
      return e;
    } else if (op instanceof CreditDealRepayOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null) {
        e = positive(o, "repay_amount", o.repayAmount());
      }
      if (e == null && o.creditFee().amount() < 0) {
        e = err(o, "credit_fee.amount", "credit fee must not be negative");
      }
      if (e == null && !o.repayAmount().assetId().equals(o.creditFee().assetId())) {
        e = err(o, "credit_fee.asset_id", "repay amount and credit fee must be in the same asset");
      }
      return e;
    } else if (op instanceof CreditDealUpdateOperation o) {
      ValidationError e = feeNonNegative(o);
      if (e == null && o.autoRepay() >= CDAR_TYPE_COUNT) {
        e = err(o, "auto_repay", "auto_repay must be below " + CDAR_TYPE_COUNT);
      }
      return e;
    } else if (op instanceof LimitOrderUpdateOperation o) {
      return limitOrderUpdate(o);
    }
    // Every non-virtual operation is handled above; an unknown implementation is not valid.
    return err(op, "", "operation type not supported by the validator");
  }

  // ---------------------------------------------------------------- shared rules

  /** The operation's name by tag ({@code Operation.name()} is shadowed by a {@code name} field in some records). */
  static String nameOf(Operation op) {
    return Operations.nameOf(op.tag());
  }

  static ValidationError err(Operation op, String path, String message) {
    return new ValidationError(nameOf(op), path, message);
  }

  private static ValidationError feeNonNegative(Operation op) {
    return op.fee().amount() >= 0 ? null : err(op, "fee.amount", "fee must not be negative");
  }

  private static ValidationError positive(Operation op, String path, Asset a) {
    if (a == null) {
      return err(op, path, "missing amount");
    }
    return a.amount() > 0 ? null : err(op, path + ".amount", "amount must be positive");
  }

  private static ValidationError amountAtMostMaxSupply(Operation op, String path, Asset a) {
    if (a == null) {
      return err(op, path, "missing amount");
    }
    return a.amount() <= MAX_SHARE_SUPPLY ? null : err(op, path + ".amount", "amount must not exceed the maximum share supply");
  }

  private static ValidationError url(Operation op, String path, String url) {
    return url != null && Strings.utf8Length(url) < MAX_URL_LENGTH
        ? null
        : err(op, path, "url must be shorter than " + MAX_URL_LENGTH + " bytes");
  }

  private static boolean isNull(Price p) {
    return CORE_ASSET.equals(p.base().assetId()) && CORE_ASSET.equals(p.quote().assetId());
  }

  /** {@code price::validate(check_upper_bound)}. */
  private static ValidationError price(Operation op, String path, Price p, boolean checkUpperBound) {
    if (p == null || p.base() == null || p.quote() == null) {
      return err(op, path, "missing price");
    }
    if (p.base().amount() <= 0) {
      return err(op, path + ".base.amount", "base amount should be positive");
    }
    if (p.quote().amount() <= 0) {
      return err(op, path + ".quote.amount", "quote amount should be positive");
    }
    if (p.base().assetId().equals(p.quote().assetId())) {
      return err(op, path, "base asset ID and quote asset ID should be different");
    }
    if (checkUpperBound) {
      if (p.base().amount() > MAX_SHARE_SUPPLY) {
        return err(op, path + ".base.amount", "base amount should not be greater than the maximum share supply");
      }
      if (p.quote().amount() > MAX_SHARE_SUPPLY) {
        return err(op, path + ".quote.amount", "quote amount should not be greater than the maximum share supply");
      }
    }
    return null;
  }

  private static boolean collateralRatioOk(int r) {
    return r >= MIN_COLLATERAL_RATIO && r <= MAX_COLLATERAL_RATIO;
  }

  /** {@code authority::is_impossible}: the weights sum below the threshold. */
  private static boolean isImpossible(Authority a) {
    long sum = sum(a.accountAuths()) + sum(a.keyAuths()) + sum(a.addressAuths());
    return sum < a.weightThreshold();
  }

  /** Weight sum; empty maps (the usual case for two of the three) cost no iterator. */
  private static long sum(Map<?, Integer> weights) {
    if (weights.isEmpty()) {
      return 0;
    }
    long sum = 0;
    for (int w : weights.values()) {
      sum += w;
    }
    return sum;
  }

  private static int numAuths(Authority a) {
    return a.accountAuths().size() + a.keyAuths().size() + a.addressAuths().size();
  }

  private static final String IMPOSSIBLE = "impossible authority threshold (weights below threshold)";

  /** An account authority has members and no address_auths (spec/authority.md §1.3). */
  private static ValidationError authorityMembers(Operation op, String path, Authority a) {
    if (a == null) {
      return err(op, path, "missing authority");
    }
    if (numAuths(a) == 0) {
      return err(op, path, "authority has no members");
    }
    if (!a.addressAuths().isEmpty()) {
      return err(op, path + ".address_auths", "authority must not have address_auths");
    }
    return null;
  }

  /** The owner/active authority rules of account_update: members, no addresses, not impossible. */
  private static ValidationError newAuthority(Operation op, String path, Authority a) {
    ValidationError e = authorityMembers(op, path, a);
    return e != null || !isImpossible(a) ? e : err(op, path, IMPOSSIBLE);
  }

  /** {@code validate_special_authority}. */
  private static ValidationError specialAuthority(Operation op, String path, StaticVariant sa) {
    if (sa.value() instanceof TopHoldersSpecialAuthority t && t.numTopHolders() <= 0) {
      return err(op, path + ".num_top_holders", "num_top_holders must be positive");
    }
    return null;
  }

  // ---------------------------------------------------------------- accounts

  private static ValidationError transfer(TransferOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e == null && o.from().equals(o.to())) {
      e = err(o, "to", "from and to must differ");
    }
    return e != null ? e : positive(o, "amount", o.amount());
  }

  private static ValidationError overrideTransfer(OverrideTransferOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e == null && o.from().equals(o.to())) {
      e = err(o, "to", "from and to must differ");
    }
    if (e == null) {
      e = positive(o, "amount", o.amount());
    }
    if (e == null && o.issuer().equals(o.from())) {
      e = err(o, "from", "issuer must not override-transfer from itself");
    }
    return e;
  }

  /** {@code account_options::validate}: at least num_witness / num_committee votes of each kind. */
  private static ValidationError accountOptions(Operation op, String path, AccountOptions opts) {
    if (opts == null) {
      return err(op, path, "missing options");
    }
    int neededWitnesses = opts.numWitness();
    int neededCommittee = opts.numCommittee();
    List<?> votes = opts.votes();
    for (int i = 0; i < votes.size(); i++) {
      Object v = votes.get(i);
      int type = v instanceof VoteId id ? id.type() : -1;
      if (type == 1 && neededWitnesses > 0) {
        neededWitnesses--;
      } else if (type == 0 && neededCommittee > 0) {
        neededCommittee--;
      }
    }
    if (neededWitnesses != 0 || neededCommittee != 0) {
      return err(op, path + ".votes", "may not specify fewer witnesses or committee members than the number voted for");
    }
    return null;
  }

  private static boolean isNullAuthority(Authority a) {
    return a.weightThreshold() == 1 && a.keyAuths().isEmpty() && a.addressAuths().isEmpty()
        && a.accountAuths().size() == 1 && Integer.valueOf(1).equals(a.accountAuths().get(NULL_ACCOUNT));
  }

  private static ValidationError accountCreate(AccountCreateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    if (!Names.isValidName(o.name())) {
      return err(o, "name", "invalid account name '" + o.name() + "'");
    }
    if (o.referrerPercent() > HUNDRED_PERCENT) {
      return err(o, "referrer_percent", "referrer_percent above 100%");
    }
    // account.cpp order: both members checks first, then both impossibility checks
    e = authorityMembers(o, "owner", o.owner());
    if (e == null) {
      e = authorityMembers(o, "active", o.active());
    }
    if (e == null && isImpossible(o.owner())) {
      e = err(o, "owner", IMPOSSIBLE);
    }
    if (e == null && isImpossible(o.active())) {
      e = err(o, "active", IMPOSSIBLE);
    }
    if (e == null) {
      e = accountOptions(o, "options", o.options());
    }
    AccountCreateOperationExt x = o.extensions();
    if (e != null || x == null) {
      return e;
    }
    if (x.ownerSpecialAuthority() != null) {
      e = specialAuthority(o, "extensions.owner_special_authority", x.ownerSpecialAuthority());
    }
    if (e == null && x.activeSpecialAuthority() != null) {
      e = specialAuthority(o, "extensions.active_special_authority", x.activeSpecialAuthority());
    }
    BuybackAccountOptions b = x.buybackOptions();
    if (e == null && b != null) {
      if (x.ownerSpecialAuthority() != null || x.activeSpecialAuthority() != null) {
        return err(o, "extensions.buyback_options", "a buyback account cannot have special authorities");
      }
      if (!isNullAuthority(o.owner()) || !isNullAuthority(o.active())) {
        return err(o, "extensions.buyback_options", "a buyback account's owner and active must be the null authority");
      }
      if (b.markets().isEmpty()) {
        return err(o, "extensions.buyback_options.markets", "a buyback account needs at least one market");
      }
      for (int i = 0; i < b.markets().size(); i++) {
        if (b.markets().get(i).equals(b.assetToBuy())) {
          return err(o, "extensions.buyback_options.markets[" + i + "]", "a market must differ from asset_to_buy");
        }
      }
    }
    return e;
  }

  private static ValidationError accountUpdate(AccountUpdateOperation o) {
    if (TEMP_ACCOUNT.equals(o.account())) {
      return err(o, "account", "account_update of the temp account is forbidden");
    }
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    if (COMMITTEE_ACCOUNT.equals(o.account())) {
      return err(o, "account", "account_update of the committee account is forbidden");
    }
    AccountUpdateOperationExt x = o.extensions();
    boolean special = x != null && (x.ownerSpecialAuthority() != null || x.activeSpecialAuthority() != null);
    if (o.owner() == null && o.active() == null && o.newOptions() == null && !special) {
      return err(o, "", "account_update changes nothing");
    }
    if (o.owner() != null) {
      e = newAuthority(o, "owner", o.owner());
    }
    if (e == null && o.active() != null) {
      e = newAuthority(o, "active", o.active());
    }
    if (e == null && o.newOptions() != null) {
      e = accountOptions(o, "new_options", o.newOptions());
    }
    if (e == null && x != null && x.ownerSpecialAuthority() != null) {
      e = specialAuthority(o, "extensions.owner_special_authority", x.ownerSpecialAuthority());
    }
    if (e == null && x != null && x.activeSpecialAuthority() != null) {
      e = specialAuthority(o, "extensions.active_special_authority", x.activeSpecialAuthority());
    }
    return e;
  }

  private static ValidationError balanceClaim(BalanceClaimOperation o) {
    if (o.fee().amount() != 0 || !CORE_ASSET.equals(o.fee().assetId())) {
      return err(o, "fee", "balance_claim must have a zero core fee");
    }
    PublicKey k = o.balanceOwnerKey();
    if (k == null || isZeroKey(k)) {
      return err(o, "balance_owner_key", "balance_owner_key must be set");
    }
    return null;
  }

  private static boolean isZeroKey(PublicKey k) {
    byte[] raw = k.unsafeArray();
    for (byte b : raw) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- assets

  /** {@code asset_options::validate}. */
  private static ValidationError assetOptions(Operation op, String path, AssetOptions a) {
    if (a == null) {
      return err(op, path, "missing asset options");
    }
    if (a.maxSupply() <= 0) {
      return err(op, path + ".max_supply", "max_supply must be positive");
    }
    if (a.maxSupply() > MAX_SHARE_SUPPLY) {
      return err(op, path + ".max_supply", "max_supply must not exceed the maximum share supply");
    }
    if (a.marketFeePercent() > HUNDRED_PERCENT) {
      return err(op, path + ".market_fee_percent", "market fee percent must not exceed 100%");
    }
    AdditionalAssetOptions x = a.extensions();
    if (x != null && x.takerFeePercent() != null && x.takerFeePercent() > HUNDRED_PERCENT) {
      return err(op, path + ".extensions.taker_fee_percent", "taker fee percent must not exceed 100%");
    }
    if (a.maxMarketFee() < 0 || a.maxMarketFee() > MAX_SHARE_SUPPLY) {
      return err(op, path + ".max_market_fee", "max_market_fee must be between 0 and the maximum share supply");
    }
    if ((a.issuerPermissions() & ~ASSET_ISSUER_PERMISSION_MASK) != 0) {
      return err(op, path + ".issuer_permissions", "unknown issuer permission bits");
    }
    if ((a.flags() & GLOBAL_SETTLE) != 0) {
      return err(op, path + ".flags", "can not set global_settle flag, it is for issuer permission only");
    }
    if ((a.flags() & (WITNESS_FED_ASSET | COMMITTEE_FED_ASSET)) == (WITNESS_FED_ASSET | COMMITTEE_FED_ASSET)) {
      return err(op, path + ".flags", "witness_fed_asset and committee_fed_asset cannot both be set");
    }
    ValidationError e = price(op, path + ".core_exchange_rate", a.coreExchangeRate(), false);
    if (e != null) {
      return e;
    }
    Price cer = a.coreExchangeRate();
    if (cer.base().assetId().instance() != 0 && cer.quote().assetId().instance() != 0) {
      return err(op, path + ".core_exchange_rate", "core_exchange_rate must involve the core asset");
    }
    if ((!a.whitelistAuthorities().isEmpty() || !a.blacklistAuthorities().isEmpty()) && (a.flags() & WHITE_LIST) == 0) {
      return err(op, path + ".flags", "white/blacklist authorities need the white_list flag");
    }
    for (int i = 0; i < a.whitelistMarkets().size(); i++) {
      if (a.blacklistMarkets().contains(a.whitelistMarkets().get(i))) {
        return err(op, path + ".whitelist_markets[" + i + "]", "a market cannot be both white- and blacklisted");
      }
    }
    if (x != null && x.rewardPercent() != null && x.rewardPercent() > HUNDRED_PERCENT) {
      return err(op, path + ".extensions.reward_percent", "reward percent must not exceed 100%");
    }
    return null;
  }

  /** {@code bitasset_options::validate}. */
  private static ValidationError bitassetOptions(Operation op, String path, BitassetOptions b) {
    if (b == null) {
      return err(op, path, "missing bitasset options");
    }
    if (b.minimumFeeds() <= 0) {
      return err(op, path + ".minimum_feeds", "minimum_feeds must be positive");
    }
    if (b.forceSettlementOffsetPercent() > HUNDRED_PERCENT) {
      return err(op, path + ".force_settlement_offset_percent", "force settlement offset must not exceed 100%");
    }
    if (b.maximumForceSettlementVolume() > HUNDRED_PERCENT) {
      return err(op, path + ".maximum_force_settlement_volume", "maximum force settlement volume must not exceed 100%");
    }
    BitassetOptionsExt x = b.extensions();
    if (x == null) {
      return null;
    }
    if (x.marginCallFeeRatio() != null && x.marginCallFeeRatio() > MAX_COLLATERAL_RATIO) {
      return err(op, path + ".extensions.margin_call_fee_ratio", "margin call fee ratio must not exceed " + MAX_COLLATERAL_RATIO);
    }
    if (x.initialCollateralRatio() != null && !collateralRatioOk(x.initialCollateralRatio())) {
      return err(op, path + ".extensions.initial_collateral_ratio", "collateral ratio out of range");
    }
    if (x.maintenanceCollateralRatio() != null && !collateralRatioOk(x.maintenanceCollateralRatio())) {
      return err(op, path + ".extensions.maintenance_collateral_ratio", "collateral ratio out of range");
    }
    if (x.maximumShortSqueezeRatio() != null && !collateralRatioOk(x.maximumShortSqueezeRatio())) {
      return err(op, path + ".extensions.maximum_short_squeeze_ratio", "collateral ratio out of range");
    }
    if (x.forceSettleFeePercent() != null && x.forceSettleFeePercent() > HUNDRED_PERCENT) {
      return err(op, path + ".extensions.force_settle_fee_percent", "force settle fee must not exceed 100%");
    }
    if (x.blackSwanResponseMethod() != null && x.blackSwanResponseMethod() >= BSRM_TYPE_COUNT) {
      return err(op, path + ".extensions.black_swan_response_method", "black_swan_response_method should be less than " + BSRM_TYPE_COUNT);
    }
    return null;
  }

  /**
   * {@code asset(1, asset) * core_exchange_rate} must succeed and land on {@code expected}: the rate
   * must involve {@code asset} and the other side must be {@code expected}; the product must not
   * exceed the maximum share supply.
   */
  private static boolean unitTimesRateIs(Price cer, ObjectId asset, ObjectId expected) {
    if (asset.equals(cer.base().assetId())) {
      return cer.quote().amount() / cer.base().amount() <= MAX_SHARE_SUPPLY && expected.equals(cer.quote().assetId());
    }
    if (asset.equals(cer.quote().assetId())) {
      return cer.base().amount() / cer.quote().amount() <= MAX_SHARE_SUPPLY && expected.equals(cer.base().assetId());
    }
    return false;
  }

  private static ValidationError assetCreate(AssetCreateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    if (!Names.isValidSymbol(o.symbol())) {
      return err(o, "symbol", "invalid asset symbol '" + o.symbol() + "'");
    }
    e = assetOptions(o, "common_options", o.commonOptions());
    if (e != null) {
      return e;
    }
    int perms = o.commonOptions().issuerPermissions();
    if ((perms & NON_UIA_ONLY_ISSUER_PERMISSION_MASK & ~(WITNESS_FED_ASSET | COMMITTEE_FED_ASSET)) != 0
        && o.bitassetOpts() == null) {
      return err(o, "common_options.issuer_permissions", "bitasset-only permissions need bitasset_opts");
    }
    if (o.isPredictionMarket()) {
      if (o.bitassetOpts() == null) {
        return err(o, "bitasset_opts", "cannot have a user-issued asset implement a prediction market");
      }
      if ((perms & GLOBAL_SETTLE) == 0) {
        return err(o, "common_options.issuer_permissions", "a prediction market needs the global_settle permission");
      }
      if ((perms & DISABLE_BSRM_UPDATE) != 0) {
        return err(o, "common_options.issuer_permissions", "a prediction market cannot have disable_bsrm_update");
      }
      BitassetOptionsExt x = o.bitassetOpts().extensions();
      if (x != null && x.blackSwanResponseMethod() != null) {
        return err(o, "bitasset_opts.extensions.black_swan_response_method",
            "can not set black_swan_response_method for prediction markets");
      }
    }
    if (o.bitassetOpts() != null) {
      e = bitassetOptions(o, "bitasset_opts", o.bitassetOpts());
      if (e != null) {
        return e;
      }
    }
    if (!unitTimesRateIs(o.commonOptions().coreExchangeRate(), CORE_ASSET, NEW_ASSET)) {
      return err(o, "common_options.core_exchange_rate", "core_exchange_rate must price the new asset (1.3.1) against the core asset");
    }
    if (o.precision() > 12) {
      return err(o, "precision", "precision must be at most 12");
    }
    return null;
  }

  private static ValidationError assetUpdate(AssetUpdateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    if (o.newIssuer() != null && o.newIssuer().equals(o.issuer())) {
      return err(o, "new_issuer", "new_issuer must differ from issuer");
    }
    e = assetOptions(o, "new_options", o.newOptions());
    if (e != null) {
      return e;
    }
    if (!unitTimesRateIs(o.newOptions().coreExchangeRate(), o.assetToUpdate(), CORE_ASSET)) {
      return err(o, "new_options.core_exchange_rate", "core_exchange_rate must price asset_to_update against the core asset");
    }
    if (o.extensions() != null) {
      if (o.extensions().newPrecision() != null && o.extensions().newPrecision() > 12) {
        return err(o, "extensions.new_precision", "precision must be at most 12");
      }
      if (o.extensions().skipCoreExchangeRate() != null && !o.extensions().skipCoreExchangeRate()) {
        return err(o, "extensions.skip_core_exchange_rate", "if skip_core_exchange_rate is specified, it can only be true");
      }
    }
    return null;
  }

  private static ValidationError assetIssue(AssetIssueOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e == null) {
      e = amountAtMostMaxSupply(o, "asset_to_issue", o.assetToIssue());
    }
    if (e == null) {
      e = positive(o, "asset_to_issue", o.assetToIssue());
    }
    if (e == null && CORE_ASSET.equals(o.assetToIssue().assetId())) {
      e = err(o, "asset_to_issue.asset_id", "the core asset cannot be issued");
    }
    return e;
  }

  private static ValidationError assetPublishFeed(AssetPublishFeedOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    PriceFeed f = o.feed();
    if (f == null || f.settlementPrice() == null || f.coreExchangeRate() == null) {
      return err(o, "feed", "missing feed prices");
    }
    // price_feed::validate
    if (!isNull(f.settlementPrice())) {
      e = price(o, "feed.settlement_price", f.settlementPrice(), false);
      if (e != null) {
        return e;
      }
    }
    if (!collateralRatioOk(f.maximumShortSqueezeRatio())) {
      return err(o, "feed.maximum_short_squeeze_ratio", "collateral ratio out of range");
    }
    if (!collateralRatioOk(f.maintenanceCollateralRatio())) {
      return err(o, "feed.maintenance_collateral_ratio", "collateral ratio out of range");
    }
    if (!isNull(f.coreExchangeRate())) {
      e = price(o, "feed.core_exchange_rate", f.coreExchangeRate(), false);
      if (e != null) {
        return e;
      }
    }
    if (!isNull(f.settlementPrice()) && !isNull(f.coreExchangeRate())
        && !f.settlementPrice().base().assetId().equals(f.coreExchangeRate().base().assetId())) {
      return err(o, "feed.core_exchange_rate.base.asset_id", "settlement price and core exchange rate must have the same base");
    }
    if (isNull(f.settlementPrice())) {
      return err(o, "feed.settlement_price", "settlement price must be set");
    }
    if (isNull(f.coreExchangeRate())) {
      return err(o, "feed.core_exchange_rate", "core exchange rate must be set");
    }
    if (!f.settlementPrice().base().assetId().equals(o.assetId())) {
      return err(o, "feed.settlement_price.base.asset_id", "the feed is not for asset_id");
    }
    if (o.extensions() != null && o.extensions().initialCollateralRatio() != null
        && !collateralRatioOk(o.extensions().initialCollateralRatio())) {
      return err(o, "extensions.initial_collateral_ratio", "collateral ratio out of range");
    }
    return null;
  }

  // ---------------------------------------------------------------- markets

  /** {@code limit_order_auto_action} list: {@code create_take_profit_order_action::validate}. */
  private static ValidationError onFill(Operation op, String path, List<StaticVariant> actions) {
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i).value() instanceof CreateTakeProfitOrderAction a) {
        String p = path + "[" + i + "]";
        if (a.spreadPercent() <= 0) {
          return err(op, p + ".spread_percent", "the spread percentage must be positive");
        }
        if (a.sizePercent() <= 0) {
          return err(op, p + ".size_percent", "the size percentage must be positive");
        }
        if (a.sizePercent() > HUNDRED_PERCENT) {
          return err(op, p + ".size_percent", "the size percentage must not exceed 100%");
        }
        if (a.expirationSeconds() <= 0) {
          return err(op, p + ".expiration_seconds", "the expiration seconds must be positive");
        }
      }
    }
    return null;
  }

  private static ValidationError limitOrderCreate(LimitOrderCreateOperation o) {
    if (o.amountToSell().assetId().equals(o.minToReceive().assetId())) {
      return err(o, "min_to_receive.asset_id", "cannot trade an asset for itself");
    }
    ValidationError e = feeNonNegative(o);
    if (e == null) {
      e = positive(o, "amount_to_sell", o.amountToSell());
    }
    if (e == null) {
      e = positive(o, "min_to_receive", o.minToReceive());
    }
    if (e == null && o.extensions() != null && o.extensions().onFill() != null) {
      e = onFill(o, "extensions.on_fill", o.extensions().onFill());
    }
    return e;
  }

  private static ValidationError limitOrderUpdate(LimitOrderUpdateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    if (o.newPrice() == null && o.deltaAmountToSell() == null && o.newExpiration() == null && o.onFill() == null) {
      return err(o, "", "cannot update limit order if nothing is specified to update");
    }
    if (o.newPrice() != null) {
      e = price(o, "new_price", o.newPrice(), false);
      if (e != null) {
        return e;
      }
    }
    if (o.deltaAmountToSell() != null && o.deltaAmountToSell().amount() == 0) {
      return err(o, "delta_amount_to_sell.amount", "cannot change limit order amount by zero");
    }
    return o.onFill() != null ? onFill(o, "on_fill", o.onFill()) : null;
  }

  private static ValidationError callOrderUpdate(CallOrderUpdateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e == null && o.deltaCollateral().assetId().equals(o.deltaDebt().assetId())) {
      e = err(o, "delta_debt.asset_id", "collateral and debt must be different assets");
    }
    if (e == null && o.deltaCollateral().amount() == 0 && o.deltaDebt().amount() == 0) {
      e = err(o, "", "call_order_update changes nothing");
    }
    return e;
  }

  // ---------------------------------------------------------------- proposals

  private static ValidationError proposalCreate(ProposalCreateOperation o, int depth) {
    // proposal.cpp does not check the fee here.
    if (o.proposedOps().isEmpty()) {
      return err(o, "proposed_ops", "proposal has no operations");
    }
    if (depth > MAX_PROPOSAL_DEPTH) {
      return err(o, "proposed_ops", "proposals nested too deeply");
    }
    List<OpWrapper> ops = o.proposedOps();
    for (int i = 0; i < ops.size(); i++) {
      ValidationError e = validate(ops.get(i).op(), depth + 1);
      if (e != null) {
        return e.within(nameOf(o), "proposed_ops[" + i + "]");
      }
    }
    return null;
  }

  private static <T> int firstShared(List<T> a, List<T> b) {
    for (int i = 0; i < a.size(); i++) {
      if (b.contains(a.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static ValidationError proposalUpdate(ProposalUpdateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    if (o.activeApprovalsToAdd().isEmpty() && o.activeApprovalsToRemove().isEmpty()
        && o.ownerApprovalsToAdd().isEmpty() && o.ownerApprovalsToRemove().isEmpty()
        && o.keyApprovalsToAdd().isEmpty() && o.keyApprovalsToRemove().isEmpty()) {
      return err(o, "", "proposal_update changes nothing");
    }
    int i = firstShared(o.activeApprovalsToAdd(), o.activeApprovalsToRemove());
    if (i >= 0) {
      return err(o, "active_approvals_to_add[" + i + "]", "cannot add and remove approval at the same time");
    }
    i = firstShared(o.ownerApprovalsToAdd(), o.ownerApprovalsToRemove());
    if (i >= 0) {
      return err(o, "owner_approvals_to_add[" + i + "]", "cannot add and remove approval at the same time");
    }
    i = firstShared(o.keyApprovalsToAdd(), o.keyApprovalsToRemove());
    if (i >= 0) {
      return err(o, "key_approvals_to_add[" + i + "]", "cannot add and remove approval at the same time");
    }
    return null;
  }

  // ---------------------------------------------------------------- withdraw permissions, workers

  private static ValidationError withdrawPermissionCreate(WithdrawPermissionCreateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e == null && o.withdrawFromAccount().equals(o.authorizedAccount())) {
      e = err(o, "authorized_account", "withdraw_from_account and authorized_account must differ");
    }
    if (e == null) {
      e = positive(o, "withdrawal_limit", o.withdrawalLimit());
    }
    if (e == null && o.withdrawalPeriodSec() <= 0) {
      e = err(o, "withdrawal_period_sec", "withdrawal period must be positive");
    }
    if (e == null && o.periodsUntilExpiration() <= 0) {
      e = err(o, "periods_until_expiration", "periods until expiration must be positive");
    }
    return e;
  }

  private static ValidationError withdrawPermissionUpdate(WithdrawPermissionUpdateOperation o) {
    ValidationError e = positive(o, "withdrawal_limit", o.withdrawalLimit());
    if (e == null) {
      e = feeNonNegative(o);
    }
    if (e == null && o.withdrawalPeriodSec() <= 0) {
      e = err(o, "withdrawal_period_sec", "withdrawal period must be positive");
    }
    if (e == null && o.withdrawFromAccount().equals(o.authorizedAccount())) {
      e = err(o, "authorized_account", "withdraw_from_account and authorized_account must differ");
    }
    if (e == null && o.periodsUntilExpiration() <= 0) {
      e = err(o, "periods_until_expiration", "periods until expiration must be positive");
    }
    return e;
  }

  private static ValidationError withdrawPermissionClaim(WithdrawPermissionClaimOperation o) {
    ValidationError e = null;
    if (o.withdrawToAccount().equals(o.withdrawFromAccount())) {
      e = err(o, "withdraw_to_account", "withdraw_to_account and withdraw_from_account must differ");
    }
    if (e == null) {
      e = positive(o, "amount_to_withdraw", o.amountToWithdraw());
    }
    return e != null ? e : feeNonNegative(o);
  }

  private static ValidationError workerCreate(WorkerCreateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    if (o.workEndDate() == null || o.workBeginDate() == null || !o.workEndDate().isAfter(o.workBeginDate())) {
      return err(o, "work_end_date", "work_end_date must be after work_begin_date");
    }
    if (o.dailyPay() <= 0) {
      return err(o, "daily_pay", "daily pay must be positive");
    }
    if (o.dailyPay() >= MAX_SHARE_SUPPLY) {
      return err(o, "daily_pay", "daily pay must be below the maximum share supply");
    }
    if (o.name() == null || Strings.utf8Length(o.name()) >= MAX_WORKER_NAME_LENGTH) {
      return err(o, "name", "worker name must be shorter than " + MAX_WORKER_NAME_LENGTH + " bytes");
    }
    return url(o, "url", o.url());
  }

  // ---------------------------------------------------------------- committee

  /** {@code chain_parameters::validate} (the fee schedule's validate() checks nothing). */
  private static ValidationError chainParameters(Operation op, String path, ChainParameters p) {
    if (p == null) {
      return err(op, path, "missing chain parameters");
    }
    if (p.reservePercentOfFee() > HUNDRED_PERCENT) {
      return err(op, path + ".reserve_percent_of_fee", "must not exceed 100%");
    }
    if (p.networkPercentOfFee() > HUNDRED_PERCENT) {
      return err(op, path + ".network_percent_of_fee", "must not exceed 100%");
    }
    if (p.lifetimeReferrerPercentOfFee() > HUNDRED_PERCENT) {
      return err(op, path + ".lifetime_referrer_percent_of_fee", "must not exceed 100%");
    }
    if (p.networkPercentOfFee() + p.lifetimeReferrerPercentOfFee() > HUNDRED_PERCENT) {
      return err(op, path + ".lifetime_referrer_percent_of_fee", "network and lifetime referrer percentages must not exceed 100% together");
    }
    int interval = p.blockInterval();
    if (interval < MIN_BLOCK_INTERVAL || interval > MAX_BLOCK_INTERVAL) {
      return err(op, path + ".block_interval", "block interval must be between " + MIN_BLOCK_INTERVAL + " and " + MAX_BLOCK_INTERVAL);
    }
    if (p.maintenanceInterval() <= interval) {
      return err(op, path + ".maintenance_interval", "maintenance interval must be longer than block interval");
    }
    if (p.maintenanceInterval() % interval != 0) {
      return err(op, path + ".maintenance_interval", "maintenance interval must be a multiple of block interval");
    }
    if (p.maximumTransactionSize() < MIN_TRANSACTION_SIZE_LIMIT) {
      return err(op, path + ".maximum_transaction_size", "transaction size limit is too low");
    }
    if (p.maximumBlockSize() < MIN_BLOCK_SIZE_LIMIT) {
      return err(op, path + ".maximum_block_size", "block size limit is too low");
    }
    if (p.maximumTimeUntilExpiration() <= interval) {
      return err(op, path + ".maximum_time_until_expiration", "maximum transaction expiration time must be greater than a block interval");
    }
    // uint32 subtraction, wrapping as in C++
    long review = (p.maximumProposalLifetime() - p.committeeProposalReviewPeriod()) & 0xFFFF_FFFFL;
    if (review <= interval) {
      return err(op, path + ".committee_proposal_review_period", "committee proposal review period must be less than the maximum proposal lifetime");
    }
    ChainParametersExt x = p.extensions();
    if (x != null && x.marketFeeNetworkPercent() != null && x.marketFeeNetworkPercent() > 3000) {
      return err(op, path + ".extensions.market_fee_network_percent", "the market_fee_network_percent parameter can not exceed 30%");
    }
    if (x != null && x.makerFeeDiscountPercent() != null && x.makerFeeDiscountPercent() > HUNDRED_PERCENT) {
      return err(op, path + ".extensions.maker_fee_discount_percent", "the maker_fee_discount_percent parameter can not exceed 100%");
    }
    return null;
  }

  // ---------------------------------------------------------------- confidential

  private static ValidationError blindOutputs(Operation op, List<BlindOutput> outputs) {
    for (int i = 0; i < outputs.size(); i++) {
      BlindOutput out = outputs.get(i);
      if (i > 0 && outputs.get(i - 1).commitment().compareTo(out.commitment()) >= 0) {
        return err(op, "outputs[" + i + "].commitment", "all outputs must be sorted by commitment id");
      }
      if (isImpossible(out.owner())) {
        return err(op, "outputs[" + i + "].owner", "output owner authority is impossible");
      }
    }
    return null;
  }

  private static ValidationError blindInputsSorted(Operation op, List<BlindInput> inputs) {
    for (int i = 1; i < inputs.size(); i++) {
      if (inputs.get(i - 1).commitment().compareTo(inputs.get(i).commitment()) >= 0) {
        return err(op, "inputs[" + i + "].commitment", "all inputs must be sorted by commitment id");
      }
    }
    return null;
  }

  /** {@code fc::ecc::blind}'s FC_ASSERT on {@code secp256k1_pedersen_commit} failed. */
  private static ValidationError blindError(Operation op, ConfidentialException ex) {
    return err(op, "blinding_factor", "fc::ecc::blind failed (secp256k1_pedersen_commit): " + ex.getMessage());
  }

  private static ValidationError sumError(Operation op, long netPublic) {
    return err(op, "", "commitments do not balance: verify_sum failed (net_public " + netPublic + ")");
  }

  /**
   * The range-proof bound both output-creating operations apply when there is more than one output:
   * every output's {@code range_get_info} must succeed and its max_value (unsigned) be at most
   * GRAPHENE_MAX_SHARE_SUPPLY, output by output.
   */
  private static ValidationError rangeProofs(Operation op, List<BlindOutput> outputs) {
    if (outputs.size() <= 1) {
      return null;
    }
    for (int i = 0; i < outputs.size(); i++) {
      RangeProofInfo info;
      try {
        info = Pedersen.rangeProofInfo(outputs.get(i).rangeProof());
      } catch (ConfidentialException ex) {
        return err(op, "outputs[" + i + "].range_proof", "range_get_info failed: " + ex.getMessage());
      }
      if (!info.maxValueAtMost(MAX_SHARE_SUPPLY)) {
        return err(op, "outputs[" + i + "].range_proof",
            "range proof max_value " + Long.toUnsignedString(info.maxValue()) + " exceeds GRAPHENE_MAX_SHARE_SUPPLY");
      }
    }
    return null;
  }

  private static List<Bytes> outputCommitments(List<BlindOutput> outputs) {
    Bytes[] c = new Bytes[outputs.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = outputs.get(i).commitment();
    }
    return List.of(c);
  }

  private static List<Bytes> inputCommitments(List<BlindInput> inputs) {
    Bytes[] c = new Bytes[inputs.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = inputs.get(i).commitment();
    }
    return List.of(c);
  }

  private static ValidationError transferToBlind(TransferToBlindOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e == null) {
      e = positive(o, "amount", o.amount());
    }
    if (e == null) {
      e = blindOutputs(o, o.outputs());
    }
    if (e == null && o.outputs().isEmpty()) {
      e = err(o, "outputs", "there must be at least one output");
    }
    if (e != null) {
      return e;
    }
    long netPublic = o.amount().amount();
    Bytes publicC;
    try {
      // net_public is passed as uint64, as the C++ call converts it.
      publicC = Pedersen.commit(o.blindingFactor(), netPublic);
    } catch (ConfidentialException ex) {
      return blindError(o, ex);
    }
    if (!Pedersen.verifySum(List.of(publicC), outputCommitments(o.outputs()), 0)) {
      return sumError(o, netPublic);
    }
    return rangeProofs(o, o.outputs());
  }

  private static ValidationError blindTransfer(BlindTransferOperation o) {
    // confidential.cpp does not check the fee here (it enters the commitment sum as net_public).
    ValidationError e = blindInputsSorted(o, o.inputs());
    if (e == null) {
      e = blindOutputs(o, o.outputs());
    }
    if (e == null && o.inputs().isEmpty()) {
      e = err(o, "inputs", "there must be at least one input");
    }
    if (e != null) {
      return e;
    }
    long netPublic = o.fee().amount();
    // core checks the sum, then the range proofs, then the same sum again (always the same answer).
    if (!Pedersen.verifySum(inputCommitments(o.inputs()), outputCommitments(o.outputs()), netPublic)) {
      return sumError(o, netPublic);
    }
    return rangeProofs(o, o.outputs());
  }

  private static ValidationError transferFromBlind(TransferFromBlindOperation o) {
    ValidationError e = positive(o, "amount", o.amount());
    if (e == null) {
      e = feeNonNegative(o);
    }
    if (e == null && o.inputs().isEmpty()) {
      e = err(o, "inputs", "there must be at least one input");
    }
    if (e == null && !o.amount().assetId().equals(o.fee().assetId())) {
      e = err(o, "amount.asset_id", "amount and fee must be in the same asset");
    }
    if (e != null) {
      return e;
    }
    // int64 fee + amount (both non-negative here, so the wrapped sum read as uint64 is exact).
    long netPublic = o.fee().amount() + o.amount().amount();
    Bytes publicC;
    try {
      // net_public is passed as uint64, as the C++ call converts it.
      publicC = Pedersen.commit(o.blindingFactor(), netPublic);
    } catch (ConfidentialException ex) {
      return blindError(o, ex);
    }
    e = blindInputsSorted(o, o.inputs());
    if (e != null) {
      return e;
    }
    if (!Pedersen.verifySum(inputCommitments(o.inputs()), List.of(publicC), 0)) {
      return sumError(o, netPublic);
    }
    return null;
  }

  // ---------------------------------------------------------------- custom authorities

  private static ValidationError caaAccount(Operation op, ObjectId account) {
    if (TEMP_ACCOUNT.equals(account) || COMMITTEE_ACCOUNT.equals(account) || WITNESS_ACCOUNT.equals(account)
        || RELAXED_COMMITTEE_ACCOUNT.equals(account)) {
      return err(op, "account", "can not create custom authority for special accounts");
    }
    return null;
  }

  private static ValidationError customAuthorityCreate(CustomAuthorityCreateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e == null) {
      e = caaAccount(o, o.account());
    }
    if (e != null) {
      return e;
    }
    if (o.validFrom() == null || o.validTo() == null || !o.validFrom().isBefore(o.validTo())) {
      return err(o, "valid_from", "valid_from must be earlier than valid_to");
    }
    if (!o.auth().addressAuths().isEmpty()) {
      return err(o, "auth.address_auths", "address authorities are not supported");
    }
    if (isImpossible(o.auth())) {
      return err(o, "auth", "cannot use an impossible authority threshold");
    }
    long type = o.operationType();
    if (type < 0 || type >= CAA_SUPPORTED.length || !CAA_SUPPORTED[(int) type]) {
      return err(o, "operation_type", "custom authorities do not support operation type " + type);
    }
    return restrictionError(o, "restrictions", type, o.restrictions());
  }

  /**
   * The check custom_authority_update's evaluator runs on {@code restrictions_to_add} against the
   * existing authority's operation type ({@code custom_authority_evaluator.cpp}, stateful: the type is
   * not in the operation). Null when core builds the predicate.
   */
  public static ValidationError restrictionsToAdd(CustomAuthorityUpdateOperation o, long operationType) {
    return restrictionError(o, "restrictions_to_add", operationType, o.restrictionsToAdd());
  }

  private static ValidationError restrictionError(Operation op, String path, long type, List<Restriction> rs) {
    RestrictionTypes.Problem p = RestrictionTypes.checkOperation(type, rs);
    return p == null ? null : err(op, p.reason() == RestrictionTypes.Reason.UNSUPPORTED_OPERATION ? "operation_type"
        : path + p.path(), p.message());
  }

  /** Whether custom authorities may restrict an operation type ({@code sliced_lists.hxx}). */
  static boolean caaSupported(int tag) {
    return tag >= 0 && tag < CAA_SUPPORTED.length && CAA_SUPPORTED[tag];
  }

  private static ValidationError customAuthorityUpdate(CustomAuthorityUpdateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e == null) {
      e = caaAccount(o, o.account());
    }
    if (e != null) {
      return e;
    }
    if (o.newValidFrom() != null && o.newValidTo() != null && !o.newValidFrom().isBefore(o.newValidTo())) {
      return err(o, "new_valid_from", "valid_from must be earlier than valid_to");
    }
    if (o.newAuth() != null) {
      if (isImpossible(o.newAuth())) {
        return err(o, "new_auth", "cannot use an impossible authority threshold");
      }
      if (!o.newAuth().addressAuths().isEmpty()) {
        return err(o, "new_auth.address_auths", "address auth is not supported");
      }
    }
    if (o.newEnabled() == null && o.newValidFrom() == null && o.newValidTo() == null && o.newAuth() == null
        && o.restrictionsToRemove().isEmpty() && o.restrictionsToAdd().isEmpty()) {
      return err(o, "", "must update something");
    }
    return null;
  }

  // ---------------------------------------------------------------- tickets, pools, credit

  private static ValidationError ticketCreate(TicketCreateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    if (o.targetType() == 0) {
      return err(o, "target_type", "target type can not be liquid");
    }
    if (o.targetType() < 0 || o.targetType() >= TICKET_TYPE_COUNT) {
      return err(o, "target_type", "invalid target type");
    }
    e = positive(o, "amount", o.amount());
    if (e == null && !CORE_ASSET.equals(o.amount().assetId())) {
      e = err(o, "amount.asset_id", "amount must be in BTS so far");
    }
    return e;
  }

  private static ValidationError ticketUpdate(TicketUpdateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    if (o.targetType() < 0 || o.targetType() >= TICKET_TYPE_COUNT) {
      return err(o, "target_type", "invalid target type");
    }
    if (o.amountForNewTarget() != null) {
      e = positive(o, "amount_for_new_target", o.amountForNewTarget());
      if (e == null && !CORE_ASSET.equals(o.amountForNewTarget().assetId())) {
        e = err(o, "amount_for_new_target.asset_id", "amount must be in BTS so far");
      }
    }
    return e;
  }

  private static ValidationError liquidityPoolCreate(LiquidityPoolCreateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    if (o.assetA().compareTo(o.assetB()) >= 0) {
      return err(o, "asset_b", "ID of the first asset should be smaller than ID of the second asset");
    }
    if (o.assetA().equals(o.shareAsset()) || o.assetB().equals(o.shareAsset())) {
      return err(o, "share_asset", "share asset can not be the same as one of the assets in the pool");
    }
    if (o.takerFeePercent() > HUNDRED_PERCENT) {
      return err(o, "taker_fee_percent", "taker fee percent should not exceed 100%");
    }
    if (o.withdrawalFeePercent() > HUNDRED_PERCENT) {
      return err(o, "withdrawal_fee_percent", "withdrawal fee percent should not exceed 100%");
    }
    return null;
  }

  /** {@code validate_acceptable_collateral}; {@code assetType} null means "the first entry's base". */
  private static ValidationError acceptableCollateral(Operation op, String path, Map<ObjectId, Price> m, ObjectId assetType) {
    if (m.isEmpty()) {
      return err(op, path, "acceptable collateral list should not be empty");
    }
    ObjectId base = assetType;
    if (base == null) {
      ObjectId first = null;
      for (ObjectId k : m.keySet()) {
        if (first == null || k.compareTo(first) < 0) {
          first = k;
        }
      }
      Price p = m.get(first);
      base = p == null || p.base() == null ? null : p.base().assetId();
    }
    for (Map.Entry<ObjectId, Price> c : m.entrySet()) {
      Price p = c.getValue();
      if (p == null || p.base() == null || p.quote() == null) {
        return err(op, path, "missing price");
      }
      if (!p.base().assetId().equals(base)) {
        return err(op, path, "base asset ID in price of acceptable collateral should be same as offer asset type");
      }
      if (!p.quote().assetId().equals(c.getKey())) {
        return err(op, path, "quote asset ID in price of acceptable collateral should be same as collateral asset type");
      }
      ValidationError e = price(op, path, p, true);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  private static ValidationError acceptableBorrowers(Operation op, String path, Map<ObjectId, Long> m) {
    for (Long max : m.values()) {
      if (max == null || max < 0) {
        return err(op, path, "maximum amount to borrow for acceptable borrowers should not be negative");
      }
      if (max > MAX_SHARE_SUPPLY) {
        return err(op, path, "maximum amount to borrow for acceptable borrowers should not exceed the maximum share supply");
      }
    }
    return null;
  }

  private static ValidationError creditOfferCreate(CreditOfferCreateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    if (o.balance() <= 0) {
      return err(o, "balance", "balance should be positive");
    }
    if (o.maxDurationSeconds() > MAX_CREDIT_DEAL_SECS) {
      return err(o, "max_duration_seconds", "maximum duration should not be greater than 380 days");
    }
    if (o.minDealAmount() < 0) {
      return err(o, "min_deal_amount", "minimum deal amount should not be negative");
    }
    if (o.minDealAmount() > MAX_SHARE_SUPPLY) {
      return err(o, "min_deal_amount", "minimum deal amount should not exceed the maximum share supply");
    }
    e = acceptableCollateral(o, "acceptable_collateral", o.acceptableCollateral(), o.assetType());
    return e != null ? e : acceptableBorrowers(o, "acceptable_borrowers", o.acceptableBorrowers());
  }

  private static ValidationError creditOfferUpdate(CreditOfferUpdateOperation o) {
    ValidationError e = feeNonNegative(o);
    if (e != null) {
      return e;
    }
    boolean updating = false;
    if (o.deltaAmount() != null) {
      updating = true;
      if (o.deltaAmount().amount() == 0) {
        return err(o, "delta_amount.amount", "delta amount should not be zero");
      }
    }
    if (o.feeRate() != null) {
      updating = true;
    }
    if (o.maxDurationSeconds() != null) {
      updating = true;
      if (o.maxDurationSeconds() > MAX_CREDIT_DEAL_SECS) {
        return err(o, "max_duration_seconds", "maximum duration should not be greater than 380 days");
      }
    }
    if (o.minDealAmount() != null) {
      updating = true;
      if (o.minDealAmount() < 0) {
        return err(o, "min_deal_amount", "minimum deal amount should not be negative");
      }
      if (o.minDealAmount() > MAX_SHARE_SUPPLY) {
        return err(o, "min_deal_amount", "minimum deal amount should not exceed the maximum share supply");
      }
    }
    if (o.enabled() != null || o.autoDisableTime() != null) {
      updating = true;
    }
    if (o.acceptableCollateral() != null) {
      updating = true;
      e = acceptableCollateral(o, "acceptable_collateral", o.acceptableCollateral(), null);
      if (e != null) {
        return e;
      }
    }
    if (o.acceptableBorrowers() != null) {
      updating = true;
      e = acceptableBorrowers(o, "acceptable_borrowers", o.acceptableBorrowers());
      if (e != null) {
        return e;
      }
    }
    return updating ? null : err(o, "", "should change something - at least one of the optional data fields should be present");
  }
}
