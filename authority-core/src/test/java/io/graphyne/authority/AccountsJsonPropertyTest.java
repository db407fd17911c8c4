package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Untrusted accounts JSON: mutated real account dumps parse or fail with IllegalArgumentException only. */
class AccountsJsonPropertyTest {
  static final String BASE = RealNodeVectorsTest.ROOT.get("account_authority_checks").get(0).get("accounts").toString();

  @Property(tries = 500)
  void mutatedJsonFailsCleanly(@ForAll long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(BASE);
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int pos = r.nextInt(sb.length());
      switch (r.nextInt(3)) {
        case 0 -> sb.deleteCharAt(pos);
        case 1 -> sb.insert(pos, "\"[]{}0,:-9x".charAt(r.nextInt(11)));
        default -> sb.setCharAt(pos, "\"[]{}0,:-9x".charAt(r.nextInt(11)));
      }
    }
    try {
      MapAuthorityView v = AccountsJson.parse(sb.toString());
      assertThat(v.accounts().size()).isLessThanOrEqualTo(3);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 200)
  void validDumpsRoundTripTheirAuthorities(@ForAll long seed) {
    JsonNode accounts = RealNodeVectorsTest.ROOT.get("cases")
        .get((int) Math.floorMod(seed, RealNodeVectorsTest.ROOT.get("cases").size())).get("accounts");
    MapAuthorityView v = AccountsJson.parse(accounts);
    assertThat(v.accounts()).hasSize(accounts.size());
    for (JsonNode a : accounts) {
      var aa = v.get(io.graphyne.protocol.ObjectId.parse(a.get("id").asText()));
      assertThat(aa.name()).isEqualTo(a.get("name").asText());
      assertThat(aa.active().keyAuths()).hasSize(a.get("active").get("key_auths").size());
      assertThat(aa.owner().accountAuths()).hasSize(a.get("owner").get("account_auths").size());
    }
  }
}
