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
    REVIEW_PERIOD_INSUFFICIENT,
    /** Before HF-214 a proposal may not contain proposal_update. */
    NESTED_UPDATE_BEFORE_HF214,
    /** At most one proposal_update per proposal. */
    MORE_THAN_ONE_UPDATE,
    /** After HF-1479 a nested proposal_update/delete must target an older proposal. */
    TARGETS_SELF_OR_NEWER
  }

  /** What happens to a proposal_create on nested proposal operations (spec §7.4, HF-214/HF-1479). */
  public record NestedCheck(List<CreateProblem> problems, boolean poisoned) {}

  /**
   * The nested-proposal rules of proposal_create: no proposal_update before HF-214, at most one,
   * and a nested update/delete targeting the new proposal's own id or a later one is refused
   * strictly after HF-1479 and, at or before it, accepted but poisoned (an impossible transfer is
   * appended, as on mainnet proposal 1.10.17503).
   */
  public static NestedCheck checkNested(List<OpRequirement> proposedOps, HardforkSchedule.Rules rules, ObjectId newProposalId) {
    List<CreateProblem> out = new ArrayList<>();
    List<Tagged> top = new ArrayList<>();
    for (OpRequirement op : proposedOps) {
      top.add(new Tagged(op.tag(), op.op()));
    }
    // HF-214 (non-recursive): no proposal_update among the proposed operations
    if (!rules.nestedProposalUpdateAllowed()) {
      for (Tagged t : top) {
        if (t.tag() == RequiredAuthorities.PROPOSAL_UPDATE) {
          out.add(CreateProblem.NESTED_UPDATE_BEFORE_HF214);
          break;
        }
      }
    }
    // at most one proposal_update per proposal, at every nesting level
    if (moreThanOneUpdate(top, 0)) {
      out.add(CreateProblem.MORE_THAN_ONE_UPDATE);
    }
    // HF-1479 (recursive): the highest instance targeted by nested updates/deletes
    long[] max = {-1};
    maxTarget(top, max, 0);
    boolean poisoned = false;
    if (max[0] >= 0 && newProposalId.instance() <= max[0]) {
      if (rules.strictNestedProposalTargets()) {
        out.add(CreateProblem.TARGETS_SELF_OR_NEWER);
      } else {
        poisoned = true;
      }
    }
    return new NestedCheck(out, poisoned);
  }

  private record Tagged(int tag, Object op) {}

  private static final int MAX_NESTING = 32;

  /** The operations proposed by a nested proposal_create (record or JSON form). */
  private static List<Tagged> inner(Tagged t) {
    List<Tagged> out = new ArrayList<>();
    if (t.op() instanceof io.graphyne.protocol.ops.ProposalCreateOperation pc) {
      for (var w : pc.proposedOps()) {
        out.add(new Tagged(w.op().tag(), w.op()));
      }
    } else if (t.op() instanceof com.fasterxml.jackson.databind.JsonNode j && j.has("proposed_ops")) {
      for (var w : j.get("proposed_ops")) {
        var pair = w.has("op") ? w.get("op") : w;
        out.add(new Tagged(pair.get(0).asInt(), pair.get(1)));
      }
    }
    return out;
  }

  private static boolean moreThanOneUpdate(List<Tagged> ops, int depth) {
    if (depth > MAX_NESTING) {
      return false;
    }
    int updates = 0;
    for (Tagged t : ops) {
      if (t.tag() == RequiredAuthorities.PROPOSAL_UPDATE) {
        updates++;
      }
      if (t.tag() == RequiredAuthorities.PROPOSAL_CREATE && moreThanOneUpdate(inner(t), depth + 1)) {
        return true;
      }
    }
    return updates > 1;
  }

  private static void maxTarget(List<Tagged> ops, long[] max, int depth) {
    if (depth > MAX_NESTING) {
      return;
    }
    for (Tagged t : ops) {
      if (t.tag() == RequiredAuthorities.PROPOSAL_UPDATE || t.tag() == RequiredAuthorities.PROPOSAL_DELETE) {
        max[0] = Math.max(max[0], OpFields.of(t.op()).id("proposal").instance());
      } else if (t.tag() == RequiredAuthorities.PROPOSAL_CREATE) {
        maxTarget(inner(t), max, depth + 1);
      }
    }
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
