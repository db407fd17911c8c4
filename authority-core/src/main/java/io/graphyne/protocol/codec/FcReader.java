package io.graphyne.protocol.codec;

import io.graphyne.protocol.codec.DecodeException.Kind;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * fc::raw reader over a byte array (spec/chain.md §1). Every read is bounds-checked and every
 * length and count is bounded, so hostile input can cost at most time and memory proportional to
 * its own size. Not thread-safe; one reader per input.
 */
public final class FcReader {
  /** fc's MAX_ARRAY_ALLOC_SIZE: longest string / vector&lt;char&gt;. */
  public static final int MAX_BYTES_LENGTH = 10 * 1024 * 1024;
  /** Nesting budget (struct levels); fc's FC_PACK_MAX_DEPTH allows about 200. */
  public static final int DEFAULT_MAX_DEPTH = 200;

  private final byte[] buf;
  private final int start;
  private final int limit;
  private int pos;
  private int depth;
  private final int maxDepth;
  /** How many normalisations (input that is not the canonical encoding) reads have met so far. */
  private int nonCanonical;
  private java.time.Instant lastInstant;
  /** By depth: component arrays of the records being read ({@link #recordScratch}). */
  private Object[][] refScratch = new Object[0][];
  private long[][] primScratch = new long[0][];

  public FcReader(byte[] buf) {
    this(buf, 0, buf.length, DEFAULT_MAX_DEPTH);
  }

  public FcReader(byte[] buf, int offset, int length) {
    this(buf, offset, length, DEFAULT_MAX_DEPTH);
  }

  public FcReader(byte[] buf, int offset, int length, int maxDepth) {
    if (offset < 0 || length < 0 || offset + length > buf.length) {
      throw new IndexOutOfBoundsException("offset " + offset + " length " + length);
    }
    this.buf = buf;
    this.start = offset;
    this.pos = offset;
    this.limit = offset + length;
    this.maxDepth = maxDepth;
  }

  /** Offset relative to the start of this reader's input. */
  public int position() {
    return pos - start;
  }

  public int remaining() {
    return limit - pos;
  }

  public boolean hasRemaining() {
    return pos < limit;
  }

  /** The underlying array (for slicing raw spans without copying). */
  public byte[] array() {
    return buf;
  }

  /** Absolute index in {@link #array()} of the next byte. */
  public int arrayPosition() {
    return pos;
  }

  public DecodeException error(Kind kind, String detail) {
    return new DecodeException(kind, position(), detail);
  }

  private void need(int n) {
    if (n > limit - pos) {
      throw error(Kind.TRUNCATED, "need " + n + " bytes, " + (limit - pos) + " left");
    }
  }

  /**
   * {@code Instant.ofEpochSecond(seconds)}, the same instance as the previous call's when the
   * seconds are the same (a block's transactions share a few expiration times; Instant is an
   * immutable value).
   */
  java.time.Instant instant(long seconds) {
    java.time.Instant last = lastInstant;
    if (last == null || last.getEpochSecond() != seconds) {
      last = java.time.Instant.ofEpochSecond(seconds);
      lastInstant = last;
    }
    return last;
  }

  /**
   * An array of at least {@code n} slots for the components of a record being read at the
   * current nesting depth (records read inside it are one level deeper, so they never share it).
   * Reused for every record at that depth; the caller must not keep it.
   */
  Object[] recordScratch(int n) {
    Object[][] byDepth = refScratch;
    if (depth >= byDepth.length) {
      byDepth = refScratch = Arrays.copyOf(byDepth, depth + 8);
    }
    Object[] a = byDepth[depth];
    if (a == null || a.length < n) {
      a = byDepth[depth] = new Object[Math.max(n, 8)];
    }
    return a;
  }

  /** As {@link #recordScratch}, for the record's integer components. */
  long[] primitiveScratch(int n) {
    long[][] byDepth = primScratch;
    if (depth >= byDepth.length) {
      byDepth = primScratch = Arrays.copyOf(byDepth, depth + 8);
    }
    long[] a = byDepth[depth];
    if (a == null || a.length < n) {
      a = byDepth[depth] = new long[Math.max(n, 8)];
    }
    return a;
  }

  /** Throws unless the whole input was consumed. */
  public void expectEnd() {
    if (pos != limit) {
      throw error(Kind.TRAILING_BYTES, (limit - pos) + " unread bytes after the value");
    }
  }

  /**
   * Records that what was just read is not in canonical form (a padded varint, an unsorted or
   * duplicated flat_set/flat_map entry): re-encoding the decoded value gives different bytes.
   */
  public void noteNonCanonical() {
    nonCanonical++;
  }

