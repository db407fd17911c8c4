package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import java.util.List;
import java.util.SortedSet;

/**
 * The outcome of {@code verify_authority}.
 *
 * @param error null when valid
 * @param failedAccount the account whose authority was missing (missing_active / missing_owner),
 *     or 1.2.0 for invalid_committee_approval; null otherwise
 * @param signers the signer keys as given (duplicates kept)
 * @param used signer keys that were looked at and matched (the accessor returns them in address
 *     order, sorting on demand: the chain's hot path only asks {@link #valid()})
 * @param unused signer keys never used (non-empty makes irrelevant_sig); the accessor returns them
 *     in address order
 */
public record Verdict(
    AuthError error,
    ObjectId failedAccount,
    List<PublicKey> signers,
    List<PublicKey> used,
    List<PublicKey> unused,
    SortedSet<ObjectId> requiredActive,
    SortedSet<ObjectId> requiredOwner) {

  /** Signer keys that were looked at and matched, in address order. */
  @Override
  public List<PublicKey> used() {
    return inAddressOrder(used);
  }

  /** Signer keys never used, in address order. */
  @Override
  public List<PublicKey> unused() {
    return inAddressOrder(unused);
  }

  private static List<PublicKey> inAddressOrder(List<PublicKey> keys) {
    if (keys.size() <= 1) {
      return keys;
    }
    List<PublicKey> sorted = new java.util.ArrayList<>(keys);
    java.util.Collections.sort(sorted);
    return java.util.Collections.unmodifiableList(sorted);
  }

  public boolean valid() {
    return error == null;
  }

  /** Transaction-level failure outside authority logic is not represented here. */
  @Override
  public String toString() {
    return (valid() ? "valid" : error.jsonName() + (failedAccount == null ? "" : " " + failedAccount))
        + " used=" + used.size() + " unused=" + unused.size();
  }
}
