package io.graphyne.node.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.util.Hex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HexLineReaderTest {
  static List<HexLineReader.Line> read(String text, int max) throws IOException {
    return read(text.getBytes(StandardCharsets.ISO_8859_1), max);
  }

  static List<HexLineReader.Line> read(byte[] bytes, int max) throws IOException {
    List<HexLineReader.Line> whole = read(new ByteArrayInputStream(bytes), max);
    // the same input delivered a few bytes per read: buffer boundaries anywhere give the same lines
    List<HexLineReader.Line> chunked = read(new Trickle(bytes), max);
    assertThat(chunked).hasSameSizeAs(whole);
    for (int i = 0; i < whole.size(); i++) {
      assertThat(chunked.get(i).bytes()).isEqualTo(whole.get(i).bytes());
      assertThat(chunked.get(i).malformed()).isEqualTo(whole.get(i).malformed());
    }
    return whole;
  }

  /** An input stream that hands out 1..7 bytes per read. */
  static final class Trickle extends java.io.InputStream {
    private final byte[] data;
    private int pos;

    Trickle(byte[] data) {
      this.data = data;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + (pos * 7 + 3) % 7), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  static List<HexLineReader.Line> read(java.io.InputStream in, int max) throws IOException {
    List<HexLineReader.Line> out = new ArrayList<>();
    try (HexLineReader r = new HexLineReader(in, max)) {
      HexLineReader.Line l;
      while ((l = r.next()) != null) {
        out.add(l);
      }
    }
    return out;
  }

  @Test
  void decodesLinesSkippingBlanksSpacesAndCarriageReturns() throws IOException {
    List<HexLineReader.Line> l = read("00ff\n\n  \r\n  A1b2 \r\nDEADbeef", 100);
    assertThat(l).hasSize(3);
    assertThat(l.get(0).bytes()).containsExactly(0x00, 0xff);
    assertThat(l.get(1).bytes()).containsExactly(0xa1, 0xb2);
    assertThat(l.get(2).bytes()).containsExactly(0xde, 0xad, 0xbe, 0xef);
    assertThat(l).allSatisfy(x -> assertThat(x.malformed()).isNull());
  }

  @Test
  void malformedLinesAreReportedAndReadingGoesOn() throws IOException {
    List<HexLineReader.Line> l = read("abc\nzz00\nab cd\n" + "00".repeat(60) + "\n0102\n", 100);
    assertThat(l).hasSize(5);
    assertThat(l.get(0).malformed()).contains("odd number");
    assertThat(l.get(1).malformed()).contains("not a hex digit at character 1");
    assertThat(l.get(2).malformed()).contains("space inside");
    assertThat(l.get(3).malformed()).contains("longer than 100");
    assertThat(l.get(4).bytes()).containsExactly(1, 2);
  }

  @Test
  void largeLinesGrowTheBuffer() throws IOException {
    byte[] big = new byte[300_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    List<HexLineReader.Line> l = read(Hex.encode(big) + "\n" + Hex.encode(big), Integer.MAX_VALUE);
    assertThat(l).hasSize(2);
    assertThat(l.get(0).bytes()).isEqualTo(big);
    assertThat(l.get(1).bytes()).isEqualTo(big);
  }

  @Property(tries = 300)
  void roundTripsAnyBytes(@ForAll @Size(max = 5) List<@Size(max = 200) byte[]> blocks) throws IOException {
    StringBuilder sb = new StringBuilder();
    List<byte[]> nonEmpty = new ArrayList<>();
    for (byte[] b : blocks) {
      sb.append(" \t").append(Hex.encode(b)).append("\r\n\n");
      if (b.length > 0) {
        nonEmpty.add(b);
      }
    }
    List<HexLineReader.Line> l = read(sb.toString(), 1000);
    assertThat(l).hasSize(nonEmpty.size());
    for (int i = 0; i < l.size(); i++) {
      assertThat(l.get(i).bytes()).isEqualTo(nonEmpty.get(i));
    }
  }

  @Property(tries = 300)
  void arbitraryInputNeverThrows(@ForAll @Size(max = 400) byte[] garbage) throws IOException {
    List<HexLineReader.Line> l = read(garbage, 64);
    assertThat(l).allSatisfy(x -> assertThat(x.bytes() == null).isEqualTo(x.malformed() != null));
  }
}
