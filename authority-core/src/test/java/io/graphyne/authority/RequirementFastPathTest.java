package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.codec.RandomValues;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The record requirement's fee-payer-only path (a cached accessor, one immutable id set) against the
 * table-driven general path, for random records of all 78 operations, with and without HF-210's
 * custom-operation rule.
 */
class RequirementFastPathTest {
  /** The operations with requirements beyond their fee payer's active (spec/authority.md §2.2). */
  static final Set<Integer> EXTRAS = Set.of(
      RequiredAuthorities.ACCOUNT_CREATE, RequiredAuthorities.ACCOUNT_UPDATE, RequiredAuthorities.ASSET_UPDATE_ISSUER,
      RequiredAuthorities.PROPOSAL_UPDATE, RequiredAuthorities.CUSTOM, RequiredAuthorities.BALANCE_CLAIM,
      RequiredAuthorities.BLIND_TRANSFER, RequiredAuthorities.TRANSFER_FROM_BLIND);

  @Test
  void everyOperationAgreesWithTheGeneralPath() {
    int feePayerOnly = 0;
    for (int tag = 0; tag < RequiredAuthorities.OPERATION_COUNT; tag++) {
      for (long seed = 0; seed < 20; seed++) {
        Operation op = (Operation) new RandomValues(seed * 131 + tag).of(Operations.classOf(tag));
        for (boolean ignore : new boolean[] {false, true}) {
          OpRequirement fast = RecordOpFields.requirement(op, ignore);
          OpRequirement general = RequiredAuthorities.requirement(tag, new RecordOpFields(op), op, ignore);
          assertThat(fast).as("tag %d seed %d", tag, seed).isEqualTo(general);
          assertThat(List.copyOf(fast.active())).isEqualTo(List.copyOf(general.active()));
          assertThat(fast.tag()).isEqualTo(tag);
          assertThat(fast.op()).isSameAs(op);
          boolean only = !EXTRAS.contains(tag) || (tag == RequiredAuthorities.CUSTOM && ignore);
          assertThat(RequiredAuthorities.feePayerOnly(tag, ignore)).as("tag %d", tag).isEqualTo(only);
          if (only) {
            feePayerOnly++;
            String field = RequiredAuthorities.feePayerField(tag);
            ObjectId payer = field.startsWith("@")
                ? ObjectId.parse(field.substring(1))
                : new RecordOpFields(op).account(field);
            assertThat(fast.active()).containsExactly(payer);
            assertThat(fast.active()).isEqualTo(new TreeSet<>(Set.of(payer)));
            assertThat(fast.owner()).isEmpty();
            assertThat(fast.other()).isEmpty();
          }
        }
      }
    }
    assertThat(feePayerOnly).isEqualTo((78 - 8) * 20 * 2 + 20);
  }

  @Test
  void requirementsOfSeveralOperationsKeepTheirOrder() {
    Operation a = (Operation) new RandomValues(1).of(Operations.classOf(0));
    Operation b = (Operation) new RandomValues(2).of(Operations.classOf(RequiredAuthorities.ACCOUNT_UPDATE));
    Operation c = (Operation) new RandomValues(3).of(Operations.classOf(1));
    List<OpRequirement> reqs = RecordOpFields.requirements(List.of(a, b, c), false);
    assertThat(reqs).containsExactly(
        RecordOpFields.requirement(a, false), RecordOpFields.requirement(b, false), RecordOpFields.requirement(c, false));
    assertThat(RecordOpFields.requirements(List.of(a), false)).containsExactly(RecordOpFields.requirement(a, false));
    assertThat(RecordOpFields.requirements(List.of(), false)).isEmpty();
  }

  @Test
  void transactionParametersAreSharedAndEqualToFreshOnes() {
    for (HardforkSchedule.Rules rules : List.of(
        HardforkSchedule.mainnet().at(java.time.Instant.EPOCH), HardforkSchedule.allActive().at(java.time.Instant.EPOCH))) {
      for (int depth : new int[] {0, 1, 2, 255}) {
        CheckParams p = CheckParams.forTransaction(rules, depth);
        assertThat(CheckParams.forTransaction(rules, depth)).isSameAs(p);
        assertThat(p).isEqualTo(new CheckParams(depth, rules.allowNonImmediateOwner(), false, Set.of(), Set.of(), null));
      }
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CheckParams.forTransaction(HardforkSchedule.allActive().at(java.time.Instant.EPOCH), 256))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
