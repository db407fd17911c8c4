package io.graphyne.chainstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.chainstore.kv.Serializer;
import io.graphyne.chainstore.proto.AccountPb;
import io.graphyne.chainstore.proto.ProposalPb;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Stored records round-trip exactly, and damaged bytes (a corrupt disk, a foreign tool) are either
 * still readable or fail with {@link ChainStoreException} — never with any other exception.
 */
class StoredRecordPropertyTest {
  static final RandomChain CHAIN = new RandomChain(7, 1000, 100);

  static <P, R> void decodeMutated(byte[] good, Serializer<P> ser, Function<P, R> convert, SplittableRandom r) {
    byte[] bad = good.clone();
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits; i++) {
      switch (r.nextInt(3)) {
        case 0 -> bad[r.nextInt(bad.length)] = (byte) r.nextInt(256);
        case 1 -> bad = java.util.Arrays.copyOf(bad, r.nextInt(bad.length + 1));
        default -> {
          byte[] longer = java.util.Arrays.copyOf(bad, bad.length + 1 + r.nextInt(8));
          longer[longer.length - 1] = (byte) r.nextInt(256);
          bad = longer;
        }
      }
      if (bad.length == 0) {
        break;
      }
    }
    try {
      convert.apply(ser.decode(bad));
    } catch (ChainStoreException e) {
      assertThat(e.reason()).isEqualTo(ChainStoreException.Reason.CORRUPT);
    }
  }

  @Property(tries = 300)
  void accountsRoundTripAndResistDamage(@ForAll long seed, @ForAll @IntRange(min = 0, max = 999) int id) {
    SplittableRandom r = new SplittableRandom(seed);
    AccountRecord a = CHAIN.randomAccount(r, id);
    byte[] bytes = Schema.ACCOUNTS.values().encode(Protos.toPb(a));
    AccountPb back = Schema.ACCOUNTS.values().decode(bytes);
    assertThat(Protos.fromPb(back)).isEqualTo(a);
    decodeMutated(bytes, Schema.ACCOUNTS.values(), Protos::fromPb, r);
  }

  @Property(tries = 200)
  void proposalsRoundTripAndResistDamage(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] op = new byte[1 + r.nextInt(50)];
    r.nextBytes(op);
    ProposalRecord p = new ProposalRecord(new ObjectId(1, 10, r.nextInt(1000)), ObjectId.account(r.nextInt(1000)),
        r.nextLong(1L << 32), r.nextBoolean() ? Optional.of(r.nextLong(1L << 32)) : Optional.empty(),
        List.of(Bytes.wrap(op)), new TreeSet<>(List.of(ObjectId.account(1))), new TreeSet<>(),
        new TreeSet<>(), new TreeSet<>(List.of(ObjectId.account(r.nextInt(50)))), new TreeSet<>(List.of(CHAIN.key(r.nextInt(10)))));
    byte[] bytes = Schema.PROPOSALS.values().encode(Protos.toPb(p));
    ProposalPb back = Schema.PROPOSALS.values().decode(bytes);
    assertThat(Protos.fromPb(back)).isEqualTo(p);
    decodeMutated(bytes, Schema.PROPOSALS.values(), Protos::fromPb, r);
  }

  @Property(tries = 200)
  void keysAndIdsResistDamage(@ForAll byte[] junk) {
    for (Serializer<?> s : List.of(Schema.ACCOUNTS.keys(), Schema.BLOCKS.keys(), Schema.ACCOUNT_NAMES.keys(),
        Schema.WITNESSES.values(), Schema.GLOBAL_PROPERTIES.values(), Schema.CUSTOM_AUTHORITIES.values(),
        Schema.UNDO.values(), Schema.HEAD_META.values())) {
      try {
        Object v = s.decode(junk);
        if (v instanceof io.graphyne.chainstore.proto.WitnessPb w) {
          Protos.fromPb(w);
        } else if (v instanceof io.graphyne.chainstore.proto.GlobalPropertiesPb g) {
          Protos.fromPb(g);
        } else if (v instanceof io.graphyne.chainstore.proto.CustomAuthorityPb c) {
          Protos.fromPb(c);
        } else if (v instanceof io.graphyne.chainstore.proto.HeadPb h) {
          Protos.fromPb(h);
        }
      } catch (ChainStoreException e) {
        assertThat(e.reason()).isEqualTo(ChainStoreException.Reason.CORRUPT);
      }
    }
  }
}
