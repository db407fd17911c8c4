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
 * @param used signer keys that were looked at and matched, in address order
 * @param unused signer keys never used, in address order (non-empty makes irrelevant_sig)
 */
public record Verdict(
    AuthError error,
    ObjectId failedAccount,
    List<PublicKey> signers,
    List<PublicKey> used,
    List<PublicKey> unused,
    SortedSet<ObjectId> requiredActive,
    SortedSet<ObjectId> requiredOwner) {

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
