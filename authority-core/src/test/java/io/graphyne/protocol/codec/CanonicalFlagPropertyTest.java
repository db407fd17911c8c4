package io.graphyne.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The decoder's canonical flag ({@link FcReader#nonCanonicalCount()}, {@link DecodedBlock}) is
 * exact: a value read without any normalisation re-encodes to exactly the bytes it was read from,
 * and a value read with one does not. {@link Codecs#decodeBlock} decodes what {@code
 * Codecs.decode(SignedBlock.class, ...)} decodes, with the same errors.
 */
class CanonicalFlagPropertyTest {
  private static final List<byte[]> REAL_TXS = new ArrayList<>();
  private static final List<byte[]> REAL_BLOCKS = new ArrayList<>();

  static {
    for (var line : Vectors.jsonLines("private-chain/transactions.jsonl")) {
      REAL_TXS.add(Hex.decode(line.get("hex").asText()));
    }
    for (var v : Vectors.json("transactions.json").get("vectors")) {
      if (v.hasNonNull("expected_signed_hex")) {
        REAL_TXS.add(Hex.decode(v.get("expected_signed_hex").asText()));
      }
    }
    for (String line : Vectors.lines("private-chain/blocks.hex")) {
      byte[] raw = Hex.decode(line.strip());
      if (Codecs.decode(SignedBlock.class, raw).transactions().size() > 0) {
        REAL_BLOCKS.add(raw);
      }
    }
  }

  @Provide
  Arbitrary<String> types() {
    return Arbitraries.of(CodecPropertyTest.allTypes());
  }

  /** Reads one value of {@code type}; null if the bytes do not decode. */
  private static Object[] decodeCounting(Codec<Object> c, byte[] bytes) {
    FcReader r = new FcReader(bytes);
    try {
      Object v = c.read(r);
      r.expectEnd();
      return new Object[] {v, r.nonCanonicalCount()};
    } catch (DecodeException e) {
      return null;
    }
  }

  private static byte[] encode(Codec<Object> c, Object v) {
    FcWriter w = new FcWriter();
    c.write(w, v);
    return w.toByteArray();
  }

  /** Clean decode <=> re-encoding == input; returns whether the bytes decoded at all. */
  private static boolean checkFlag(Codec<Object> c, byte[] bytes, String what) {
    Object[] d = decodeCounting(c, bytes);
    if (d == null) {
      return false;
    }
    boolean clean = (int) d[1] == 0;
    byte[] again = encode(c, d[0]);
    assertThat(Arrays.equals(again, bytes)).as(what + " clean=" + clean + " " + Hex.encode(bytes)).isEqualTo(clean);
    return true;
  }

  @Property(tries = 3000)
  void randomValuesOfEveryTypeAreCleanAndMutationsAreFlaggedExactly(@ForAll("types") String type, @ForAll long seed) {
    Codec<Object> c = Codecs.forType(type);
    byte[] canonical = encode(c, new RandomValues(seed).of(type));
    assertThat(checkFlag(c, canonical, type)).isTrue();
    Object[] d = decodeCounting(c, canonical);
    assertThat((int) d[1]).as(type).isZero();
    checkFlag(c, mutate(canonical, new Random(seed)), type);
  }

  @Property(tries = 1500)
  void mutatedRealTransactionsAreFlaggedExactly(@ForAll long seed) {
    Random rnd = new Random(seed);
    byte[] base = REAL_TXS.get(rnd.nextInt(REAL_TXS.size()));
    Codec<Object> c = Codecs.forType("signed_transaction");
    assertThat(checkFlag(c, base, "real")).isTrue();
    checkFlag(c, mutate(base, rnd), "mutated");
  }

  @Property(tries = 400)
  void mutatedRealAndRandomBlocksDecodeAlikeAndSlicesAreExact(@ForAll long seed, @ForAll boolean real) {
    Random rnd = new Random(seed);
    byte[] base = real
        ? REAL_BLOCKS.get(rnd.nextInt(REAL_BLOCKS.size()))
        : Codecs.encode(new RandomValues(seed).of(SignedBlock.class));
    checkBlock(base);
    checkBlock(mutate(base, rnd));
  }

