package io.graphyne.authority;

import io.graphyne.protocol.Address;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;

/**
 * Receives the steps of one authority evaluation, in the order the checker takes them (used by
 * {@link Explain}). All methods default to nothing; the checker does not call a tracer when none
 * is installed.
 */
public interface Tracer {
  /** How an account member of an authority fared. */
  enum MemberOutcome {
    /** Already in the approved set (temp account, proposal approval, or approved earlier). */
    APPROVED_CACHED,
    /** At depth == max_depth and not approved: not expanded. */
    DEPTH_LIMIT,
    /** Expanded and satisfied (its active, or after HF-584 its owner). */
    SATISFIED,
    /** Expanded and not satisfied. */
    NOT_SATISFIED
  }

  /** A top-level requirement starts: kind is custom/other/owner/active. */
  default void requirement(String kind, ObjectId account, int otherIndex) {}

  /** The top-level requirement ended. */
  default void requirementResult(boolean satisfied) {}

  /** The account was already approved at top level, no authority evaluated. */
  default void topLevelApproved(ObjectId account) {}

  /** An authority evaluation starts; account and role are null for "other" authorities. */
  default void beginAuthority(ObjectId account, AuthorityView.Role role, Authority auth, int depth) {}

  default void keyMember(PublicKey key, int weight, boolean signed, long total) {}

  default void addressMember(Address address, int weight, boolean signed, long total) {}

  default void accountMemberBegin(ObjectId account, int weight, int depth) {}

  default void accountMemberEnd(ObjectId account, int weight, MemberOutcome outcome, long total) {}

  default void endAuthority(boolean satisfied, long total) {}
}
