package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.types.Authority;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one operation needs (spec/authority.md §2.2): required-active accounts (fee payer
 * included), required-owner accounts and "other" authorities. {@code op} is the operation itself
 * (a record or JSON), handed to custom-authority predicates; {@code tag} is its operation tag.
 */
public record OpRequirement(
    int tag, Object op, SortedSet<ObjectId> active, SortedSet<ObjectId> owner, List<Authority> other) {

  public OpRequirement {
    active = frozen(active);
    owner = frozen(owner);
    other = List.copyOf(other);
  }

  /** A requirement of active authorities only, with no operation attached. */
  public static OpRequirement active(ObjectId... accounts) {
    return new OpRequirement(-1, null, new TreeSet<>(List.of(accounts)), new TreeSet<>(), List.of());
  }

  /** A requirement of active and owner authorities, with no operation attached. */
  public static OpRequirement of(Set<ObjectId> active, Set<ObjectId> owner, List<Authority> other) {
    return new OpRequirement(-1, null, new TreeSet<>(active), new TreeSet<>(owner), other);
  }

  /** The fee payer's active authority and nothing else: what most operations need. */
  static OpRequirement feePayerOnly(int tag, Object op, ObjectId feePayer) {
    return new OpRequirement(tag, op, IdSet.of(feePayer), IdSet.EMPTY, List.of());
  }

  /**
   * An immutable copy in the set's order: an {@link IdSet} (kept as is, no copy) for sets in the
   * ids' natural order, which is every set the engine builds.
   */
  private static SortedSet<ObjectId> frozen(SortedSet<ObjectId> ids) {
    if (ids instanceof IdSet) {
      return ids;
    }
    if (ids.comparator() != null) {
      return Collections.unmodifiableSortedSet(new TreeSet<>(ids));
    }
    return IdSet.copyOf(ids);
  }
}