  /** decodeBlock == decode (value or error), and each transaction's flag and ranges are exact. */
  static void checkBlock(byte[] raw) {
    SignedBlock expected = null;
    DecodeException expectedError = null;
    try {
      expected = Codecs.decode(SignedBlock.class, raw);
    } catch (DecodeException e) {
      expectedError = e;
    }
    if (expectedError != null) {
      Throwable t = catchThrowable(() -> Codecs.decodeBlock(raw));
      assertThat(t).isInstanceOf(DecodeException.class).hasMessage(expectedError.getMessage());
      assertThat(((DecodeException) t).kind()).isEqualTo(expectedError.kind());
      return;
    }
    DecodedBlock d = Codecs.decodeBlock(raw);
    assertThat(d.block()).isEqualTo(expected);
    assertThat(d.raw()).isSameAs(raw);
    assertThat(d.transactionCount()).isEqualTo(expected.transactions().size());
    for (int i = 0; i < d.transactionCount(); i++) {
      ProcessedTransaction t = d.transaction(i);
      byte[] slice = Arrays.copyOfRange(raw, d.start(i), d.end(i));
      boolean same = Arrays.equals(Codecs.encode(t), slice);
      assertThat(same).as("tx " + i + " canonical flag").isEqualTo(d.canonical(i));
      if (d.canonical(i)) {
        assertThat(Arrays.copyOfRange(raw, d.start(i), d.unsignedEnd(i))).isEqualTo(Codecs.encode(t.transaction()));
        assertThat(Arrays.copyOfRange(raw, d.start(i), d.signedEnd(i))).isEqualTo(Codecs.encode(t.signed()));
      }
      if (i > 0) {
        assertThat(d.start(i)).isEqualTo(d.end(i - 1));
      }
    }
  }

