package io.graphyne.chainstore;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import java.util.Objects;

/** A witness 1.6.N: its account, block signing key and last confirmed block. */
public record WitnessRecord(
    ObjectId id, ObjectId witnessAccount, PublicKey signingKey, long lastConfirmedBlockNum) {
  public WitnessRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(witnessAccount, "witnessAccount");
    Objects.requireNonNull(signingKey, "signingKey");
  }
}
