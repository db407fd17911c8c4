package io.graphyne.authority;

import java.time.Instant;

/**
 * The hardfork times that change authority behaviour (spec/authority.md §9, spec/chain.md §7), per
 * chain preset. Every hardfork-dependent decision goes through {@link #at(Instant)}, never through
 * scattered time comparisons. Comparisons follow bitshares-core exactly (some are {@code >=},
 * some strictly {@code >}).
 */
public record HardforkSchedule(
    String name,
    Instant core214,
    Instant core1479,
    Instant core584,
    Instant core1573,
    Instant core210,
    Instant bsip40) {

  /** BitShares mainnet (bitshares-core master; BSIP40 is a 2030 placeholder, i.e. not active). */
  public static HardforkSchedule mainnet() {
    return new HardforkSchedule(
        "mainnet",
        Instant.parse("2018-07-19T14:02:00Z"),
        Instant.parse("2018-12-22T00:00:00Z"),
        Instant.parse("2019-04-23T14:02:00Z"),
        Instant.parse("2019-04-23T14:02:00Z"),
        Instant.parse("2020-07-30T13:55:00Z"),
        Instant.parse("2030-01-01T00:00:00Z"));
  }

  /** BitShares public testnet (the bitshares-core {@code testnet} branch). */
  public static HardforkSchedule testnet() {
    return new HardforkSchedule(
        "testnet",
        Instant.parse("2018-05-19T13:58:00Z"),
        Instant.parse("2018-12-21T20:00:00Z"),
        Instant.parse("2019-02-28T14:02:00Z"),
        Instant.parse("2019-02-28T14:02:00Z"),
        Instant.parse("2019-10-28T13:58:00Z"),
        Instant.parse("2019-10-28T13:58:00Z"));
  }

  /** A chain on which every hardfork is active from the start (devnets, private chains). */
  public static HardforkSchedule allActive() {
    Instant t = Instant.EPOCH;
    return new HardforkSchedule("all-active", t, t, t, t, t, t);
  }

  public static HardforkSchedule byName(String name) {
    return switch (name) {
      case "mainnet", "bitshares", "bts", "BTS" -> mainnet();
      case "testnet", "test", "TEST" -> testnet();
      case "devnet", "private", "all-active" -> allActive();
      default -> throw new IllegalArgumentException("unknown chain preset '" + name + "'");
    };
  }

  /** The rules in force for a head block time. */
  public Rules at(Instant headTime) {
    return new Rules(
        !headTime.isBefore(core584), // HARDFORK_CORE_584_PASSED: head >= HF
        !headTime.isAfter(core210), // MUST_IGNORE_CUSTOM_OP_REQD_AUTHS: head <= HF
        !headTime.isBefore(bsip40), // HARDFORK_BSIP_40_PASSED: head >= HF
        !headTime.isBefore(core214), // nested proposal_update allowed
        headTime.isAfter(core1479), // strict: nested update/delete must target older proposals
        headTime.isAfter(core1573)); // strict: maximum_transaction_size enforced
  }

  /** Hardfork-dependent flags at one head time. */
  public record Rules(
      boolean allowNonImmediateOwner,
      boolean ignoreCustomOperationRequiredAuths,
      boolean customAuthoritiesActive,
      boolean nestedProposalUpdateAllowed,
      boolean strictNestedProposalTargets,
      boolean transactionSizeEnforced) {}
}
