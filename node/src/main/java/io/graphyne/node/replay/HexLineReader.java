package io.graphyne.node.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a file of hex-encoded blocks, one per line, decoding each line straight from the input
 * bytes (no String per line: a replay reads hundreds of megabytes of hex). Blank lines and
 * surrounding spaces, tabs and CRs are skipped. A line that is not hex, has an odd number of
 * digits or is longer than the limit is returned as {@link Line#malformed()}.
 */
public final class HexLineReader implements Closeable {
  /** One line: its decoded bytes, or why it could not be decoded. */
  public record Line(byte[] bytes, String malformed) {}

  private final InputStream in;
  private final int maxLineChars;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int end;
  private byte[] out = new byte[1 << 16];

  public HexLineReader(InputStream in, int maxLineChars) {
    this.in = in;
    this.maxLineChars = maxLineChars;
  }

  private int read() throws IOException {
    if (pos == end) {
      end = in.read(buf, 0, buf.length);
      pos = 0;
      if (end <= 0) {
        end = 0;
        return -1;
      }
    }
    return buf[pos++] & 0xff;
  }

  /** The next non-blank line, or null at the end of the input. */
  public Line next() throws IOException {
    while (true) {
      int c = read();
      if (c < 0) {
        return null;
      }
      if (c == '\n' || isSpace(c)) {
        continue;
      }
      return line(c);
    }
  }

  private Line line(int first) throws IOException {
    int n = 0;
    long chars = 0;
    int hi = -1;
    String bad = null;
    int trailingSpace = 0;
    for (int c = first; c >= 0 && c != '\n'; c = read()) {
      chars++;
      if (bad != null) {
        continue; // skip to the end of the line
      }
      if (chars > maxLineChars) {
        bad = "line longer than " + maxLineChars + " characters";
        continue;
      }
      if (isSpace(c)) {
        trailingSpace++;
        continue;
      }
      if (trailingSpace > 0) {
        bad = "space inside the hex";
        continue;
      }
      int v = digit(c);
      if (v < 0) {
        bad = "not a hex digit at character " + chars;
        continue;
      }
      if (hi < 0) {
        hi = v;
      } else {
        if (n == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        out[n++] = (byte) (hi << 4 | v);
        hi = -1;
      }
    }
    if (bad == null && hi >= 0) {
      bad = "odd number of hex digits";
    }
    return bad != null ? new Line(null, bad) : new Line(Arrays.copyOf(out, n), null);
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  private static int digit(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
