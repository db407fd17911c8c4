package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import java.time.Instant;
import java.util.Set;

/**
 * The inputs of {@code verify_authority} besides operations and keys (spec/authority.md §2.4,
 * §2.8).
 *
 * @param maxDepth {@code max_authority_depth} (chain parameter, default 2)
 * @param allowNonImmediateOwner HF-584: nested owners may stand in for actives
 * @param allowCommittee true only for proposal execution
 * @param activeApprovals a proposal's available active approvals (pre-approved accounts)
 * @param ownerApprovals a proposal's available owner approvals
 * @param customAuthorities BSIP40 lookup, {@link CustomAuthorityLookup#NONE} before the HF
 */
public record CheckParams(
    int maxDepth,
    boolean allowNonImmediateOwner,
    boolean allowCommittee,
    Set<ObjectId> activeApprovals,
    Set<ObjectId> ownerApprovals,
    CustomAuthorityLookup customAuthorities) {

  public static final int DEFAULT_MAX_DEPTH = 2;

  public CheckParams {
    if (maxDepth < 0 || maxDepth > 255) {
      throw new IllegalArgumentException("max_authority_depth is a uint8: " + maxDepth);
    }
    activeApprovals = Set.copyOf(activeApprovals);
    ownerApprovals = Set.copyOf(ownerApprovals);
    if (customAuthorities == null) {
      customAuthorities = CustomAuthorityLookup.NONE;
    }
  }

  /**
   * The transaction parameters per (HF-584 rule, depth): immutable, so one instance of each serves
   * every transaction. Filled lazily; a racing thread at worst builds an equal instance.
   */
  private static final CheckParams[] FOR_TRANSACTION = new CheckParams[2 * 256];

  /** Transactions in blocks and the mempool at a head time. */
  public static CheckParams forTransaction(HardforkSchedule.Rules rules, int maxDepth) {
    boolean nonImmediateOwner = rules.allowNonImmediateOwner();
    if (maxDepth < 0 || maxDepth > 255) {
      return new CheckParams(maxDepth, nonImmediateOwner, false, Set.of(), Set.of(), CustomAuthorityLookup.NONE); // throws
    }
    int slot = (nonImmediateOwner ? 256 : 0) + maxDepth;
    CheckParams p = FOR_TRANSACTION[slot];
    if (p == null) {
      p = new CheckParams(maxDepth, nonImmediateOwner, false, Set.of(), Set.of(), CustomAuthorityLookup.NONE);
      FOR_TRANSACTION[slot] = p;
    }
    return p;
  }

  public static CheckParams forTransaction(HardforkSchedule schedule, Instant headTime, int maxDepth) {
    return forTransaction(schedule.at(headTime), maxDepth);
  }

  /** Current rules (HF-584 passed), default depth: what most tests assume. */
  public static CheckParams defaults() {
    return new CheckParams(DEFAULT_MAX_DEPTH, true, false, Set.of(), Set.of(), CustomAuthorityLookup.NONE);
  }

  /** Proposal execution: committee allowed, the proposal's approvals pre-approved. */
  public static CheckParams forProposal(
      HardforkSchedule.Rules rules, int maxDepth, Set<ObjectId> activeApprovals, Set<ObjectId> ownerApprovals) {
    return new CheckParams(
        maxDepth, rules.allowNonImmediateOwner(), true, activeApprovals, ownerApprovals, CustomAuthorityLookup.NONE);
  }

  public CheckParams withCustomAuthorities(CustomAuthorityLookup lookup) {
    return new CheckParams(maxDepth, allowNonImmediateOwner, allowCommittee, activeApprovals, ownerApprovals, lookup);
  }

  public CheckParams withNonImmediateOwner(boolean allow) {
    return new CheckParams(maxDepth, allow, allowCommittee, activeApprovals, ownerApprovals, customAuthorities);
  }

  public CheckParams withMaxDepth(int depth) {
    return new CheckParams(depth, allowNonImmediateOwner, allowCommittee, activeApprovals, ownerApprovals, customAuthorities);
  }
}
