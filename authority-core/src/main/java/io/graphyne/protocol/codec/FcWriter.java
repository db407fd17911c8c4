package io.graphyne.protocol.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** fc::raw writer into a growable byte array. Not thread-safe. */
public final class FcWriter {
  private byte[] buf;
  private int pos;

  public FcWriter() {
    this(256);
  }

  public FcWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }

  public int size() {
    return pos;
  }

  /** Forgets everything written, keeping the buffer. */
  public FcWriter reset() {
    pos = 0;
    return this;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  /** The internal buffer; valid bytes are [0, size()). */
  public byte[] array() {
    return buf;
  }

  public FcWriter u8(int v) {
    ensure(1);
    buf[pos++] = (byte) v;
    return this;
  }

  public FcWriter u16(int v) {
    ensure(2);
    buf[pos++] = (byte) v;
    buf[pos++] = (byte) (v >>> 8);
    return this;
  }

  public FcWriter i32(int v) {
    ensure(4);
    buf[pos++] = (byte) v;
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 24);
    return this;
  }

  public FcWriter u32(long v) {
    return i32((int) v);
  }

  public FcWriter i64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[pos++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  public FcWriter bool(boolean v) {
    return u8(v ? 1 : 0);
  }

  /** fc unsigned_int, minimal LEB128 (the value is read as unsigned 64-bit). */
  public FcWriter varint(long v) {
    ensure(10);
    while ((v & ~0x7fL) != 0) {
      buf[pos++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
    return this;
  }

  public FcWriter bytes(byte[] b) {
    return bytes(b, 0, b.length);
  }

  public FcWriter bytes(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, buf, pos, len);
    pos += len;
    return this;
  }

  public FcWriter varBytes(byte[] b) {
    varint(b.length);
    return bytes(b);
  }

  /** std::string as UTF-8; lone surrogates U+DC80..U+DCFF are raw bytes (see FcReader#string). */
  public FcWriter string(String s) {
    return varBytes(utf8Lossless(s));
  }

  static byte[] utf8Lossless(String s) {
    boolean escaped = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xDC80 && c <= 0xDCFF) {
        escaped = true;
        break;
      }
    }
    if (!escaped) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() + 8);
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (cp >= 0xDC80 && cp <= 0xDCFF) {
        out.write(cp & 0xff); // an escaped raw byte (a lone low surrogate)
      } else {
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
      i += Character.charCount(cp);
    }
    return out.toByteArray();
  }
}
