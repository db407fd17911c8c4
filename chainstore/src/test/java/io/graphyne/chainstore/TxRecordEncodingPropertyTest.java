package io.graphyne.chainstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.chainstore.kv.Keys;
import io.graphyne.chainstore.proto.RecentTransactionPb;
import io.graphyne.chainstore.proto.TxLocationPb;
import io.graphyne.protocol.Bytes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written per-transaction records and keys are byte for byte what protobuf and Keys write. */
class TxRecordEncodingPropertyTest {
  @Provide
  Arbitrary<Long> longs() {
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.longs().between(0, 300),
        Arbitraries.of(0L, 1L, 127L, 128L, 16383L, 16384L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, 1L << 35));
  }

  @Provide
  Arbitrary<Integer> ints() {
    return Arbitraries.oneOf(
        Arbitraries.integers(),
        Arbitraries.integers().between(0, 5000),
        Arbitraries.of(0, 1, 127, 128, Integer.MAX_VALUE, Integer.MIN_VALUE, -1));
  }

  @Property(tries = 500)
  void txLocationAsProtobufWritesIt(@ForAll @From("longs") long blockNum, @ForAll @From("ints") int index) throws Exception {
    TxLocationPb pb = TxLocationPb.newBuilder().setBlockNum(blockNum).setIndex(index).build();
    byte[] actual = BlockChanges.encodeTxLocation(blockNum, index);
    assertThat(actual).isEqualTo(pb.toByteArray());
    assertThat(TxLocationPb.parseFrom(actual)).isEqualTo(pb);
  }

  @Property(tries = 500)
  void recentTransactionAsProtobufWritesIt(@ForAll @From("longs") long expiration) throws Exception {
    RecentTransactionPb pb = RecentTransactionPb.newBuilder().setExpiration(expiration).build();
    byte[] actual = BlockChanges.encodeRecentTransaction(expiration);
    assertThat(actual).isEqualTo(pb.toByteArray());
    assertThat(RecentTransactionPb.parseFrom(actual).getExpiration()).isEqualTo(expiration);
  }

  @Property(tries = 200)
  void expirationKeyIsExpirationThenId(@ForAll @From("longs") long expiration, @ForAll byte[] id) {
    assertThat(Schema.expirationKey(expiration, Bytes.wrap(id))).isEqualTo(Keys.concat(Keys.u64(expiration), id));
  }
}
