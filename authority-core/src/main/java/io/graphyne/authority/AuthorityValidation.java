package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.types.Authority;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules an authority written by account_create / account_update must follow
 * (spec/authority.md §1.3): non-empty, no address_auths, not impossible (stateless, in validate),
 * at most {@code maximum_authority_membership} members and every member account existing
 * (stateful, in the evaluator).
 */
public final class AuthorityValidation {
  private AuthorityValidation() {}

  /** Why an authority is rejected. */
  public enum Problem {
    EMPTY,
    ADDRESS_AUTHS,
    IMPOSSIBLE,
    MAX_AUTH_EXCEEDED,
    ACCOUNT_NOT_FOUND
  }

  public static final int DEFAULT_MAXIMUM_AUTHORITY_MEMBERSHIP = 10;

  /** {@code is_impossible()}: the uint64 sum of all weights is below the threshold. */
  public static boolean isImpossible(Authority a) {
    long sum = 0;
    for (int w : a.keyAuths().values()) {
      sum += w;
    }
    for (int w : a.accountAuths().values()) {
      sum += w;
    }
    for (int w : a.addressAuths().values()) {
      sum += w;
    }
    return sum < a.weightThreshold();
  }

  public static int numAuths(Authority a) {
    return a.keyAuths().size() + a.accountAuths().size() + a.addressAuths().size();
  }

  /** The first problem of an owner or active authority of an account_create / account_update, if any. */
  public static Optional<Problem> check(Authority a, int maximumAuthorityMembership, Predicate<ObjectId> accountExists) {
    if (numAuths(a) == 0) {
      return Optional.of(Problem.EMPTY);
    }
    if (!a.addressAuths().isEmpty()) {
      return Optional.of(Problem.ADDRESS_AUTHS);
    }
    if (isImpossible(a)) {
      return Optional.of(Problem.IMPOSSIBLE);
    }
    if (numAuths(a) > maximumAuthorityMembership) {
      return Optional.of(Problem.MAX_AUTH_EXCEEDED);
    }
    for (ObjectId id : a.accountAuths().keySet()) {
      if (!accountExists.test(id)) {
        return Optional.of(Problem.ACCOUNT_NOT_FOUND);
      }
    }
    return Optional.empty();
  }
}
