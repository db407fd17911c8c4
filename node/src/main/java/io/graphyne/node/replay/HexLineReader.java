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

  /** Digit values; -1 for a space, tab or CR; -2 for anything else. */
  private static final byte[] CLASS = new byte[256];

  static {
    java.util.Arrays.fill(CLASS, (byte) -2);
    for (int c = '0'; c <= '9'; c++) {
      CLASS[c] = (byte) (c - '0');
    }
    for (int c = 'a'; c <= 'f'; c++) {
      CLASS[c] = (byte) (c - 'a' + 10);
      CLASS[c - 'a' + 'A'] = (byte) (c - 'a' + 10);
    }
    CLASS[' '] = -1;
    CLASS['\t'] = -1;
    CLASS['\r'] = -1;
  }

  private Line line(int first) throws IOException {
    pos--; // re-read the first character in the fast loop below
    int n = 0;
    long chars = 0;
    int hi = -1;
    String bad = null;
    boolean trailingSpace = false;
    while (true) {
      if (pos == end && read() >= 0) {
        pos--;
      }
      if (pos == end) {
        break; // end of input
      }
      byte[] b = buf;
      int p = pos;
      int e = end;
      boolean eol = false;
      if (bad == null && !trailingSpace && hi < 0 && chars + (e - p) <= maxLineChars) {
        // fast path: pairs of hex digits until something else shows up
        if (out.length - n < (e - p) / 2 + 1) {
          out = Arrays.copyOf(out, Math.max(out.length * 2, n + (e - p) / 2 + 1));
        }
        while (p + 1 < e) {
          int v1 = CLASS[b[p] & 0xff];
          int v2 = CLASS[b[p + 1] & 0xff];
          if ((v1 | v2) < 0) {
            break;
          }
          out[n++] = (byte) (v1 << 4 | v2);
          p += 2;
        }
        chars += p - pos;
      }
      for (; p < e; p++) {
        int c = b[p] & 0xff;
        if (c == '\n') {
          eol = true;
          p++;
          break;
        }
        chars++;
        if (bad != null) {
          continue; // skip to the end of the line
        }
        if (chars > maxLineChars) {
          bad = "line longer than " + maxLineChars + " characters";
          continue;
        }
        int v = CLASS[c];
        if (v == -1) {
          trailingSpace = true;
          continue;
        }
        if (trailingSpace) {
          bad = "space inside the hex";
          continue;
        }
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
          if (p + 1 < e && (e - p) > 64) {
            p++;
            break; // back to the fast path
          }
        }
      }
      pos = p;
      if (eol) {
        break;
      }
    }
    if (bad == null && hi >= 0) {
      bad = "odd number of hex digits";
    }
    return bad != null ? new Line(null, bad) : new Line(Arrays.copyOf(out, n), null);
  }

  private static boolean isSpace(int c) {
    return CLASS[c] == -1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
