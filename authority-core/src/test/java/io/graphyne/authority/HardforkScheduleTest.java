package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Hardfork boundaries with bitshares-core's comparison directions (spec/authority.md §9). */
class HardforkScheduleTest {
  static final HardforkSchedule M = HardforkSchedule.mainnet();

  static Instant t(String s) {
    return Instant.parse(s);
  }

  @Test
  void mainnetBoundaries() {
    assertThat(M.at(t("2019-04-23T14:01:59Z")).allowNonImmediateOwner()).isFalse();
    assertThat(M.at(t("2019-04-23T14:02:00Z")).allowNonImmediateOwner()).isTrue(); // >=
    assertThat(M.at(t("2020-07-30T13:55:00Z")).ignoreCustomOperationRequiredAuths()).isTrue(); // <=
    assertThat(M.at(t("2020-07-30T13:55:01Z")).ignoreCustomOperationRequiredAuths()).isFalse();
    assertThat(M.at(t("2018-12-22T00:00:00Z")).strictNestedProposalTargets()).isFalse(); // strict >
    assertThat(M.at(t("2018-12-22T00:00:01Z")).strictNestedProposalTargets()).isTrue();
    assertThat(M.at(t("2019-04-23T14:02:00Z")).transactionSizeEnforced()).isFalse(); // strict >
    assertThat(M.at(t("2019-04-23T14:02:01Z")).transactionSizeEnforced()).isTrue();
    assertThat(M.at(t("2018-07-19T14:02:00Z")).nestedProposalUpdateAllowed()).isTrue();
    assertThat(M.at(t("2029-12-31T23:59:59Z")).customAuthoritiesActive()).isFalse();
    assertThat(M.at(t("2030-01-01T00:00:00Z")).customAuthoritiesActive()).isTrue();
  }

  @Test
  void testnetAndPresets() {
    HardforkSchedule tn = HardforkSchedule.byName("testnet");
    assertThat(tn.at(t("2019-10-28T13:58:00Z")).customAuthoritiesActive()).isTrue();
    assertThat(tn.at(t("2019-10-28T13:57:59Z")).customAuthoritiesActive()).isFalse();
    assertThat(tn.at(t("2019-02-28T14:02:00Z")).allowNonImmediateOwner()).isTrue();
    assertThat(HardforkSchedule.byName("bitshares")).isEqualTo(M);
    assertThat(HardforkSchedule.allActive().at(Instant.EPOCH).allowNonImmediateOwner()).isTrue();
  }

  @Test
  void operationGateHardforksCompareAsCoreDoes() {
    HardforkSchedule m = HardforkSchedule.mainnet();
    java.time.Instant lp = java.time.Instant.parse("2020-09-28T17:02:00Z");
    org.assertj.core.api.Assertions.assertThat(m.time(HardforkSchedule.Hardfork.LIQUIDITY_POOL)).isEqualTo(lp);
    // HARDFORK_LIQUIDITY_POOL_PASSED(head): head >= HF
    org.assertj.core.api.Assertions.assertThat(m.passed(HardforkSchedule.Hardfork.LIQUIDITY_POOL, lp.minusSeconds(1))).isFalse();
    org.assertj.core.api.Assertions.assertThat(m.passed(HardforkSchedule.Hardfork.LIQUIDITY_POOL, lp)).isTrue();
    // HARDFORK_CORE_2281_PASSED(next_maintenance_time): strictly after
    java.time.Instant c2281 = m.time(HardforkSchedule.Hardfork.CORE_2281);
    org.assertj.core.api.Assertions.assertThat(m.passedByNextMaintenance(HardforkSchedule.Hardfork.CORE_2281, c2281)).isFalse();
    org.assertj.core.api.Assertions.assertThat(m.passedByNextMaintenance(HardforkSchedule.Hardfork.CORE_2281, c2281.plusSeconds(1))).isTrue();
    // a schedule missing a time is refused
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HardforkSchedule("x", lp, lp, lp, lp, lp, lp, java.util.Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CORE_1468");
    org.assertj.core.api.Assertions.assertThat(m.at(lp).schedule()).isSameAs(m);
  }
}
