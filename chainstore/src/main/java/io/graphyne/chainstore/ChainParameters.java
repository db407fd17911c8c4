package io.graphyne.chainstore;

import io.graphyne.protocol.Bytes;
import java.util.Objects;

/**
 * The chain parameters the light node checks against (spec/authority.md §7.1), plus the complete
 * fc::raw {@code chain_parameters} bytes (fee schedule, extensions) kept opaque.
 */
public record ChainParameters(
    int blockInterval,
    long maintenanceInterval,
    int maintenanceSkipSlots,
    long maximumTransactionSize,
    long maximumBlockSize,
    long maximumTimeUntilExpiration,
    long maximumProposalLifetime,
    long committeeProposalReviewPeriod,
    int maximumAuthorityMembership,
    int maxAuthorityDepth,
    Bytes raw) {
  public ChainParameters {
    Objects.requireNonNull(raw, "raw");
  }
}
