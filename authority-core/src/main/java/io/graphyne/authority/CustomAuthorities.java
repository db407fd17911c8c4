package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.types.Authority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code get_viable_custom_authorities} over a set of custom authority objects at a head time:
 * the valid ones of the account for the operation's type, in object-id order, whose restrictions
 * accept the operation. Inert (empty) before the BSIP40 hardfork, as on mainnet today.
 */
public final class CustomAuthorities implements CustomAuthorityLookup {
  private final List<CustomAuthority> all;
  private final Instant now;
  private final boolean active;

  public CustomAuthorities(List<CustomAuthority> authorities, Instant headTime, HardforkSchedule.Rules rules) {
    List<CustomAuthority> sorted = new ArrayList<>(authorities);
    sorted.sort(Comparator.comparing(CustomAuthority::id));
    this.all = List.copyOf(sorted);
    this.now = headTime;
    this.active = rules.customAuthoritiesActive();
  }

  @Override
  public List<Authority> viable(ObjectId account, OpRequirement requirement) {
    if (!active || all.isEmpty()) {
      return List.of();
    }
    List<Authority> out = new ArrayList<>(1);
    for (CustomAuthority ca : all) {
      if (ca.account().equals(account)
          && ca.operationType() == requirement.tag()
          && ca.isValid(now)
          && requirement.op() != null
          && requirement.op().getClass().isRecord()
          && RestrictionPredicate.accepts(requirement.op(), ca.restrictions())) {
        out.add(ca.auth());
      }
    }
    return out;
  }
}
