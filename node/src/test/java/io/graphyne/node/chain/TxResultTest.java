package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.protocol.Bytes;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TxResultTest {
  @Test
  void trustedIsASharedImmutableCopyEqualToTheGivenSetForEveryCombination() {
    Trust[] kinds = Trust.values();
    for (int m = 0; m < 1 << kinds.length; m++) {
      EnumSet<Trust> given = EnumSet.noneOf(Trust.class);
      for (Trust t : kinds) {
        if ((m & (1 << t.ordinal())) != 0) {
          given.add(t);
        }
      }
      TxResult r = new TxResult(Reason.ACCEPTED, null, null, Bytes.zeros(20), given);
      assertThat(r.trusted()).isEqualTo(given);
      assertThat(new TxResult(Reason.ACCEPTED, null, null, Bytes.zeros(20), EnumSet.copyOf(given).clone()).trusted())
          .isSameAs(r.trusted());
      given.add(Trust.OPERATION_EFFECTS); // the caller's set stays its own
      assertThat(r.trusted().contains(Trust.OPERATION_EFFECTS)).isEqualTo((m & (1 << Trust.OPERATION_EFFECTS.ordinal())) != 0);
      assertThatThrownBy(() -> r.trusted().add(Trust.PROPOSAL_EXECUTION)).isInstanceOf(UnsupportedOperationException.class);
    }
    assertThat(TxResult.reject(Reason.T6_EXPIRED, "x", Bytes.zeros(20)).trusted()).isEqualTo(Set.of());
  }
}
