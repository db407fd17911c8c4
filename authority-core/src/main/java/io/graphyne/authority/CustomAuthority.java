package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.Restriction;
import java.time.Instant;
import java.util.List;

/**
 * A {@code custom_authority_object} (1.17.x, BSIP40): an alternative active authority of
 * {@code account} for one operation type, valid when {@code enabled && valid_from <= now <
 * valid_to} and the restrictions accept the operation.
 */
public record CustomAuthority(
    ObjectId id,
    ObjectId account,
    boolean enabled,
    Instant validFrom,
    Instant validTo,
    int operationType,
    Authority auth,
    List<Restriction> restrictions) {

  public CustomAuthority {
    restrictions = List.copyOf(restrictions);
  }

  public boolean isValid(Instant now) {
    return enabled && !now.isBefore(validFrom) && now.isBefore(validTo);
  }
}
