package io.graphyne.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.Transaction;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What decoding allocates less of must not change what it returns: lists are unmodifiable and
 * compare by content, shared typed ids and times are plain equal values, and the scratch arrays
 * records are read into never leak one record's components into another.
 */
class DecodedValueSemanticsTest {
  @Test
  void decodedListsAreUnmodifiableAndEqualByContent() {
    for (String line : Vectors.lines("private-chain/blocks.hex")) {
      SignedBlock b = Codecs.decode(SignedBlock.class, Hex.decode(line.strip()));
      if (b.transactions().isEmpty()) {
        continue;
      }
      Transaction t = b.transactions().get(0).transaction();
      List<?> ops = t.operations();
      assertThatThrownBy(() -> ops.remove(0)).isInstanceOf(UnsupportedOperationException.class);
      assertThat(ops).isEqualTo(new java.util.ArrayList<>(ops));
      assertThat(ops.hashCode()).isEqualTo(new java.util.ArrayList<>(ops).hashCode());
      assertThat(b).isEqualTo(Codecs.decode(SignedBlock.class, Codecs.encode(b)));
      return;
    }
    throw new AssertionError("no block with transactions");
  }

  @Test
  void vectorsOfEverySizeDecodeToTheirElements() {
    Codec<List<Long>> c = Codecs.forType("vector<uint64_t>");
    for (int n = 0; n < 6; n++) {
      FcWriter w = new FcWriter();
      w.varint(n);
      for (int i = 0; i < n; i++) {
        w.i64(1000L * i - 7);
      }
      List<Long> v = c.read(new FcReader(w.toByteArray()));
      assertThat(v).hasSize(n);
      for (int i = 0; i < n; i++) {
        assertThat(v.get(i)).isEqualTo(1000L * i - 7);
      }
      assertThatThrownBy(() -> v.add(1L)).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void sharedIdsAndTimesAreEqualValues() {
    Codec<ObjectId> account = Codecs.forType("account_id_type");
    FcWriter w = new FcWriter();
    w.varint(17).varint(17).varint(PrimitiveCodecs.ID_CACHE + 5L).varint(PrimitiveCodecs.ID_CACHE + 5L);
    FcReader r = new FcReader(w.toByteArray());
    ObjectId a = account.read(r);
    ObjectId b = account.read(r);
    ObjectId c = account.read(r);
    ObjectId d = account.read(r);
    assertThat(a).isEqualTo(ObjectId.account(17)).isEqualTo(b);
    assertThat(c).isEqualTo(ObjectId.account(PrimitiveCodecs.ID_CACHE + 5L)).isEqualTo(d);
    // Another id type with the same instance is a different id.
    ObjectId asset = Codecs.<ObjectId>forType("asset_id_type").read(new FcReader(new byte[] {17}));
    assertThat(asset).isEqualTo(ObjectId.asset(17)).isNotEqualTo(a);

    Codec<Instant> time = Codecs.forType("time_point_sec");
    FcWriter tw = new FcWriter().u32(100).u32(100).u32(0xffffffffL);
    FcReader tr = new FcReader(tw.toByteArray());
    assertThat(time.read(tr)).isEqualTo(Instant.ofEpochSecond(100));
    assertThat(time.read(tr)).isEqualTo(Instant.ofEpochSecond(100));
    assertThat(time.read(tr)).isEqualTo(Instant.ofEpochSecond(0xffffffffL));
  }

  @Test
  void nestedRecordsReadIntoScratchKeepTheirOwnComponents() {
    // A transfer inside a transaction inside a block: three record depths, read repeatedly.
    Object first = null;
    for (long seed = 0; seed < 200; seed++) {
      SignedBlock b = new RandomValues(seed).of(SignedBlock.class);
      byte[] bytes = Codecs.encode(b);
      SignedBlock d = Codecs.decode(SignedBlock.class, bytes);
      assertThat(d).isEqualTo(b);
      assertThat(Codecs.encode(d)).isEqualTo(bytes);
      if (first == null) {
        first = d;
      }
    }
    assertThat(first).isEqualTo(Codecs.decode(SignedBlock.class, Codecs.encode(first)));
  }
}
