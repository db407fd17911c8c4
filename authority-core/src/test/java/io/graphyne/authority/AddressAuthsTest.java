package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.Address;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** address_auths (spec §2.7): the five address forms of a key, in "other" authorities (blind inputs). */
class AddressAuthsTest {
  static final CheckParams P = CheckParams.defaults();
  static final PublicKey K = Net.key("addr-key");

  static List<Address> forms(PublicKey k) {
    return List.of(
        Address.fromPts(Address.ptsAddress(k, false, 56)),
        Address.fromPts(Address.ptsAddress(k, true, 56)),
        Address.fromPts(Address.ptsAddress(k, false, 0)),
        Address.fromPts(Address.ptsAddress(k, true, 0)),
        k.address());
  }

  static OpRequirement blindInput(Authority owner) {
    return OpRequirement.of(Set.of(ObjectId.account(4)), Set.of(), List.of(owner));
  }

  @Test
  void everyAddressFormMatchesItsKey() {
    assertThat(SignState.addressForms(K)).containsExactlyElementsOf(forms(K));
    assertThat(Set.copyOf(forms(K))).hasSize(5);
    Net n = new Net();
    for (Address a : forms(K)) {
      Authority owner = new Authority(1, Map.of(), Map.of(), Map.of(a, 1));
      Verdict v = AuthorityChecker.verify(List.of(blindInput(owner)), n.sign("addr-key"), n.view(), P);
      assertThat(v.valid()).as(a.toString()).isTrue();
      assertThat(v.used()).containsExactly(K);
      // an unrelated key does not match (and the reference's undefined behaviour becomes "not signed")
      Verdict other = AuthorityChecker.verify(List.of(blindInput(owner)), n.sign("someone-else"), n.view(), P);
      assertThat(other.error()).isEqualTo(AuthError.MISSING_OTHER);
      // get_required_signatures finds the key behind the address among the available keys
      assertThat(WalletApis.requiredSignatures(List.of(blindInput(owner)), List.of(), Set.of(K, Net.key("x")), n.view(), P))
          .containsExactly(K);
    }
  }

  @Test
  void addressesCountAfterKeysAndBeforeAccounts() {
    Net n = new Net();
    n.single("member");
    Address a = K.address();
    // threshold 2: key (1) then address (1) reach it; the account member is never looked at
    Authority owner = new Authority(2, Map.of(n.id("member"), 1), Map.of(Net.key("k1"), 1), Map.of(a, 1));
    Verdict v = AuthorityChecker.verify(List.of(blindInput(owner)), n.sign("k1", "addr-key", "member"), n.view(), P);
    assertThat(v.error()).isEqualTo(AuthError.IRRELEVANT_SIG);
    assertThat(v.unused()).containsExactly(Net.key("member"));
  }

  @Test
  void potentialAddressSignaturesCollectAccountAddressAuths() {
    Net n = new Net();
    Address a = K.address();
    ObjectId legacy = n.create("legacy", n.auth(1, "k:o", 1), new Authority(1, Map.of(), Map.of(), Map.of(a, 1)));
    var ops = List.of(OpRequirement.active(legacy));
    assertThat(WalletApis.potentialAddressSignatures(ops, List.of(), n.view(), P)).containsExactly(a);
    assertThat(AuthorityChecker.verify(ops, n.sign("addr-key"), n.view(), P).valid()).isTrue();
    // addresses in "other" authorities are not reported (as in bitshares-core)
    var blind = List.of(blindInput(new Authority(1, Map.of(), Map.of(), Map.of(a, 1))));
    assertThat(WalletApis.potentialAddressSignatures(blind, List.of(), n.view(), P)).isEmpty();
  }
}
