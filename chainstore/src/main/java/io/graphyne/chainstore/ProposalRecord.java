package io.graphyne.chainstore;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A proposal 1.10.N. Operations are kept as their fc::raw bytes (static_variant tag included), so
 * the store does not depend on the operation records.
 */
public record ProposalRecord(
    ObjectId id,
    ObjectId proposer,
    long expirationTime,
    Optional<Long> reviewPeriodTime,
    List<Bytes> operations,
    SortedSet<ObjectId> requiredActiveApprovals,
    SortedSet<ObjectId> availableActiveApprovals,
    SortedSet<ObjectId> requiredOwnerApprovals,
    SortedSet<ObjectId> availableOwnerApprovals,
    SortedSet<PublicKey> availableKeyApprovals) {
  public ProposalRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(proposer, "proposer");
    Objects.requireNonNull(reviewPeriodTime, "reviewPeriodTime");
    operations = List.copyOf(operations);
    requiredActiveApprovals = frozen(requiredActiveApprovals);
    availableActiveApprovals = frozen(availableActiveApprovals);
    requiredOwnerApprovals = frozen(requiredOwnerApprovals);
    availableOwnerApprovals = frozen(availableOwnerApprovals);
    availableKeyApprovals = frozen(availableKeyApprovals);
  }

  private static <T extends Comparable<T>> SortedSet<T> frozen(SortedSet<T> s) {
    return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(s));
  }
}
