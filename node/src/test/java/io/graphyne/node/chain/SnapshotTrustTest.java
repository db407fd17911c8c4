package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.ObjectId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The maintenance trust source is applied at maintenance and cross-checked by production. */
class SnapshotTrustTest {
  @Test
  void aWitnessTheTrustedSourceRemovedCanNoLongerProduce() {
    String json = """
        {"source": "test", "maintenance": [{"block": 1, "active_witnesses": ["1.6.1", "1.6.2", "1.6.3"],
          "active_authorities": {"1.2.1": {"weight_threshold": 1, "account_auths": [["1.2.6", 1]], "key_auths": [], "address_auths": []}}}]}
        """;
    SnapshotTrust trust = SnapshotTrust.parse(json, "BTS", "inline");
    try (TestChain honest = new TestChain(); TestChain t = new TestChain(null, o -> o.withTrust(trust))) {
      // block 1 is a maintenance block: afterwards only 1.6.1..1.6.3 are active
      PreparedBlock b1 = honest.produce(1, List.of());
      assertThat(honest.chain.pushBlock(b1).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(t.chain.pushBlock(t.roundTrip(b1)).reason()).isEqualTo(Reason.ACCEPTED);
      assertThat(t.chain.globalProperties().activeWitnesses()).containsExactly(ObjectId.witness(1), ObjectId.witness(2), ObjectId.witness(3));
      assertThat(t.store.state().account(ObjectId.account(1)).orElseThrow().active().accountAuths()).containsKey(ObjectId.account(6));
      // the honest chain (all five still active) soon has a block by 1.6.4 or 1.6.5 at a slot the trusted schedule
      // gives to 1.6.1..1.6.3: rejected
      Reason seen = null;
      for (int i = 0; i < 20 && seen == null; i++) {
        PreparedBlock b = honest.produce(1, List.of());
        assertThat(honest.chain.pushBlock(b).reason()).isEqualTo(Reason.ACCEPTED);
        BlockResult r = t.chain.pushBlock(t.roundTrip(b));
        if (!r.applied()) {
          seen = r.reason();
        }
      }
      assertThat(seen).isEqualTo(Reason.B7_WRONG_WITNESS);
    }
  }
}
