package io.graphyne.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import org.junit.jupiter.api.Test;

/** Regressions found by the T1 work: operation names and vote ids where record fields shadowed them. */
class OperationNameTest {
  @Test
  void operationNameIsNotShadowedByAccountCreatesNameField() throws Exception {
    int seen = 0;
    for (JsonNode line : Vectors.jsonLines("private-chain/transactions.jsonl")) {
      SignedTransaction tx = Codecs.decode(SignedTransaction.class, Hex.decode(line.get("hex").asText()));
      for (Operation o : tx.transaction().operations()) {
        if (o instanceof AccountCreateOperation c) {
          seen++;
          assertThat(o.operationName()).isEqualTo("account_create");
          assertThat(c.name()).isNotEqualTo("account_create");
          // votes are vote ids (type:instance), not object ids
          c.options().votes().forEach(v -> assertThat((Object) v).isInstanceOf(VoteId.class));
        }
      }
    }
    assertThat(seen).as("account_create operations in the private chain").isPositive();
  }

  @Test
  void votesDecodeAsVoteIds() {
    VoteId v = new VoteId(1, 7);
    io.graphyne.protocol.types.AccountOptions o = new io.graphyne.protocol.types.AccountOptions(
        PublicKey.parse("BTS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV", null),
        ObjectId.account(5), 0, 0, java.util.List.of(v), java.util.List.of());
    io.graphyne.protocol.types.AccountOptions back =
        Codecs.decode(io.graphyne.protocol.types.AccountOptions.class, Codecs.encode(o));
    assertThat(back.votes()).containsExactly(v);
  }
}
