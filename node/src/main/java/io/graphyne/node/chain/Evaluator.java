package io.graphyne.node.chain;

import io.graphyne.authority.AuthorityChecker;
import io.graphyne.authority.CheckParams;
import io.graphyne.authority.CustomAuthorities;
import io.graphyne.authority.CustomAuthority;
import io.graphyne.authority.CustomAuthorityLookup;
import io.graphyne.authority.HardforkSchedule;
import io.graphyne.authority.HardforkSchedule.Hardfork;
import io.graphyne.authority.OpRequirement;
import io.graphyne.authority.Proposals;
import io.graphyne.authority.RecordOpFields;
import io.graphyne.authority.Verdict;
import io.graphyne.chainstore.AccountRecord;
import io.graphyne.chainstore.ChainParameters;
import io.graphyne.chainstore.CustomAuthorityRecord;
import io.graphyne.chainstore.GlobalProperties;
import io.graphyne.chainstore.ProposalRecord;
import io.graphyne.chainstore.WitnessRecord;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.validation.ValidationError;
import io.graphyne.protocol.validation.OperationValidator;
import io.graphyne.protocol.validation.RestrictionTypes;
import io.graphyne.protocol.types.CustomAuthorityOptionsType;
import io.graphyne.protocol.codec.Codec;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.FcReader;
import io.graphyne.protocol.codec.FcWriter;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.protocol.ops.AccountTransferOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.ops.AccountUpdateOperation;
import io.graphyne.protocol.ops.CommitteeMemberUpdateGlobalParametersOperation;
import io.graphyne.protocol.ops.CustomAuthorityCreateOperation;
import io.graphyne.protocol.ops.CustomAuthorityDeleteOperation;
import io.graphyne.protocol.ops.CustomAuthorityUpdateOperation;
import io.graphyne.protocol.ops.LimitOrderCreateOperation;
import io.graphyne.protocol.ops.LimitOrderUpdateOperation;
import io.graphyne.protocol.ops.CreditDealUpdateOperation;
import io.graphyne.protocol.ops.CreditOfferCreateOperation;
import io.graphyne.protocol.ops.SametFundCreateOperation;
import io.graphyne.protocol.ops.LiquidityPoolUpdateOperation;
import io.graphyne.protocol.ops.LiquidityPoolCreateOperation;
import io.graphyne.protocol.ops.TicketCreateOperation;
import io.graphyne.protocol.ops.ProposalCreateOperation;
import io.graphyne.protocol.ops.ProposalDeleteOperation;
import io.graphyne.protocol.ops.ProposalUpdateOperation;
import io.graphyne.protocol.ops.WitnessCreateOperation;
import io.graphyne.protocol.ops.WitnessUpdateOperation;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.OpWrapper;
import io.graphyne.protocol.types.Restriction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Authority checks and the state transitions of spec/authority.md §7.2 (rule T9 as far as the
 * light node's state allows): account_create (id assignment, also inside proposals),
 * account_update, witness_create/update, proposals (create, update, delete, execution on approval
 * and at expiry, judged with the authorities current at that moment), BSIP40 custom authorities,
 * and committee parameter updates (pending until maintenance). Every other operation changes no
 * tracked state; its effects are trusted ({@link Trust#OPERATION_EFFECTS}).
 */
final class Evaluator {
  static final ObjectId COMMITTEE = ObjectId.account(0);
  static final ObjectId WITNESS_ACCOUNT = ObjectId.account(1);
  static final ObjectId RELAXED_COMMITTEE = ObjectId.account(2);
  static final ObjectId TEMP = ObjectId.account(4);
  private static final Codec<Operation> OPERATION = Codecs.forType("operation");
  private static final Codec<List<Restriction>> RESTRICTIONS = Codecs.forType("vector<restriction>");

  /** Failure of a state check (rule T9). */
  static final class OpFailure extends Exception {
    OpFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** Per-transaction context: state, head values, rules, and what was trusted. */
  static final class Ctx {
    final StateSession s;
    final long headTime;
    final GlobalProperties gp;
    final HardforkSchedule.Rules rules;
    final EnumSet<Trust> trusted;
    int proposalDepth;

    Ctx(StateSession s, long headTime, GlobalProperties gp, HardforkSchedule.Rules rules, EnumSet<Trust> trusted) {
      this.s = s;
      this.headTime = headTime;
      this.gp = gp;
      this.rules = rules;
      this.trusted = trusted;
    }

    ChainParameters params() {
      return gp.parameters();
    }
  }

  private Evaluator() {}

  // ---- authority ---------------------------------------------------------------------------

  /**
   * verify_authority for transaction operations (or proposal execution with {@code base}). After
   * the BSIP40 hardfork the custom authorities in the store take part, their restrictions
   * evaluated by {@link io.graphyne.authority.RestrictionPredicate}; if a predicate cannot be
   * evaluated, the custom authority is assumed to accept and {@link
   * Trust#CUSTOM_AUTHORITY_RESTRICTIONS} is recorded.
   */
  static Verdict checkAuthority(Ctx c, List<Operation> ops, List<PublicKey> keys, CheckParams base) {
    Verdict v;
    List<CustomAuthority> caas = c.rules.customAuthoritiesActive() ? customAuthorities(c) : List.of();
    if (caas.isEmpty()) {
      v = AuthorityChecker.verifyOperations(ops, c.rules.ignoreCustomOperationRequiredAuths(), keys, c.s, base);
    } else {
      List<OpRequirement> reqs = RecordOpFields.requirements(ops, c.rules.ignoreCustomOperationRequiredAuths());
      Instant now = Instant.ofEpochSecond(c.headTime);
      try {
        v = AuthorityChecker.verify(reqs, keys, c.s, base.withCustomAuthorities(new CustomAuthorities(caas, now, c.rules)));
      } catch (RuntimeException e) {
        v = AuthorityChecker.verify(reqs, keys, c.s, base.withCustomAuthorities(trusting(caas, now)));
        if (v.valid()) {
          c.trusted.add(Trust.CUSTOM_AUTHORITY_RESTRICTIONS);
        }
      }
    }
    if (v.valid() && touchesVoteDerived(v)) {
      c.trusted.add(Trust.VOTE_DERIVED_AUTHORITY);
    }
    return v;
  }

  private static final ObjectId[] VOTE_DERIVED = {COMMITTEE, WITNESS_ACCOUNT, RELAXED_COMMITTEE};

  private static boolean touchesVoteDerived(Verdict v) {
    for (ObjectId id : VOTE_DERIVED) {
      if (v.requiredActive().contains(id) || v.requiredOwner().contains(id)) {
        return true;
      }
    }
    return false;
  }

  private static List<CustomAuthority> customAuthorities(Ctx c) {
    List<CustomAuthority> out = new ArrayList<>();
    c.s.changes().forEachCustomAuthority(r -> {
      out.add(new CustomAuthority(r.id(), r.account(), r.enabled(), Instant.ofEpochSecond(r.validFrom()),
          Instant.ofEpochSecond(r.validTo()), r.operationType(), r.auth(), restrictions(r.restrictions())));
      return true;
    });
    return out;
  }

  /** Valid custom authorities of the account and type, restrictions not evaluated. */
  private static CustomAuthorityLookup trusting(List<CustomAuthority> caas, Instant now) {
    return (account, req) -> {
      List<Authority> out = new ArrayList<>();
      for (CustomAuthority ca : caas) {
        if (ca.account().equals(account) && ca.operationType() == req.tag() && ca.isValid(now)) {
          out.add(ca.auth());
        }
      }
      return out;
    };
  }

  // ---- operations --------------------------------------------------------------------------

  /** Evaluates and applies one operation; throws OpFailure when a state check fails. */
  static void apply(Ctx c, Operation op) throws OpFailure {
    if (op instanceof AccountCreateOperation o) {
      accountCreate(c, o);
    } else if (op instanceof AccountUpdateOperation o) {
      accountUpdate(c, o);
    } else if (op instanceof WitnessCreateOperation o) {
      witnessCreate(c, o);
    } else if (op instanceof WitnessUpdateOperation o) {
      witnessUpdate(c, o);
    } else if (op instanceof ProposalCreateOperation o) {
      proposalCreate(c, o);
    } else if (op instanceof ProposalUpdateOperation o) {
      proposalUpdate(c, o);
    } else if (op instanceof ProposalDeleteOperation o) {
      proposalDelete(c, o);
    } else if (op instanceof CustomAuthorityCreateOperation o) {
      caaCreate(c, o);
    } else if (op instanceof CustomAuthorityUpdateOperation o) {
      caaUpdate(c, o);
    } else if (op instanceof CustomAuthorityDeleteOperation o) {
      caaDelete(c, o);
    } else if (op instanceof CommitteeMemberUpdateGlobalParametersOperation o) {
      parameters(c, o);
    } else if (op instanceof AccountTransferOperation) {
      throw new OpFailure("account_transfer has no evaluator");
    } else {
      evaluatorGate(c, op);
      c.trusted.add(Trust.OPERATION_EFFECTS);
    }
  }

  /**
   * The hardfork assertions bitshares-core's evaluators make on their own, for operations whose
   * effects the light node otherwise takes on trust: an operation kind (or extension) that the
   * evaluator refuses before its hardfork is refused here too, with core's message. The other
   * operations of those families (deposit, repay, delete, ...) need an object only the enabled
   * kinds create, and are trusted with their effects.
   */
  static void evaluatorGate(Ctx c, Operation op) throws OpFailure {
    String message;
    if (op instanceof TicketCreateOperation) {
      message = "Not allowed until hardfork 2103";
    } else if (op instanceof LiquidityPoolCreateOperation) {
      message = "Not allowed until the LP hardfork";
    } else if (op instanceof LiquidityPoolUpdateOperation) {
      message = "Not allowed until the core-2604 hardfork";
    } else if (op instanceof SametFundCreateOperation) {
      message = "Not allowed until the core-2351 hardfork";
    } else if (op instanceof CreditOfferCreateOperation) {
      message = "Not allowed until the core-2362 hardfork";
    } else if (op instanceof CreditDealUpdateOperation) {
      message = "Not allowed until the core-2595 hardfork";
    } else if (op instanceof LimitOrderUpdateOperation) {
      message = "Operation has not activated yet";
    } else if (op instanceof LimitOrderCreateOperation o && o.extensions() != null && o.extensions().onFill() != null) {
      gate(c.rules.schedule().passed(Hardfork.CORE_2535, Instant.ofEpochSecond(c.headTime)),
          "The on_fill extension is not allowed until the core-2535 hardfork");
      gate(o.extensions().onFill().size() == 1,
          "The on_fill action list must contain only one action until expanded in a future hardfork");
      return;
    } else {
      return; // the common case (transfers, orders, ...): nothing to check
    }
    // the evaluators assert the same hardfork that enables the operation kind (hardfork_visitor)
    gate(operationForkedIn(op.tag(), c), message);
  }

  private static void gate(boolean passed, String message) throws OpFailure {
    if (!passed) {
      throw new OpFailure(message);
    }
  }

  private static AccountRecord requireAccount(Ctx c, ObjectId id, String what) throws OpFailure {
    Optional<AccountRecord> a = c.s.account(id);
    if (a.isEmpty()) {
      throw new OpFailure(what + " " + id + " does not exist");
    }
    return a.get();
  }

  private static void checkMembers(Ctx c, Authority a, String what) throws OpFailure {
    int members = a.accountAuths().size() + a.keyAuths().size() + a.addressAuths().size();
    if (members > c.params().maximumAuthorityMembership()) {
      throw new OpFailure(what + " has " + members + " members, more than maximum_authority_membership "
          + c.params().maximumAuthorityMembership());
    }
    for (ObjectId m : a.accountAuths().keySet()) {
      if (c.s.account(m).isEmpty()) {
        throw new OpFailure(what + " names account " + m + ", which does not exist");
      }
    }
  }

  private static int specialFlags(StaticVariant owner, StaticVariant active, int old) {
    int flags = old;
    if (owner != null) {
      flags = owner.tag() == 1 ? flags | AccountRecord.SPECIAL_OWNER : flags & ~AccountRecord.SPECIAL_OWNER;
    }
    if (active != null) {
      flags = active.tag() == 1 ? flags | AccountRecord.SPECIAL_ACTIVE : flags & ~AccountRecord.SPECIAL_ACTIVE;
    }
    return flags;
  }

  private static void accountCreate(Ctx c, AccountCreateOperation o) throws OpFailure {
    requireAccount(c, o.registrar(), "registrar");
    if (c.s.accountIdByName(o.name()).isPresent()) {
      throw new OpFailure("account name '" + o.name() + "' is taken");
    }
    checkMembers(c, o.owner(), "owner");
    checkMembers(c, o.active(), "active");
    int flags = o.extensions() == null ? 0
        : specialFlags(o.extensions().ownerSpecialAuthority(), o.extensions().activeSpecialAuthority(), 0);
    ObjectId id = ObjectId.account(c.s.next(Genesis.NEXT_ACCOUNT));
    c.s.putAccount(new AccountRecord(id, o.name(), o.owner(), o.active(), o.options().memoKey(), flags));
    c.trusted.add(Trust.OPERATION_EFFECTS);
  }

  private static void accountUpdate(Ctx c, AccountUpdateOperation o) throws OpFailure {
    AccountRecord a = requireAccount(c, o.account(), "account");
    Authority owner = a.owner();
    Authority active = a.active();
    if (o.owner() != null) {
      checkMembers(c, o.owner(), "owner");
      owner = o.owner();
    }
    if (o.active() != null) {
      checkMembers(c, o.active(), "active");
      active = o.active();
    }
    PublicKey memo = o.newOptions() == null ? a.memoKey() : o.newOptions().memoKey();
    int flags = o.extensions() == null ? a.specialAuthorityFlags()
        : specialFlags(o.extensions().ownerSpecialAuthority(), o.extensions().activeSpecialAuthority(), a.specialAuthorityFlags());
    c.s.putAccount(new AccountRecord(a.id(), a.name(), owner, active, memo, flags));
    if (o.newOptions() != null) {
      c.trusted.add(Trust.OPERATION_EFFECTS); // votes: tallied by the trusted source
    }
  }

  private static void witnessCreate(Ctx c, WitnessCreateOperation o) throws OpFailure {
    requireAccount(c, o.witnessAccount(), "witness_account");
    ObjectId id = ObjectId.witness(c.s.next(Genesis.NEXT_WITNESS));
    c.s.putWitness(new WitnessRecord(id, o.witnessAccount(), o.blockSigningKey(), 0));
    c.trusted.add(Trust.OPERATION_EFFECTS); // lifetime membership of the owner is not tracked
  }

  private static void witnessUpdate(Ctx c, WitnessUpdateOperation o) throws OpFailure {
    Optional<WitnessRecord> w = c.s.witness(o.witness());
    if (w.isEmpty()) {
      throw new OpFailure("witness " + o.witness() + " does not exist");
    }
    if (!w.get().witnessAccount().equals(o.witnessAccount())) {
      throw new OpFailure("witness " + o.witness() + " belongs to " + w.get().witnessAccount() + ", not " + o.witnessAccount());
    }
    if (o.newSigningKey() != null) {
      WitnessRecord x = w.get();
      c.s.putWitness(new WitnessRecord(x.id(), x.witnessAccount(), o.newSigningKey(), x.lastConfirmedBlockNum()));
    }
  }

  // ---- proposals ---------------------------------------------------------------------------

  private static void proposalCreate(Ctx c, ProposalCreateOperation o) throws OpFailure {
    // proposal_operation_hardfork_visitor on the proposal_create itself (nested proposals recursively)
    Optional<String> gate = ProposalHardforkGates.refusal(o, c.rules.schedule(), Instant.ofEpochSecond(c.headTime),
        Instant.ofEpochSecond(nextMaintenanceTime(c)));
    if (gate.isPresent()) {
      throw new OpFailure(gate.get());
    }
    requireAccount(c, o.feePayingAccount(), "fee_paying_account");
    long exp = o.expirationTime().getEpochSecond();
    if (exp <= c.headTime) {
      throw new OpFailure("proposal expiration is not after head time");
    }
    if (exp > c.headTime + c.params().maximumProposalLifetime()) {
      throw new OpFailure("proposal lifetime exceeds maximum_proposal_lifetime");
    }
    if (o.reviewPeriodSeconds() != null && o.reviewPeriodSeconds() >= exp - c.headTime) {
      throw new OpFailure("review period must be shorter than the proposal's lifetime");
    }
    TreeSet<ObjectId> active = new TreeSet<>();
    TreeSet<ObjectId> owner = new TreeSet<>();
    List<Bytes> encoded = new ArrayList<>();
    List<OpRequirement> proposed = new ArrayList<>(o.proposedOps().size());
    long newId = c.s.counter(Genesis.NEXT_PROPOSAL);
    for (OpWrapper w : o.proposedOps()) {
      Operation op = w.op();
      OpRequirement r = RecordOpFields.requirement(op, c.rules.ignoreCustomOperationRequiredAuths());
      if (!r.other().isEmpty()) {
        throw new OpFailure("proposed " + op.operationName() + " requires other authorities");
      }
      active.addAll(r.active());
      owner.addAll(r.owner());
      encoded.add(Bytes.wrap(Codecs.encodeOperation(op)));
      proposed.add(r);
    }
    // HF-214, one proposal_update per level, HF-1479 (recursive): the one place these rules live
    Proposals.NestedCheck nested = Proposals.checkNested(proposed, c.rules, new ObjectId(1, ObjectId.PROPOSAL_TYPE, newId));
    if (!nested.problems().isEmpty()) {
      throw new OpFailure(switch (nested.problems().get(0)) {
        case NESTED_UPDATE_BEFORE_HF214 -> "nested proposal_update before HF-214";
        case MORE_THAN_ONE_UPDATE -> "at most one proposal_update per proposal";
        case TARGETS_SELF_OR_NEWER -> "nested proposal_update/delete must target an older proposal";
        default -> nested.problems().get(0).name();
      });
    }
    if (active.contains(COMMITTEE) || owner.contains(COMMITTEE)) {
      if (o.reviewPeriodSeconds() == null) {
        throw new OpFailure("proposal_create_review_period_required");
      }
      if (o.reviewPeriodSeconds() < c.params().committeeProposalReviewPeriod()) {
        throw new OpFailure("proposal_create_review_period_insufficient");
      }
    }
    active.removeAll(owner);
    if (nested.poisoned()) {
      // At or before HF-1479 a nested update/delete of this proposal or a later one is accepted, but
      // core appends an impossible transfer (max supply from the null account) so it can never be
      // approved (proposal_evaluator.cpp; mainnet proposal 1.10.17503). The required approvals stay
      // those of the proposed operations.
      encoded.add(Bytes.wrap(Codecs.encodeOperation(POISON)));
    }
    ObjectId id = new ObjectId(1, ObjectId.PROPOSAL_TYPE, c.s.next(Genesis.NEXT_PROPOSAL));
    Optional<Long> review = o.reviewPeriodSeconds() == null ? Optional.empty() : Optional.of(exp - o.reviewPeriodSeconds());
    c.s.putProposal(new ProposalRecord(id, o.feePayingAccount(), exp, review, encoded, active, new TreeSet<>(), owner,
        new TreeSet<>(), new TreeSet<>()));
  }

  /**
   * The head's {@code next_maintenance_time}: the dynamic properties before the block being applied
   * (a block's own values are written after its transactions), or the head time if there are none.
   */
  static long nextMaintenanceTime(Ctx c) {
    return c.s.changes().dynamicProperties().map(io.graphyne.chainstore.DynamicProperties::nextMaintenanceTime).orElse(c.headTime);
  }

  /** GRAPHENE_MAX_SHARE_SUPPLY of the core asset from 1.2.3 (null) to 1.2.2 (relaxed committee). */
  static final TransferOperation POISON = new TransferOperation(new Asset(0, ObjectId.asset(0)), ObjectId.account(3),
      ObjectId.account(2), new Asset(1_000_000_000_000_000L, ObjectId.asset(0)), null, List.of());

  private static ProposalRecord requireProposal(Ctx c, ObjectId id) throws OpFailure {
    return c.s.proposal(id).orElseThrow(() -> new OpFailure("proposal " + id + " does not exist"));
  }

  private static void proposalUpdate(Ctx c, ProposalUpdateOperation o) throws OpFailure {
    ProposalRecord p = requireProposal(c, o.proposal());
    boolean inReview = p.reviewPeriodTime().isPresent() && c.headTime >= p.reviewPeriodTime().get();
    if (inReview && (!o.activeApprovalsToAdd().isEmpty() || !o.ownerApprovalsToAdd().isEmpty())) {
      throw new OpFailure("approvals cannot be added during the review period");
    }
    TreeSet<ObjectId> act = new TreeSet<>(p.availableActiveApprovals());
    TreeSet<ObjectId> own = new TreeSet<>(p.availableOwnerApprovals());
    TreeSet<PublicKey> keys = new TreeSet<>(p.availableKeyApprovals());
    for (ObjectId id : o.activeApprovalsToAdd()) {
      requireAccount(c, id, "approving account");
      act.add(id);
    }
    for (ObjectId id : o.ownerApprovalsToAdd()) {
      requireAccount(c, id, "approving account");
      own.add(id);
    }
    keys.addAll(o.keyApprovalsToAdd());
    for (ObjectId id : o.activeApprovalsToRemove()) {
      if (!act.remove(id)) {
        throw new OpFailure("active approval " + id + " to remove is not present");
      }
    }
    for (ObjectId id : o.ownerApprovalsToRemove()) {
      if (!own.remove(id)) {
        throw new OpFailure("owner approval " + id + " to remove is not present");
      }
    }
    for (PublicKey k : o.keyApprovalsToRemove()) {
      if (!keys.remove(k)) {
        throw new OpFailure("key approval to remove is not present");
      }
    }
    ProposalRecord updated = new ProposalRecord(p.id(), p.proposer(), p.expirationTime(), p.reviewPeriodTime(),
        p.operations(), p.requiredActiveApprovals(), act, p.requiredOwnerApprovals(), own, keys);
    c.s.putProposal(updated);
    if (p.reviewPeriodTime().isEmpty() && authorizedToExecute(c, updated)) {
      execute(c, updated); // failure leaves the proposal in place; the transaction still succeeds
    }
  }

  private static void proposalDelete(Ctx c, ProposalDeleteOperation o) throws OpFailure {
    ProposalRecord p = requireProposal(c, o.proposal());
    SortedSet<ObjectId> required = o.usingOwnerAuthority() ? p.requiredOwnerApprovals() : p.requiredActiveApprovals();
    if (!required.contains(o.feePayingAccount())) {
      throw new OpFailure(o.feePayingAccount() + " is not a required " + (o.usingOwnerAuthority() ? "owner" : "active")
          + " approval of " + p.id());
    }
    c.s.removeProposal(p.id());
  }

  static List<Operation> operations(ProposalRecord p) {
    List<Operation> ops = new ArrayList<>(p.operations().size());
    for (Bytes b : p.operations()) {
      FcReader r = new FcReader(b.unsafeArray());
      ops.add(OPERATION.read(r));
      r.expectEnd();
    }
    return ops;
  }

  /** {@code is_authorized_to_execute}: verify_authority with the approvals, committee allowed. */
  static boolean authorizedToExecute(Ctx c, ProposalRecord p) {
    CheckParams params = CheckParams.forProposal(c.rules, c.params().maxAuthorityDepth(),
        p.availableActiveApprovals(), p.availableOwnerApprovals());
    Verdict v = checkAuthority(c, operations(p), new ArrayList<>(p.availableKeyApprovals()), params);
    return v.valid();
  }

  /**
   * {@code push_proposal}: applies the proposed operations in a nested session and removes the
   * proposal; on a failed state check everything is rolled back and false returned.
   */
  static boolean execute(Ctx c, ProposalRecord p) {
    if (c.proposalDepth >= 2 * Math.max(1, c.gp.activeWitnesses().size())) {
      return false; // undo_session_nesting_guard
    }
    int mark = c.s.mark();
    c.proposalDepth++;
    try {
      for (Operation op : operations(p)) {
        apply(c, op);
      }
      c.s.removeProposal(p.id());
      c.trusted.add(Trust.PROPOSAL_EXECUTION);
      return true;
    } catch (OpFailure | RuntimeException e) {
      c.s.rollbackTo(mark);
      return false;
    } finally {
      c.proposalDepth--;
    }
  }

  /** {@code clear_expired_proposals} at the end of a block (head time = the new block's time). */
  static void clearExpiredProposals(Ctx c) {
    List<ProposalRecord> expired = new ArrayList<>();
    c.s.changes().forEachProposal(p -> {
      if (p.expirationTime() <= c.headTime) {
        expired.add(p);
      }
      return true;
    });
    expired.sort((a, b) -> a.expirationTime() != b.expirationTime()
        ? Long.compare(a.expirationTime(), b.expirationTime()) : a.id().compareTo(b.id()));
    for (ProposalRecord p0 : expired) {
      Optional<ProposalRecord> cur = c.s.proposal(p0.id());
      if (cur.isEmpty()) {
        continue; // removed by an earlier execution
      }
      ProposalRecord p = cur.get();
      boolean done = authorizedToExecute(c, p) && execute(c, p);
      if (!done) {
        c.s.removeProposal(p.id());
      }
    }
  }

  // ---- custom authorities (BSIP40) ---------------------------------------------------------

  private static void requireCaa(Ctx c, String what) throws OpFailure {
    if (!c.rules.customAuthoritiesActive()) {
      throw new OpFailure(what + " before the BSIP40 hardfork");
    }
  }

  private static Bytes restrictions(List<Restriction> list) {
    FcWriter w = new FcWriter(64);
    RESTRICTIONS.write(w, list);
    return Bytes.wrap(w.toByteArray());
  }

  /** A stored custom authority's restrictions, in id order. */
  static List<Restriction> restrictionsOf(CustomAuthorityRecord r) {
    return restrictions(r.restrictions());
  }

  private static List<Restriction> restrictions(Bytes b) {
    FcReader r = new FcReader(b.unsafeArray());
    return RESTRICTIONS.read(r);
  }

  /**
   * The committee's {@code custom_authority_options} in the current chain parameters (an extension
   * of the fc::raw parameters the store keeps), or null while they are not set.
   */
  static CustomAuthorityOptionsType caaOptions(Ctx c) {
    Bytes raw = c.params().raw();
    if (raw.length() == 0) {
      return null;
    }
    io.graphyne.protocol.types.ChainParameters p =
        Codecs.decode(io.graphyne.protocol.types.ChainParameters.class, raw.unsafeArray());
    return p.extensions() == null ? null : p.extensions().customAuthorityOptions();
  }

  /**
   * bitshares-core's {@code hardfork_visitor} (hardfork_visitor.hpp): whether an operation type
   * exists at the head time. Types before custom_authority_create (tag 54) always do.
   */
  static boolean operationForkedIn(long tag, Ctx c) {
    HardforkSchedule s = c.rules.schedule();
    Instant now = Instant.ofEpochSecond(c.headTime);
    if (tag < 54) {
      return tag >= 0;
    }
    Hardfork hf;
    if (tag <= 56) {
      return c.rules.customAuthoritiesActive(); // BSIP 40
    } else if (tag <= 58) {
      hf = Hardfork.CORE_2103; // tickets
    } else if (tag <= 63) {
      hf = Hardfork.LIQUIDITY_POOL;
    } else if (tag <= 68) {
      hf = Hardfork.CORE_2351; // SameT funds
    } else if (tag <= 74) {
      hf = Hardfork.CORE_2362; // credit offers, deal repay, deal expired
    } else if (tag == 75) {
      hf = Hardfork.CORE_2604; // liquidity_pool_update
    } else if (tag == 76) {
      hf = Hardfork.CORE_2595; // credit_deal_update
    } else if (tag == 77) {
      hf = Hardfork.CORE_1604; // limit_order_update
    } else {
      return false;
    }
    return s.passed(hf, now);
  }

  /** {@code custom_authority_create_evaluator} (custom_authority_evaluator.cpp): checks, then ids from 0. */
  private static void caaCreate(Ctx c, CustomAuthorityCreateOperation o) throws OpFailure {
    requireCaa(c, "custom_authority_create");
    requireAccount(c, o.account(), "account"); // special accounts are refused by validate() (T1)
    CustomAuthorityOptionsType config = caaOptions(c);
    if (config == null) {
      throw new OpFailure("Cannot use custom authorities yet: global configuration not set");
    }
    long validTo = o.validTo().getEpochSecond();
    if (validTo <= c.headTime) {
      throw new OpFailure("Custom authority expiration must be in the future");
    }
    if (validTo - c.headTime > config.maxCustomAuthorityLifetimeSeconds()) {
      throw new OpFailure("Custom authority lifetime exceeds maximum limit");
    }
    if (!operationForkedIn(o.operationType(), c)) {
      throw new OpFailure("Cannot create custom authority for operation which is not valid yet");
    }
    if (RestrictionTypes.restrictionCount(o.restrictions()) > config.maxCustomAuthorityRestrictions()) {
      throw new OpFailure("Custom authority has more than the maximum number of restrictions");
    }
    for (ObjectId m : o.auth().accountAuths().keySet()) {
      requireAccount(c, m, "custom authority member");
    }
    long[] counts = new long[2]; // this account's, this account's for this operation type
    c.s.changes().forEachCustomAuthority(r -> {
      if (r.account().equals(o.account())) {
        counts[0]++;
        if (r.operationType() == o.operationType()) {
          counts[1]++;
        }
      }
      return true;
    });
    if (counts[0] >= config.maxCustomAuthoritiesPerAccount()) {
      throw new OpFailure("Cannot create custom authority: account already has maximum number");
    }
    if (counts[1] >= config.maxCustomAuthoritiesPerAccountOp()) {
      throw new OpFailure("Cannot create custom authority: account already has maximum number for this operation type");
    }
    ObjectId id = new ObjectId(1, 17, c.s.next(Genesis.NEXT_CUSTOM_AUTHORITY));
    c.s.putCustomAuthority(new CustomAuthorityRecord(id, o.account(), o.enabled(), o.validFrom().getEpochSecond(),
        validTo, (int) o.operationType(), o.auth(), restrictions(o.restrictions())));
  }

  /**
   * {@code custom_authority_update_evaluator}: restrictions are removed by their ids (not by
   * position) and added with ids from the authority's counter, as core's
   * {@code flat_map<uint16_t, restriction>} does; the evaluator's checks in core's order.
   */
  private static void caaUpdate(Ctx c, CustomAuthorityUpdateOperation o) throws OpFailure {
    requireCaa(c, "custom_authority_update");
    CustomAuthorityRecord r = c.s.customAuthority(o.authorityToUpdate())
        .orElseThrow(() -> new OpFailure("custom authority " + o.authorityToUpdate() + " does not exist"));
    if (!r.account().equals(o.account())) {
      throw new OpFailure("Cannot update a different account's custom authority");
    }
    if (o.newEnabled() != null && o.newEnabled() == r.enabled()) {
      throw new OpFailure("Custom authority update specifies an enabled flag, but flag is not changed");
    }
    CustomAuthorityOptionsType config = caaOptions(c);
    long validFrom = r.validFrom();
    long validTo = r.validTo();
    if (o.newValidFrom() != null) {
      if (o.newValidFrom().getEpochSecond() == r.validFrom()) {
        throw new OpFailure("Custom authority update specifies a new valid from date, but date is not changed");
      }
      validFrom = o.newValidFrom().getEpochSecond();
    }
    if (o.newValidTo() != null) {
      long to = o.newValidTo().getEpochSecond();
      if (to == r.validTo()) {
        throw new OpFailure("Custom authority update specifies a new valid to date, but date is not changed");
      }
      if (to <= c.headTime) {
        throw new OpFailure("Custom authority expiration must be in the future");
      }
      if (config == null) { // core dereferences the unset optional here: the operation fails
        throw new OpFailure("Cannot use custom authorities: global configuration not set");
      }
      if (to - c.headTime > config.maxCustomAuthorityLifetimeSeconds()) {
        throw new OpFailure("Custom authority lifetime exceeds maximum limit");
      }
      validTo = to;
    }
    if (validFrom >= validTo) {
      throw new OpFailure("Custom authority validity begin date must be before expiration date");
    }
    if (o.newAuth() != null) {
      if (o.newAuth().equals(r.auth())) {
        throw new OpFailure("Custom authority update specifies a new authentication authority, but authority is not changed");
      }
      for (ObjectId m : o.newAuth().accountAuths().keySet()) {
        requireAccount(c, m, "custom authority member");
      }
    }
    List<Restriction> old = restrictions(r.restrictions());
    List<Integer> oldIds = r.restrictionIds();
    Set<Integer> remove = new java.util.TreeSet<>(o.restrictionsToRemove());
    for (int rid : remove) {
      if (!oldIds.contains(rid)) {
        throw new OpFailure("Cannot remove restriction ID " + rid + ": ID not found");
      }
    }
    // core's wrap-around assertion adds in size_t and cannot fail; the counter itself is a uint16
    long count = RestrictionTypes.restrictionCount(o.restrictionsToAdd());
    for (int i = 0; i < old.size(); i++) {
      if (!remove.contains(oldIds.get(i))) {
        count += RestrictionTypes.restrictionCount(List.of(old.get(i)));
      }
    }
    if (config == null) {
      throw new OpFailure("Cannot use custom authorities: global configuration not set");
    }
    if (count > config.maxCustomAuthorityRestrictions()) {
      throw new OpFailure("Cannot update custom authority: updated authority would exceed the maximum number of restrictions");
    }
    ValidationError typeError = OperationValidator.restrictionsToAdd(o, r.operationType());
    if (typeError != null) {
      throw new OpFailure(typeError.toString());
    }
    // apply: erase by id, then insert with counter++ (a flat_map insert keeps an existing id)
    java.util.TreeMap<Integer, Restriction> byId = new java.util.TreeMap<>();
    for (int i = 0; i < old.size(); i++) {
      byId.put(oldIds.get(i), old.get(i));
    }
    remove.forEach(byId::remove);
    int counter = r.restrictionCounter();
    for (Restriction add : o.restrictionsToAdd()) {
      byId.putIfAbsent(counter, add);
      counter = (counter + 1) & 0xffff;
    }
    c.s.putCustomAuthority(new CustomAuthorityRecord(r.id(), r.account(),
        o.newEnabled() == null ? r.enabled() : o.newEnabled(), validFrom, validTo,
        r.operationType(), o.newAuth() == null ? r.auth() : o.newAuth(), restrictions(new ArrayList<>(byId.values())),
        new ArrayList<>(byId.keySet()), counter));
  }

  private static void caaDelete(Ctx c, CustomAuthorityDeleteOperation o) throws OpFailure {
    requireCaa(c, "custom_authority_delete");
    CustomAuthorityRecord r = c.s.customAuthority(o.authorityToDelete())
        .orElseThrow(() -> new OpFailure("custom authority " + o.authorityToDelete() + " does not exist"));
    if (!r.account().equals(o.account())) {
      throw new OpFailure("custom authority belongs to " + r.account());
    }
    c.s.removeCustomAuthority(r.id());
  }

  /** {@code delete_expired_custom_auths} at maintenance. */
  static void deleteExpiredCustomAuthorities(Ctx c) {
    List<ObjectId> expired = new ArrayList<>();
    c.s.changes().forEachCustomAuthority(r -> {
      if (r.validTo() < c.headTime) {
        expired.add(r.id());
      }
      return true;
    });
    expired.forEach(c.s::removeCustomAuthority);
  }

  private static void parameters(Ctx c, CommitteeMemberUpdateGlobalParametersOperation o) {
    GlobalProperties g = c.s.globalProperties();
    c.s.putGlobalProperties(new GlobalProperties(g.parameters(), Optional.of(Genesis.parameters(o.newParameters())),
        g.activeWitnesses()));
  }
}
