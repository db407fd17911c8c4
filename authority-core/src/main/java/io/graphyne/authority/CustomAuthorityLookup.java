package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.types.Authority;
import java.util.List;

/**
 * BSIP40 hook (spec/authority.md §4): the custom active authorities of {@code account} that are
 * valid now and whose restrictions accept the operation, in object-id order. Before the BSIP40
 * hardfork, and on chains without custom authorities, this is {@link #NONE}.
 */
@FunctionalInterface
public interface CustomAuthorityLookup {
  CustomAuthorityLookup NONE = (account, requirement) -> List.of();

  List<Authority> viable(ObjectId account, OpRequirement requirement);
}