  @Test
  void everyRealBlockIsCanonicalAndSlicesAreItsTransactions() throws Exception {
    int txs = 0;
    for (String line : Vectors.lines("private-chain/blocks.hex")) {
      txs += checkAllCanonical(Hex.decode(line.strip()));
    }
    int jsonBlocks = 0;
    for (var v : Vectors.json("blocks.json").get("vectors")) {
      if (!v.hasNonNull("block")) {
        continue; // a vector with header fields only
      }
      SignedBlock b = Codecs.of(SignedBlock.class).fromJson(v.get("block"), new JsonContext("BTS"));
      txs += checkAllCanonical(Codecs.encode(b));
      jsonBlocks++;
    }
    assertThat(jsonBlocks).isEqualTo(3);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(Vectors.path("load-chain/blocks.hex.gz"))), StandardCharsets.US_ASCII))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          txs += checkAllCanonical(Hex.decode(line.strip()));
        }
      }
    }
    assertThat(txs).isGreaterThan(63054);
  }

  private static int checkAllCanonical(byte[] raw) {
    checkBlock(raw);
    DecodedBlock d = Codecs.decodeBlock(raw);
    for (int i = 0; i < d.transactionCount(); i++) {
      assertThat(d.canonical(i)).isTrue();
    }
    if (d.transactionCount() > 0) {
      assertThat(d.end(d.transactionCount() - 1)).isEqualTo(raw.length); // the last field of a block
    }
    return d.transactionCount();
  }

  @Test
  void realTransactionsAreClean() {
    Codec<Object> c = Codecs.forType("signed_transaction");
    for (byte[] t : REAL_TXS) {
      FcReader r = new FcReader(t);
      Object v = c.read(r);
      r.expectEnd();
      assertThat(r.nonCanonicalCount()).isZero();
      assertThat(Codecs.encode(v)).isEqualTo(t);
    }
    assertThat(REAL_TXS).hasSizeGreaterThan(200);
  }

  @Test
  void paddedVarintsAndUnsortedOrDuplicatedSetsAreFlagged() {
    byte[] tx = REAL_TXS.get(0);
    // Offset 10 is the operation count (after ref_block_num, ref_block_prefix, expiration).
    assertThat(tx[10]).isEqualTo((byte) 1);
    byte[] padded = splice(tx, 10, 1, new byte[] {(byte) 0x81, 0x00});
    assertThat(flags(padded)).isEqualTo(1);
    assertThat(Codecs.encode(Codecs.decode(SignedTransaction.class, padded))).isEqualTo(tx);
    // Two void_t extensions: the flat_set keeps one.
    int ext = Codecs.encode(Codecs.decode(SignedTransaction.class, tx).transaction()).length - 1;
    assertThat(tx[ext]).isEqualTo((byte) 0);
    byte[] dup = splice(tx, ext, 1, new byte[] {2, 0, 0});
    assertThat(flags(dup)).isEqualTo(1);
    assertThat(Codecs.encode(Codecs.decode(SignedTransaction.class, dup))).isNotEqualTo(dup);
    // An account_auths flat_map with two entries swapped (1.2.12 and 1.2.13 at weight 33).
    byte[] sorted = null;
    for (byte[] t : REAL_TXS) {
      if (Hex.encode(t).contains("0c21000d2100")) {
        sorted = t;
        break;
      }
    }
    assertThat(sorted).isNotNull();
    int at = Hex.encode(sorted).indexOf("0c21000d2100") / 2;
    byte[] unsorted = splice(sorted, at, 6, new byte[] {0x0d, 0x21, 0x00, 0x0c, 0x21, 0x00});
    assertThat(flags(unsorted)).isEqualTo(1);
    assertThat(Codecs.encode(Codecs.decode(SignedTransaction.class, unsorted))).isEqualTo(sorted);
    assertThat(flags(sorted)).isZero();
  }

  private static int flags(byte[] bytes) {
    FcReader r = new FcReader(bytes);
    Codecs.of(SignedTransaction.class).read(r);
    r.expectEnd();
    return r.nonCanonicalCount();
  }

  static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
    byte[] out = new byte[in.length - remove + insert.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
    return out;
  }

  /** CodecPropertyTest's mutations plus non-canonical forms: padded varints, swapped and repeated runs. */
  static byte[] mutate(byte[] in, Random rnd) {
    if (in.length < 2) {
      return CodecPropertyTest.mutate(in, rnd);
    }
    switch (rnd.nextInt(4)) {
      case 0: { // pad a varint: a byte < 0x80 becomes (b | 0x80), 0x00 -- padding if it ended a varint
        int at = rnd.nextInt(in.length);
        for (int k = 0; k < in.length && (in[at] & 0x80) != 0; k++) {
          at = (at + 1) % in.length;
        }
        if ((in[at] & 0x80) != 0) {
          return CodecPropertyTest.mutate(in, rnd);
        }
        return splice(in, at, 1, new byte[] {(byte) (in[at] | 0x80), 0});
      }
      case 1: { // swap two adjacent runs of the same length (set/map entries, fields)
        int len = 1 + rnd.nextInt(Math.min(40, in.length / 2));
        int at = rnd.nextInt(in.length - 2 * len + 1);
        byte[] out = in.clone();
        System.arraycopy(in, at + len, out, at, len);
        System.arraycopy(in, at, out, at + len, len);
        return out;
      }
      case 2: { // repeat a run after itself and bump the byte before it (a count, perhaps)
        int len = 1 + rnd.nextInt(Math.min(40, in.length - 1));
        int at = 1 + rnd.nextInt(in.length - len);
        byte[] out = splice(in, at, 0, Arrays.copyOfRange(in, at, at + len));
        out[at - 1]++;
        return out;
      }
      default:
        return CodecPropertyTest.mutate(in, rnd);
    }
  }
}
