package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/**
 * Authority rules of proposals (spec/authority.md §7.4): the approvals a proposal records at
 * creation, the creation-time checks that concern authorities, and {@code
 * is_authorized_to_execute}.
 */
public final class Proposals {
  private Proposals() {}

  /** {@code required_active_approvals} (active minus owner) and {@code required_owner_approvals}. */
  public record RequiredApprovals(SortedSet<ObjectId> active, SortedSet<ObjectId> owner) {}

  /** Why proposal_create is refused on authority grounds. */
  public enum CreateProblem {
    /** A proposed operation needs an "other" authority (balance_claim, blind transfers, key approvals). */
    OTHER_AUTHORITY_REQUIRED,
    /** 1.2.0 is required (active or owner) and no review period is given. */
    REVIEW_PERIOD_REQUIRED,
    /** 1.2.0 is required and the review period is shorter than committee_proposal_review_period. */
    REVIEW_PERIOD_INSUFFICIENT
  }

  public static RequiredApprovals requiredApprovals(List<OpRequirement> proposedOps) {
    OpRequirement r = RequiredAuthorities.forWallet(proposedOps);
    return new RequiredApprovals(r.active(), r.owner());
  }

  /**
   * The authority-related checks of proposal_create's evaluator.
   *
   * @param reviewPeriodSeconds the proposal's review period, or null when absent
   */
  public static List<CreateProblem> checkCreate(
      List<OpRequirement> proposedOps, Long reviewPeriodSeconds, long committeeProposalReviewPeriod) {
    List<CreateProblem> out = new ArrayList<>();
    boolean committee = false;
    for (OpRequirement op : proposedOps) {
      if (!op.other().isEmpty()) {
        out.add(CreateProblem.OTHER_AUTHORITY_REQUIRED);
        break;
      }
    }
    for (OpRequirement op : proposedOps) {
      committee |= op.active().contains(SignState.COMMITTEE_ACCOUNT) || op.owner().contains(SignState.COMMITTEE_ACCOUNT);
    }
    if (committee) {
      if (reviewPeriodSeconds == null) {
        out.add(CreateProblem.REVIEW_PERIOD_REQUIRED);
      } else if (reviewPeriodSeconds < committeeProposalReviewPeriod) {
        out.add(CreateProblem.REVIEW_PERIOD_INSUFFICIENT);
      }
    }
    return out;
  }

  /**
   * {@code proposal_object::is_authorized_to_execute}: verify_authority on the proposed
   * operations with the proposal's key approvals as signers, its account approvals pre-approved,
   * the committee allowed; any failure (including an unused key approval) means "not authorized".
   */
  public static Verdict authorizeExecution(
      List<OpRequirement> proposedOps,
      Set<ObjectId> activeApprovals,
      Set<ObjectId> ownerApprovals,
      List<PublicKey> keyApprovals,
      AuthorityView view,
      HardforkSchedule.Rules rules,
      int maxDepth,
      CustomAuthorityLookup custom) {
    CheckParams p = CheckParams.forProposal(rules, maxDepth, activeApprovals, ownerApprovals).withCustomAuthorities(custom);
    return AuthorityChecker.verify(proposedOps, keyApprovals, view, p);
  }
}
