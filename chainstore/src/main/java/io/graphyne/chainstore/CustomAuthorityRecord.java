package io.graphyne.chainstore;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.types.Authority;
import java.util.Objects;

/** A custom active authority 1.17.N (BSIP40); restrictions kept as fc::raw bytes. */
public record CustomAuthorityRecord(
    ObjectId id,
    ObjectId account,
    boolean enabled,
    long validFrom,
    long validTo,
    int operationType,
    Authority auth,
    Bytes restrictions) {
  public CustomAuthorityRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(restrictions, "restrictions");
  }
}
