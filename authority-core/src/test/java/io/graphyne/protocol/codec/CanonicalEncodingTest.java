package io.graphyne.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.types.Authority;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Non-canonical inputs (padded varints, unsorted or duplicated sets) are accepted as fc does, and detected. */
class CanonicalEncodingTest {
  private static byte[] realTx() {
    return Hex.decode(Vectors.jsonLines("private-chain/transactions.jsonl").get(0).get("hex").asText());
  }

  @Test
  void canonicalInputIsReportedCanonical() {
    Codecs.Checked<SignedTransaction> c = Codecs.decodeChecked(SignedTransaction.class, realTx());
    assertThat(c.canonical()).isTrue();
    assertThat(c.firstDifference()).isEqualTo(-1);
  }

  @Test
  void paddedVarintIsDetected() {
    byte[] tx = realTx();
    // byte 10 (after ref_block_num, ref_block_prefix, expiration) is the operation count (01);
    // pad it to 81 00.
    assertThat(tx[10]).isEqualTo((byte) 1);
    byte[] padded = new byte[tx.length + 1];
    System.arraycopy(tx, 0, padded, 0, 10);
    padded[10] = (byte) 0x81;
    padded[11] = 0;
    System.arraycopy(tx, 11, padded, 12, tx.length - 11);
    Codecs.Checked<SignedTransaction> c = Codecs.decodeChecked(SignedTransaction.class, padded);
    assertThat(c.canonical()).isFalse();
    assertThat(c.firstDifference()).isEqualTo(10);
    assertThat(c.canonicalBytes()).isEqualTo(tx);
    // The id is that of the canonical bytes, as bitshares-core computes it.
    assertThat(c.value()).isEqualTo(Codecs.decode(SignedTransaction.class, tx));
  }

  private static byte[] authorityBytes(PublicKey first, PublicKey second) {
    FcWriter w = new FcWriter().u32(1).varint(0).varint(2);
    w.bytes(first.toArray()).u16(1).bytes(second.toArray()).u16(1);
    return w.varint(0).toByteArray();
  }

  private static PublicKey key(int i) {
    byte[] k = new byte[33];
    k[0] = 2;
    k[1] = (byte) i;
    return PublicKey.wrap(k);
  }

  @Test
  void unsortedAndDuplicatedKeysAreNormalisedAndDetected() {
    PublicKey a = key(1);
    PublicKey b = key(2);
    PublicKey lo = a.compareTo(b) < 0 ? a : b;
    PublicKey hi = lo == a ? b : a;
    byte[] sorted = authorityBytes(lo, hi);
    byte[] unsorted = authorityBytes(hi, lo);
    assertThat(Codecs.decodeChecked(Authority.class, sorted).canonical()).isTrue();
    Codecs.Checked<Authority> u = Codecs.decodeChecked(Authority.class, unsorted);
    assertThat(u.canonical()).isFalse();
    assertThat(u.canonicalBytes()).isEqualTo(sorted);
    assertThat(List.copyOf(u.value().keyAuths().keySet())).containsExactly(lo, hi);

    Codecs.Checked<Authority> dup = Codecs.decodeChecked(Authority.class, authorityBytes(lo, lo));
    assertThat(dup.canonical()).isFalse();
    assertThat(dup.value().keyAuths()).hasSize(1);
  }

  @Test
  void keysSortByAddressNotBytes() {
    // Find two keys whose byte order and address order disagree.
    PublicKey x = null;
    PublicKey y = null;
    for (int i = 1; i < 50 && x == null; i++) {
      PublicKey p = key(i);
      PublicKey q = key(i + 1);
      if (p.address().compareTo(q.address()) > 0) {
        x = p;
        y = q;
      }
    }
    assertThat(x).isNotNull();
    Authority auth = new Authority(1, java.util.Map.of(), java.util.Map.of(x, 1, y, 1), java.util.Map.of());
    assertThat(List.copyOf(auth.keyAuths().keySet())).containsExactly(y, x);
  }

  @Test
  void stringsOfAnyBytesRoundTripAsFcAcceptsThem() {
    byte[][] samples = {
      {(byte) 0xff}, {(byte) 0xc3}, {'a', (byte) 0x80, 'b'}, {(byte) 0xed, (byte) 0xb2, (byte) 0x80},
      {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}, "plain".getBytes(java.nio.charset.StandardCharsets.UTF_8)
    };
    Codec<String> c = Codecs.forType("string");
    for (byte[] raw : samples) {
      byte[] encoded = new FcWriter().varBytes(raw).toByteArray();
      FcReader r = new FcReader(encoded);
      String s = c.read(r);
      r.expectEnd();
      FcWriter w = new FcWriter();
      c.write(w, s);
      assertThat(w.toByteArray()).as(Hex.encode(raw)).isEqualTo(encoded);
    }
    // A whole operation with a non-UTF-8 asset description still has the id of its bytes.
    byte[] bad = new FcWriter().varBytes(new byte[] {'x', (byte) 0xfe}).toByteArray();
    assertThat(Codecs.<String>forType("string").read(new FcReader(bad))).hasSize(2);
  }

  @Test
  void hugeCountsAreRejectedWithoutAllocating() {
    byte[] bad = Hex.decode("0000000000000000ffffffff0f");
    assertThatThrownBy(() -> Codecs.decode(SignedTransaction.class, bad))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("operations");
  }

  @Test
  void deepNestingIsBounded() {
    // restriction -> argument vector<restriction> -> ... 300 levels deep.
    FcWriter w = new FcWriter();
    for (int i = 0; i < 300; i++) {
      w.varint(0).varint(0).varint(39).varint(1); // member_index, restriction_type, tag 39 = vector<restriction>, count 1
    }
    byte[] deep = w.toByteArray();
    assertThatThrownBy(() -> Codecs.<Object>forType("restriction").read(new FcReader(deep)))
        .isInstanceOf(DecodeException.class)
        .extracting(e -> ((DecodeException) e).kind())
        .isEqualTo(DecodeException.Kind.DEPTH_LIMIT);
  }
}
