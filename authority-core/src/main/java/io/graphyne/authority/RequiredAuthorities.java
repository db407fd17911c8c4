package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Required authorities of all 78 operations (spec/authority.md §2.2, spec/operations.json;
 * bitshares-core {@code operation_get_required_authorities}): the fee payer's active, plus the
 * per-operation extras in {@link #requirement}. One table for every operation, keyed by tag.
 */
public final class RequiredAuthorities {
  private RequiredAuthorities() {}

  public static final int OPERATION_COUNT = 78;

  /** Fee payer field per tag; {@code @1.2.x} names a fixed account. */
  private static final String[] FEE_PAYER = {
      "from", // 0 transfer
      "seller", // 1 limit_order_create
      "fee_paying_account", // 2 limit_order_cancel
      "funding_account", // 3 call_order_update
      "account_id", // 4 fill_order
      "registrar", // 5 account_create
      "account", // 6 account_update
      "authorizing_account", // 7 account_whitelist
      "account_to_upgrade", // 8 account_upgrade
      "account_id", // 9 account_transfer
      "issuer", // 10 asset_create
      "issuer", // 11 asset_update
      "issuer", // 12 asset_update_bitasset
      "issuer", // 13 asset_update_feed_producers
      "issuer", // 14 asset_issue
      "payer", // 15 asset_reserve
      "from_account", // 16 asset_fund_fee_pool
      "account", // 17 asset_settle
      "issuer", // 18 asset_global_settle
      "publisher", // 19 asset_publish_feed
      "witness_account", // 20 witness_create
      "witness_account", // 21 witness_update
      "fee_paying_account", // 22 proposal_create
      "fee_paying_account", // 23 proposal_update
      "fee_paying_account", // 24 proposal_delete
      "withdraw_from_account", // 25 withdraw_permission_create
      "withdraw_from_account", // 26 withdraw_permission_update
      "withdraw_to_account", // 27 withdraw_permission_claim
      "withdraw_from_account", // 28 withdraw_permission_delete
      "committee_member_account", // 29 committee_member_create
      "committee_member_account", // 30 committee_member_update
      "@1.2.0", // 31 committee_member_update_global_parameters
      "creator", // 32 vesting_balance_create
      "owner", // 33 vesting_balance_withdraw
      "owner", // 34 worker_create
      "payer", // 35 custom
      "fee_paying_account", // 36 assert
      "deposit_to_account", // 37 balance_claim
      "issuer", // 38 override_transfer
      "from", // 39 transfer_to_blind
      "@1.2.4", // 40 blind_transfer
      "@1.2.4", // 41 transfer_from_blind
      "account", // 42 asset_settle_cancel
      "issuer", // 43 asset_claim_fees
      "account_id", // 44 fba_distribute
      "bidder", // 45 bid_collateral
      "bidder", // 46 execute_bid
      "issuer", // 47 asset_claim_pool
      "issuer", // 48 asset_update_issuer
      "from", // 49 htlc_create
      "redeemer", // 50 htlc_redeem
      "to", // 51 htlc_redeemed
      "update_issuer", // 52 htlc_extend
      "to", // 53 htlc_refund
      "account", // 54 custom_authority_create
      "account", // 55 custom_authority_update
      "account", // 56 custom_authority_delete
      "account", // 57 ticket_create
      "account", // 58 ticket_update
      "account", // 59 liquidity_pool_create
      "account", // 60 liquidity_pool_delete
      "account", // 61 liquidity_pool_deposit
      "account", // 62 liquidity_pool_withdraw
      "account", // 63 liquidity_pool_exchange
      "owner_account", // 64 samet_fund_create
      "owner_account", // 65 samet_fund_delete
      "owner_account", // 66 samet_fund_update
      "borrower", // 67 samet_fund_borrow
      "account", // 68 samet_fund_repay
      "owner_account", // 69 credit_offer_create
      "owner_account", // 70 credit_offer_delete
      "owner_account", // 71 credit_offer_update
      "borrower", // 72 credit_offer_accept
      "account", // 73 credit_deal_repay
      "borrower", // 74 credit_deal_expired
      "account", // 75 liquidity_pool_update
      "account", // 76 credit_deal_update
      "seller", // 77 limit_order_update
  };

  public static final int ACCOUNT_CREATE = 5;
  public static final int ACCOUNT_UPDATE = 6;
  public static final int PROPOSAL_CREATE = 22;
  public static final int PROPOSAL_UPDATE = 23;
  public static final int PROPOSAL_DELETE = 24;
  public static final int CUSTOM = 35;
  public static final int BALANCE_CLAIM = 37;
  public static final int BLIND_TRANSFER = 40;
  public static final int TRANSFER_FROM_BLIND = 41;
  public static final int ASSET_UPDATE_ISSUER = 48;

  /** The fee payer field name (or {@code @1.2.x}) of an operation tag. */
  public static String feePayerField(int tag) {
    checkTag(tag);
    return FEE_PAYER[tag];
  }

  /** The fee payer of an operation. */
  public static ObjectId feePayer(int tag, OpFields op) {
    String f = feePayerField(tag);
    ObjectId fixed = FIXED_PAYER[tag];
    return fixed != null ? fixed : op.account(f);
  }

  /** The fixed fee payer ({@code @1.2.x}) per tag, null where a field names it. */
  private static final ObjectId[] FIXED_PAYER = new ObjectId[OPERATION_COUNT];

  static {
    for (int t = 0; t < OPERATION_COUNT; t++) {
      if (FEE_PAYER[t].startsWith("@")) {
        FIXED_PAYER[t] = ObjectId.parse(FEE_PAYER[t].substring(1));
      }
    }
  }

  /**
   * Whether an operation's requirement is its fee payer's active authority alone. The operations
   * listed false here are exactly the cases of {@link #requirement}'s switch, which adds their
   * extras (RequirementFastPathTest checks all 78 against a full evaluation); CUSTOM counts only
   * while its required_auths are ignored.
   */
  static boolean feePayerOnly(int tag, boolean ignoreCustomOperationRequiredAuths) {
    return switch (tag) {
      case ACCOUNT_CREATE, ACCOUNT_UPDATE, ASSET_UPDATE_ISSUER, PROPOSAL_UPDATE, BALANCE_CLAIM,
          BLIND_TRANSFER, TRANSFER_FROM_BLIND -> false;
      case CUSTOM -> ignoreCustomOperationRequiredAuths;
      default -> tag >= 0 && tag < OPERATION_COUNT;
    };
  }

  /** The fixed fee payer of a tag ({@code @1.2.x}), or null when a field names it. */
  static ObjectId fixedFeePayer(int tag) {
    checkTag(tag);
    return FIXED_PAYER[tag];
  }

  /**
   * The requirement of one operation.
   *
   * @param ignoreCustomOperationRequiredAuths true at or before HF-210 (see {@link
   *     HardforkSchedule.Rules#ignoreCustomOperationRequiredAuths()})
   */
  public static OpRequirement requirement(
      int tag, OpFields op, Object opObject, boolean ignoreCustomOperationRequiredAuths) {
    ObjectId payer = feePayer(tag, op);
    if (feePayerOnly(tag, ignoreCustomOperationRequiredAuths)) {
      return OpRequirement.feePayerOnly(tag, opObject, payer);
    }
    TreeSet<ObjectId> active = new TreeSet<>();
    TreeSet<ObjectId> owner = new TreeSet<>();
    List<Authority> other = new ArrayList<>(0);
    active.add(payer);
    switch (tag) {
      case ACCOUNT_CREATE -> {
        if (op.present("extensions.buyback_options")) {
          active.add(op.account("extensions.buyback_options.asset_to_buy_issuer"));
        }
      }
      case ACCOUNT_UPDATE -> {
        // is_owner_update(): the active requirement stays through the fee payer
        if (op.present("owner") || op.present("extensions.owner_special_authority")) {
          owner.add(op.account("account"));
        }
      }
      case ASSET_UPDATE_ISSUER -> owner.add(op.account("issuer"));
      case PROPOSAL_UPDATE -> {
        active.addAll(op.accounts("active_approvals_to_add"));
        active.addAll(op.accounts("active_approvals_to_remove"));
        owner.addAll(op.accounts("owner_approvals_to_add"));
        owner.addAll(op.accounts("owner_approvals_to_remove"));
        TreeSet<PublicKey> keys = new TreeSet<>(op.keys("key_approvals_to_add"));
        keys.addAll(op.keys("key_approvals_to_remove"));
        if (!keys.isEmpty()) {
          Map<PublicKey, Integer> m = new TreeMap<>();
          for (PublicKey k : keys) {
            m.put(k, 1);
          }
          other.add(new Authority(keys.size(), Map.of(), m, Map.of()));
        }
      }
      case CUSTOM -> active.addAll(op.accounts("required_auths")); // not ignored (else fee payer only)
      case BALANCE_CLAIM -> other.add(Authority.singleKey(op.key("balance_owner_key")));
      case BLIND_TRANSFER, TRANSFER_FROM_BLIND -> other.addAll(op.authorities("inputs", "owner"));
      default -> throw new IllegalStateException(
          "operation " + tag + " is not fee-payer-only but has no extra requirement (feePayerOnly and this switch disagree)");
    }
    return new OpRequirement(tag, opObject, active, owner, other);
  }

  /**
   * {@code transaction::get_required_authorities}: the union over operations, with owner-required
   * accounts removed from the active set (as the wallet APIs and proposals use it).
   */
  public static OpRequirement forWallet(List<OpRequirement> ops) {
    TreeSet<ObjectId> active = new TreeSet<>();
    TreeSet<ObjectId> owner = new TreeSet<>();
    List<Authority> other = new ArrayList<>();
    for (OpRequirement r : ops) {
      active.addAll(r.active());
      owner.addAll(r.owner());
      other.addAll(r.other());
    }
    active.removeAll(owner);
    return new OpRequirement(-1, null, active, owner, other);
  }

  private static void checkTag(int tag) {
    if (tag < 0 || tag >= OPERATION_COUNT) {
      throw new IllegalArgumentException("unknown operation tag " + tag);
    }
  }
}
