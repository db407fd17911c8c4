package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.Address;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scenario 32 (max_authority_membership) and the other account-authority rules of §1.3. */
class AuthorityValidationTest {
  static Authority nKeys(int n) {
    Map<PublicKey, Integer> keys = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      keys.put(Net.key("m" + i), 1);
    }
    return new Authority(n, Map.of(), keys, Map.of());
  }

  @Test
  void scenario32MaxAuthorityMembership() {
    for (int n = 1; n <= 20; n++) {
      Optional<AuthorityValidation.Problem> p =
          AuthorityValidation.check(nKeys(n), AuthorityValidation.DEFAULT_MAXIMUM_AUTHORITY_MEMBERSHIP, id -> true);
      if (n <= 10) {
        assertThat(p).as("n=" + n).isEmpty();
      } else {
        assertThat(p).as("n=" + n).contains(AuthorityValidation.Problem.MAX_AUTH_EXCEEDED);
      }
    }
  }

  @Test
  void otherRules() {
    assertThat(AuthorityValidation.check(new Authority(1, Map.of(), Map.of(), Map.of()), 10, id -> true))
        .contains(AuthorityValidation.Problem.EMPTY);
    assertThat(AuthorityValidation.check(new Authority(3, Map.of(), Map.of(Net.key("a"), 1, Net.key("b"), 1), Map.of()), 10, id -> true))
        .contains(AuthorityValidation.Problem.IMPOSSIBLE);
    Address addr = Net.key("a").address();
    assertThat(AuthorityValidation.check(new Authority(1, Map.of(), Map.of(), Map.of(addr, 1)), 10, id -> true))
        .contains(AuthorityValidation.Problem.ADDRESS_AUTHS);
    assertThat(AuthorityValidation.check(new Authority(1, Map.of(ObjectId.account(99), 1), Map.of(), Map.of()), 10,
        id -> !id.equals(ObjectId.account(99)))).contains(AuthorityValidation.Problem.ACCOUNT_NOT_FOUND);
    // threshold 0 with a member, weight 0 members and self references are legal
    assertThat(AuthorityValidation.check(new Authority(0, Map.of(), Map.of(Net.key("a"), 0), Map.of()), 10, id -> true)).isEmpty();
    assertThat(AuthorityValidation.isImpossible(new Authority(0, Map.of(), Map.of(), Map.of()))).isFalse();
  }
}