  /**
   * How many normalisations the reads so far have made. When it is unchanged across the read of
   * a value, the value's re-encoding is exactly the bytes it was read from.
   */
  public int nonCanonicalCount() {
    return nonCanonical;
  }

  public void enter() {
    if (++depth > maxDepth) {
      throw error(Kind.DEPTH_LIMIT, "nesting deeper than " + maxDepth);
    }
  }

  public void exit() {
    depth--;
  }

  public int u8() {
    need(1);
    return buf[pos++] & 0xff;
  }

  public int u16() {
    need(2);
    int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8;
    pos += 2;
    return v;
  }

  public int i16() {
    return (short) u16();
  }

  public int i32() {
    need(4);
    int v =
        (buf[pos] & 0xff)
            | (buf[pos + 1] & 0xff) << 8
            | (buf[pos + 2] & 0xff) << 16
            | (buf[pos + 3] & 0xff) << 24;
    pos += 4;
    return v;
  }

  public long u32() {
    return i32() & 0xffffffffL;
  }

  public long i64() {
    need(8);
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (buf[pos + i] & 0xff);
    }
    pos += 8;
    return v;
  }

  public boolean bool() {
    int b = u8();
    if ((b & ~1) != 0) {
      pos--;
      throw error(Kind.BAD_BOOL, "bool byte is " + b + ", not 0 or 1");
    }
    return b == 1;
  }

  /**
   * fc unsigned_int: LEB128, at most 10 bytes, full 64-bit range. Non-minimal encodings are
   * accepted, as fc accepts them, and counted in {@link #nonCanonicalCount()}.
   */
  public long varint() {
    long v = 0;
    int shift = 0;
    int at = position();
    while (true) {
      if (pos >= limit) {
        throw new DecodeException(Kind.TRUNCATED, at, "varint runs past the end");
      }
      int b = buf[pos++] & 0xff;
      if (shift == 63 && b > 1) {
        throw new DecodeException(Kind.BAD_VARINT, at, "varint exceeds 64 bits");
      }
      v |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        if (b == 0 && shift > 0) {
          nonCanonical++; // a zero last byte after continuation bytes: padded, not minimal
        }
        return v;
      }
      shift += 7;
      if (shift > 63) {
        throw new DecodeException(Kind.BAD_VARINT, at, "varint longer than 10 bytes");
      }
    }
  }

  /** A varint used as a length or count, checked against {@code max} and the remaining input. */
  public int count(long minElementBytes, int max) {
    int at = position();
    long n = varint();
    if (n < 0 || n > max) {
      throw new DecodeException(Kind.COUNT_LIMIT, at, "count " + Long.toUnsignedString(n) + " exceeds " + max);
    }
    if (minElementBytes > 0 && n * minElementBytes > remaining()) {
      throw new DecodeException(
          Kind.TRUNCATED, at, "count " + n + " needs at least " + n * minElementBytes + " bytes, " + remaining() + " left");
    }
    return (int) n;
  }

  public byte[] bytes(int n) {
    need(n);
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  public void skip(int n) {
    need(n);
    pos += n;
  }

  /** vector&lt;char&gt;: varint length then raw bytes. */
  public byte[] varBytes() {
    int n = count(1, MAX_BYTES_LENGTH);
    return bytes(n);
  }

  /**
   * std::string. fc does not check strings for UTF-8, so neither may a node that must reach the same
   * verdicts: valid UTF-8 decodes as usual, and each byte of a malformed sequence becomes the lone
   * surrogate U+DC80..U+DCFF (the "surrogateescape" mapping), which {@link FcWriter#string} turns back
   * into the same byte. Any byte string therefore round-trips exactly.
   */
  public String string() {
    int n = count(1, MAX_BYTES_LENGTH);
    need(n);
    String s = decodeUtf8Lossless(buf, pos, n);
    pos += n;
    return s;
  }

  static String decodeUtf8Lossless(byte[] b, int off, int len) {
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    CharBuffer out = CharBuffer.allocate(len);
    while (true) {
      CoderResult r = dec.decode(in, out, true);
      if (r.isUnderflow()) {
        dec.flush(out);
        break;
      }
      if (r.isError()) {
        for (int i = 0; i < r.length(); i++) {
          out.put((char) (0xDC00 | (in.get() & 0xff)));
        }
      } else {
        throw new IllegalStateException("UTF-8 decoding overflowed: " + r);
      }
    }
    out.flip();
    return out.toString();
  }
}
