package io.graphyne.authority;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

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
    Instant bsip40,
    Map<Hardfork, Instant> times) {

  /**
   * The further hardforks that gate operations and extension members inside proposals (bitshares-core
   * {@code proposal_evaluator.cpp}, {@code proposal_operation_hardfork_visitor}), named as their
   * {@code hardfork.d/*.hf} files. Most are compared with the head block time ({@code head >= HF});
   * CORE_2281 and CORE_2467 with the next maintenance time, strictly ({@code next_maintenance > HF}).
   */
  public enum Hardfork {
    CORE_1468, CORE_BSIP64, CORE_1774, BSIP_48_75, BSIP_77, BSIP_81, BSIP_85, BSIP_86, CORE_BSIP74, CORE_BSIP87,
    CORE_BSIP_87_74_COLLATFEE, CORE_2103, LIQUIDITY_POOL, CORE_2281, CORE_2467, CORE_2351, CORE_2362, CORE_1604,
    CORE_2535, CORE_2595, CORE_2604
  }

  public HardforkSchedule {
    EnumMap<Hardfork, Instant> m = new EnumMap<>(Hardfork.class);
    m.putAll(times);
    if (m.size() != Hardfork.values().length) {
      throw new IllegalArgumentException(name + ": no time for hardforks " + java.util.EnumSet.complementOf(
          m.isEmpty() ? java.util.EnumSet.noneOf(Hardfork.class) : java.util.EnumSet.copyOf(m.keySet())));
    }
    times = java.util.Collections.unmodifiableMap(m);
  }

  /** The time of a hardfork. */
  public Instant time(Hardfork hf) {
    return times.get(hf);
  }

  /** {@code HARDFORK_x_PASSED(head)}: the head block time is at or after the hardfork. */
  public boolean passed(Hardfork hf, Instant headTime) {
    return !headTime.isBefore(times.get(hf));
  }

  /** {@code HARDFORK_CORE_2281/2467_PASSED(next_maintenance_time)}: strictly after. */
  public boolean passedByNextMaintenance(Hardfork hf, Instant nextMaintenanceTime) {
    return nextMaintenanceTime.isAfter(times.get(hf));
  }

  private static Map<Hardfork, Instant> times(Object... hfAndTime) {
    EnumMap<Hardfork, Instant> m = new EnumMap<>(Hardfork.class);
    for (int i = 0; i < hfAndTime.length; i += 2) {
      m.put((Hardfork) hfAndTime[i], Instant.parse((String) hfAndTime[i + 1]));
    }
    return m;
  }

  /** BitShares mainnet (bitshares-core master; BSIP40 is a 2030 placeholder, i.e. not active). */
  public static HardforkSchedule mainnet() {
    return new HardforkSchedule(
        "mainnet",
        Instant.parse("2018-07-19T14:02:00Z"),
        Instant.parse("2018-12-22T00:00:00Z"),
        Instant.parse("2019-04-23T14:02:00Z"),
        Instant.parse("2019-04-23T14:02:00Z"),
        Instant.parse("2020-07-30T13:55:00Z"),
        Instant.parse("2030-01-01T00:00:00Z"),
        times(
            Hardfork.CORE_1468, "2019-04-23T14:02:00Z",
            Hardfork.CORE_BSIP64, "2020-07-30T13:55:00Z",
            Hardfork.CORE_1774, "2020-07-30T13:55:00Z",
            Hardfork.BSIP_48_75, "2020-07-30T13:55:00Z",
            Hardfork.BSIP_77, "2020-07-30T13:55:00Z",
            Hardfork.BSIP_81, "2020-07-30T13:55:00Z",
            Hardfork.BSIP_85, "2020-07-30T13:55:00Z",
            Hardfork.BSIP_86, "2020-07-30T13:55:00Z",
            Hardfork.CORE_BSIP74, "2020-07-30T13:55:00Z",
            Hardfork.CORE_BSIP87, "2020-07-30T13:55:00Z",
            Hardfork.CORE_BSIP_87_74_COLLATFEE, "2020-07-30T13:55:00Z",
            Hardfork.CORE_2103, "2020-07-30T13:55:00Z",
            Hardfork.LIQUIDITY_POOL, "2020-09-28T17:02:00Z",
            Hardfork.CORE_2281, "2022-01-11T14:02:00Z",
            Hardfork.CORE_2467, "2022-01-11T14:02:00Z",
            Hardfork.CORE_2351, "2022-01-11T14:02:00Z",
            Hardfork.CORE_2362, "2022-01-11T14:02:00Z",
            Hardfork.CORE_1604, "2023-11-16T14:00:00Z",
            Hardfork.CORE_2535, "2023-11-16T14:00:00Z",
            Hardfork.CORE_2595, "2023-11-16T14:00:00Z",
            Hardfork.CORE_2604, "2023-11-16T14:00:00Z"));
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
        Instant.parse("2019-10-28T13:58:00Z"),
        times(
            Hardfork.CORE_1468, "2018-12-21T20:00:00Z",
            Hardfork.CORE_BSIP64, "2020-06-05T13:00:00Z",
            Hardfork.CORE_1774, "2020-06-05T13:00:00Z",
            Hardfork.BSIP_48_75, "2020-06-05T13:00:00Z",
            Hardfork.BSIP_77, "2020-06-05T13:00:00Z",
            Hardfork.BSIP_81, "2020-06-05T13:00:00Z",
            Hardfork.BSIP_85, "2020-06-05T13:00:00Z",
            Hardfork.BSIP_86, "2020-06-05T13:00:00Z",
            Hardfork.CORE_BSIP74, "2020-06-05T13:00:00Z",
            Hardfork.CORE_BSIP87, "2020-06-05T13:00:00Z",
            Hardfork.CORE_BSIP_87_74_COLLATFEE, "2020-06-05T13:00:00Z",
            Hardfork.CORE_2103, "2020-06-05T13:00:00Z",
            Hardfork.LIQUIDITY_POOL, "2020-09-19T13:00:00Z",
            Hardfork.CORE_2281, "2021-11-02T14:02:00Z",
            Hardfork.CORE_2467, "2021-11-02T14:02:00Z",
            Hardfork.CORE_2351, "2021-11-02T14:02:00Z",
            Hardfork.CORE_2362, "2021-11-02T14:02:00Z",
            Hardfork.CORE_1604, "2023-07-11T13:30:00Z",
            Hardfork.CORE_2535, "2023-07-11T13:30:00Z",
            Hardfork.CORE_2595, "2023-07-11T13:30:00Z",
            Hardfork.CORE_2604, "2023-07-11T13:30:00Z"));
  }

  /** A chain on which every hardfork is active from the start (devnets, private chains). */
  public static HardforkSchedule allActive() {
    Instant t = Instant.EPOCH;
    EnumMap<Hardfork, Instant> all = new EnumMap<>(Hardfork.class);
    for (Hardfork hf : Hardfork.values()) {
      all.put(hf, t);
    }
    return new HardforkSchedule("all-active", t, t, t, t, t, t, all);
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
        headTime.isAfter(core1573), // strict: maximum_transaction_size enforced
        this);
  }

  /**
   * Hardfork-dependent flags at one head time, and the schedule they come from (for the
   * operation gates, {@link #passed}).
   */
  public record Rules(
      boolean allowNonImmediateOwner,
      boolean ignoreCustomOperationRequiredAuths,
      boolean customAuthoritiesActive,
      boolean nestedProposalUpdateAllowed,
      boolean strictNestedProposalTargets,
      boolean transactionSizeEnforced,
      HardforkSchedule schedule) {}
}
