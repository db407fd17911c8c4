package io.graphyne.authority;

import static io.graphyne.authority.RestrictionPredicate.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Pair;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.protocol.ops.AssetUpdateFeedProducersOperation;
import io.graphyne.protocol.ops.HtlcRedeemOperation;
import io.graphyne.protocol.ops.LimitOrderCreateOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.ops.WitnessUpdateOperation;
import io.graphyne.protocol.types.AccountCreateOperationExt;
import io.graphyne.protocol.types.AccountOptions;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.LimitOrderCreateOperationOptionsType;
import io.graphyne.protocol.types.MemoData;
import io.graphyne.protocol.types.Restriction;
import io.graphyne.protocol.types.TopHoldersSpecialAuthority;
import io.graphyne.protocol.types.VoidT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evaluation by C++ field type (restriction_predicate.hxx's predicate functors): what a value-only
 * reading of the Java records would get wrong.
 */
class RestrictionPredicateTest {
  static final ObjectId ALICE = ObjectId.account(10);
  static final ObjectId BOB = ObjectId.account(11);
  static final ObjectId CORE = ObjectId.asset(0);
  static final PublicKey KEY = PublicKey.fromHex("02" + "11".repeat(32));
  static final Asset FEE = new Asset(0, CORE);

  static Restriction r(long member, int func, int tag, Object arg) {
    return new Restriction(member, func, new StaticVariant(tag, arg), List.of());
  }

  static Restriction attr(long member, Restriction... rs) {
    return r(member, ATTR, 39, List.of(rs));
  }

  static AccountCreateOperation account(String name, StaticVariant ownerSpecial) {
    Authority a = new Authority(1, Map.of(), Map.of(KEY, 1), Map.of());
    return new AccountCreateOperation(FEE, ALICE, ALICE, 0, name, a, a,
        new AccountOptions(KEY, ObjectId.account(5), 0, 0, List.of(), List.of()),
        new AccountCreateOperationExt(null, ownerSpecial, null, null));
  }

  @Test
  void aStringIsAContainerOfItsUtf8Chars() {
    // hxx 165-170: eq against an integer compares size(), std::string's byte count
    assertThat(accepts(account("alice", null), List.of(r(4, EQ, 2, 5L)))).isTrue();
    assertThat(accepts(account("é", null), List.of(r(4, EQ, 2, 2L)))).isTrue();
    assertThat(accepts(account("é", null), List.of(r(4, EQ, 2, 1L)))).isFalse();
    // hxx 264-280: in with flat_set<int64_t>: every char (signed on x86) in the set
    assertThat(accepts(account("ab", null), List.of(r(4, IN, 21, List.of(97L, 98L, 99L))))).isTrue();
    assertThat(accepts(account("ad", null), List.of(r(4, IN, 21, List.of(97L, 98L, 99L))))).isFalse();
    assertThat(accepts(account("é", null), List.of(r(4, IN, 21, List.of(-61L, -87L))))).isTrue();
    assertThat(accepts(account("é", null), List.of(r(4, IN, 21, List.of(195L, 169L))))).isFalse();
    // ... and with flat_set<string>: the whole value
    assertThat(accepts(account("alice", null), List.of(r(4, IN, 22, List.of("alice", "bob"))))).isTrue();
    assertThat(accepts(account("alice", null), List.of(r(4, NOT_IN, 22, List.of("alice"))))).isFalse();
  }

  @Test
  void stringsOrderByUtf8Bytes() {
    // std::string operator< compares bytes unsigned; Java's UTF-16 compareTo orders U+FFFF after U+1F600
    String bmpMax = "\uFFFF";
    String emoji = "\uD83D\uDE00";
    assertThat(bmpMax.compareTo(emoji)).isPositive();
    assertThat(accepts(account(bmpMax, null), List.of(r(4, LT, 3, emoji)))).isTrue();
    assertThat(accepts(account(emoji, null), List.of(r(4, LT, 3, bmpMax)))).isFalse();
    assertThat(accepts(account("bob", null), List.of(r(4, GE, 3, "bob"), r(4, LT, 3, "boc")))).isTrue();
  }

  @Test
  void uint64ComparesUnsigned() {
    MemoData memo = new MemoData(KEY, KEY, -1L, Bytes.of(new byte[] {1, 2}));
    TransferOperation t = new TransferOperation(FEE, ALICE, BOB, new Asset(5, CORE), memo, List.of());
    assertThat(accepts(t, List.of(attr(4, r(2, GT, 2, 0L))))).isTrue(); // 2^64-1 > 0
    assertThat(accepts(t, List.of(attr(4, r(2, EQ, 2, -1L))))).isFalse(); // safe_compare: 2^64-1 != -1
    // vector<char> message: size and elements
    assertThat(accepts(t, List.of(attr(4, r(3, EQ, 2, 2L), r(3, HAS_ALL, 21, List.of(2L)), r(3, HAS_NONE, 21, List.of(3L))))))
        .isTrue();
    // a present optional against void_t: eq false, ne true
    assertThat(accepts(t, List.of(r(4, NE, 0, new VoidT())))).isTrue();
    assertThat(accepts(t, List.of(r(4, EQ, 0, new VoidT())))).isFalse();
  }

  @Test
  void flatSetEqualityAndMembership() {
    var op = new AssetUpdateFeedProducersOperation(FEE, ALICE, ObjectId.asset(7), List.of(ALICE, BOB), List.of());
    assertThat(accepts(op, List.of(r(3, EQ, 26, List.of(BOB, ALICE))))).isTrue();
    assertThat(accepts(op, List.of(r(3, EQ, 26, List.of(BOB))))).isFalse();
    assertThat(accepts(op, List.of(r(3, EQ, 2, 2L)))).isTrue();
    // container in: every element in the set (hxx 264-280); not_in: none of them (hxx 287-303)
    assertThat(accepts(op, List.of(r(3, IN, 26, List.of(ALICE, BOB, ObjectId.account(12)))))).isTrue();
    assertThat(accepts(op, List.of(r(3, IN, 26, List.of(ALICE))))).isFalse();
    assertThat(accepts(op, List.of(r(3, NOT_IN, 26, List.of(ObjectId.account(12)))))).isTrue();
    assertThat(accepts(op, List.of(r(3, NOT_IN, 26, List.of(BOB, ObjectId.account(12)))))).isFalse();
  }

  @Test
  void aKeysOneMemberIsItsBytes() {
    var w = new WitnessUpdateOperation(FEE, ObjectId.witness(1), ALICE, null, KEY);
    List<Long> all = new ArrayList<>();
    for (long i = 0; i < 256; i++) {
      all.add(i);
    }
    assertThat(accepts(w, List.of(attr(4, r(0, EQ, 2, 33L))))).isTrue();
    // unsigned char elements: 0x02 and 0x11
    assertThat(accepts(w, List.of(attr(4, r(0, HAS_ALL, 21, List.of(2L, 17L)), r(0, IN, 21, all))))).isTrue();
    assertThat(accepts(w, List.of(r(4, EQ, 5, KEY), r(4, IN, 24, List.of(KEY))))).isTrue();
    // null optional<string> url: attr-free comparisons read the rejection as core does
    assertThat(accepts(w, List.of(r(3, NE, 3, "x"), r(3, LE, 3, "x"), r(3, NOT_IN, 22, List.of("x"))))).isTrue();
    assertThat(accepts(w, List.of(r(3, EQ, 3, "x")))).isFalse();
    assertThat(accepts(w, List.of(r(3, GT, 3, "x")))).isFalse();
  }

  @Test
  void variantAssertThroughAnOptionalAndAnExtension() {
    var top = new StaticVariant(1, new TopHoldersSpecialAuthority(CORE, 5));
    Restriction holders = attr(8, r(1, VARIANT_ASSERT, 41, new Pair(1L, List.of(r(1, GE, 2, 5L)))));
    assertThat(accepts(account("alice", top), List.of(holders))).isTrue();
    assertThat(accepts(account("alice", null), List.of(holders))).isFalse();
    Restriction noSpecial = attr(8, r(1, VARIANT_ASSERT, 41, new Pair(0L, List.of())));
    assertThat(accepts(account("alice", top), List.of(noSpecial))).isFalse();
    assertThat(accepts(account("alice", new StaticVariant(0, new io.graphyne.protocol.types.NoSpecialAuthority())),
        List.of(noSpecial))).isTrue();
  }

  @Test
  void illTypedRestrictionsReject() {
    TransferOperation t = new TransferOperation(FEE, ALICE, BOB, new Asset(5, CORE), null, List.of());
    // would be true read by value alone; core refuses to build these predicates
    assertThat(accepts(t, List.of(r(4, NE, 3, "x")))).isFalse();
    assertThat(accepts(t, List.of(r(1, NE, 8, CORE)))).isFalse();
    assertThat(accepts(t, List.of(r(1, NOT_IN, 27, List.of(CORE))))).isFalse();
    assertThat(accepts(t, List.of(r(4, VARIANT_ASSERT, 41, new Pair(0L, List.of()))))).isFalse();
    var lo = new LimitOrderCreateOperation(FEE, ALICE, new Asset(5, CORE), new Asset(5, ObjectId.asset(1)),
        Instant.parse("2030-01-01T00:00:00Z"), false, new LimitOrderCreateOperationOptionsType(null));
    assertThat(accepts(lo, List.of(r(5, EQ, 1, false), attr(6, r(0, EQ, 0, new VoidT()))))).isTrue();
    assertThat(accepts(lo, List.of(r(5, EQ, 2, 0L)))).isFalse();
    assertThat(accepts(lo, List.of(r(4, LT, 4, Instant.parse("2030-01-02T00:00:00Z"))))).isTrue();
    var redeem = new HtlcRedeemOperation(FEE, new ObjectId(1, 16, 3), ALICE, Bytes.of(new byte[] {1, 1}), List.of());
    assertThat(accepts(redeem, List.of(r(3, HAS_ALL, 21, List.of(1L)), r(3, EQ, 2, 2L)))).isTrue();
    assertThat(accepts(redeem, List.of(r(1, EQ, 2, 3L)))).isFalse(); // htlc_id_type has no argument type
  }
}
