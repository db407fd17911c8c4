package io.graphyne.p2p.crypto;

/**
 * fc's {@code city_hash_crc_128} (spec/p2p.md §1.3): Google CityHash v1.1.1 {@code CityHashCrc128}
 * with fc's 128-bit helper, whose constructor takes (high, low) where Google's pair is (low,
 * high). The result is returned as {@code {hi, lo}}; the STCP IV is LE64(hi) || LE64(lo).
 *
 * <p>All arithmetic is unsigned 64-bit modulo 2^64, which Java's long arithmetic gives for free
 * (with {@code >>>} for logical shifts).
 */
public final class FcCityHash {
  private static final long K0 = 0xc3a5c85c97cb3127L;
  private static final long K1 = 0xb492b66fbe98f273L;
  private static final long K2 = 0x9ae16a3b2f90404fL;
  private static final long K_MUL = 0x9ddfea08eb382d69L;

  private FcCityHash() {}

  /** {@code {hi, lo}} of fc::city_hash_crc_128 over {@code s}. */
  public static long[] cityHashCrc128(byte[] s) {
    return cityHashCrc128(s, 0, s.length);
  }

  public static long[] cityHashCrc128(byte[] s, int off, int len) {
    if (len <= 900) {
      if (len >= 16) {
        // seed hi = Fetch64(s), lo = Fetch64(s + 8) + k0
        return cityHash128WithSeed(s, off + 16, len - 16, fetch64(s, off), fetch64(s, off + 8) + K0);
      }
      return cityHash128WithSeed(s, off, len, K0, K1);
    }
    long[] r = crc256(s, off, len);
    return new long[] {r[2], r[3]};
  }

  /** The 16-byte AES IV fc derives from {@code s}: LE64(hi) || LE64(lo). */
  public static byte[] iv(byte[] s) {
    long[] h = cityHashCrc128(s);
    byte[] iv = new byte[16];
    for (int i = 0; i < 8; i++) {
      iv[i] = (byte) (h[0] >>> (8 * i));
      iv[8 + i] = (byte) (h[1] >>> (8 * i));
    }
    return iv;
  }

  static long fetch64(byte[] b, int p) {
    return (b[p] & 0xffL)
        | (b[p + 1] & 0xffL) << 8
        | (b[p + 2] & 0xffL) << 16
        | (b[p + 3] & 0xffL) << 24
        | (b[p + 4] & 0xffL) << 32
        | (b[p + 5] & 0xffL) << 40
        | (b[p + 6] & 0xffL) << 48
        | (b[p + 7] & 0xffL) << 56;
  }

  static long fetch32(byte[] b, int p) {
    return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
  }

  private static long rotate(long v, int shift) {
    return shift == 0 ? v : Long.rotateRight(v, shift);
  }

  private static long shiftMix(long v) {
    return v ^ (v >>> 47);
  }

  /** fc's two-argument HashLen16(u, v) = Hash128to64(uint128(hi = u, lo = v)). */
  static long hashLen16(long u, long v) {
    long a = (v ^ u) * K_MUL;
    a ^= a >>> 47;
    long b = (u ^ a) * K_MUL;
    b ^= b >>> 47;
    return b * K_MUL;
  }

  private static long hashLen16(long u, long v, long mul) {
    long a = (u ^ v) * mul;
    a ^= a >>> 47;
    long b = (v ^ a) * mul;
    b ^= b >>> 47;
    return b * mul;
  }

  private static long hashLen0to16(byte[] s, int off, int len) {
    if (len >= 8) {
      long mul = K2 + len * 2L;
      long a = fetch64(s, off) + K2;
      long b = fetch64(s, off + len - 8);
      long c = rotate(b, 37) * mul + a;
      long d = (rotate(a, 25) + b) * mul;
      return hashLen16(c, d, mul);
    }
    if (len >= 4) {
      long mul = K2 + len * 2L;
      long a = fetch32(s, off);
      return hashLen16(len + (a << 3), fetch32(s, off + len - 4), mul);
    }
    if (len > 0) {
      int a = s[off] & 0xff;
      int b = s[off + (len >>> 1)] & 0xff;
      int c = s[off + len - 1] & 0xff;
      long y = (a + (b << 8)) & 0xffffffffL;
      long z = (len + (c << 2)) & 0xffffffffL;
      return shiftMix(y * K2 ^ z * K0) * K2;
    }
    return K2;
  }

  /** CityMurmur for inputs shorter than 128 bytes; seed given as (hi, lo). */
  private static long[] cityMurmur(byte[] s, int off, int len, long seedHi, long seedLo) {
    long a = seedLo;
    long b = seedHi;
    long c;
    long d;
    int l = len - 16;
    if (l <= 0) {
      a = shiftMix(a * K1) * K1;
      c = b * K1 + hashLen0to16(s, off, len);
      d = shiftMix(a + (len >= 8 ? fetch64(s, off) : c));
    } else {
      c = hashLen16(fetch64(s, off + len - 8) + K1, a);
      d = hashLen16(b + len, c + fetch64(s, off + len - 16));
      a += d;
      int p = off;
      do {
        a ^= shiftMix(fetch64(s, p) * K1) * K1;
        a *= K1;
        b ^= a;
        c ^= shiftMix(fetch64(s, p + 8) * K1) * K1;
        c *= K1;
        d ^= c;
        p += 16;
        l -= 16;
      } while (l > 0);
    }
    a = hashLen16(a, c);
    b = hashLen16(d, b);
    return new long[] {a ^ b, hashLen16(b, a)};
  }

  private static void weakHashLen32WithSeeds(byte[] s, int p, long a, long b, long[] out) {
    long w = fetch64(s, p);
    long x = fetch64(s, p + 8);
    long y = fetch64(s, p + 16);
    long z = fetch64(s, p + 24);
    a += w;
    b = rotate(b + a + z, 21);
    long c = a;
    a += x;
    a += y;
    b += rotate(a, 44);
    out[0] = a + z;
    out[1] = b + c;
  }

  static long[] cityHash128WithSeed(byte[] s, int off, int len, long seedHi, long seedLo) {
    if (len < 128) {
      return cityMurmur(s, off, len, seedHi, seedLo);
    }
    long[] v = new long[2];
    long[] w = new long[2];
    long x = seedLo;
    long y = seedHi;
    long z = len * K1;
    v[0] = rotate(y ^ K1, 49) * K1 + fetch64(s, off);
    v[1] = rotate(v[0], 42) * K1 + fetch64(s, off + 8);
    w[0] = rotate(y + z, 35) * K1 + x;
    w[1] = rotate(x + fetch64(s, off + 88), 53) * K1;
    int p = off;
    do {
      for (int half = 0; half < 2; half++) {
        x = rotate(x + y + v[0] + fetch64(s, p + 8), 37) * K1;
        y = rotate(y + v[1] + fetch64(s, p + 48), 42) * K1;
        x ^= w[1];
        y += v[0] + fetch64(s, p + 40);
        z = rotate(z + w[0], 33) * K1;
        weakHashLen32WithSeeds(s, p, v[1] * K1, x + w[0], v);
        weakHashLen32WithSeeds(s, p + 32, z + w[1], y + fetch64(s, p + 16), w);
        long t = z;
        z = x;
        x = t;
        p += 64;
      }
      len -= 128;
    } while (len >= 128);
    x += rotate(v[0] + z, 49) * K0;
    y = y * K0 + rotate(w[1], 37);
    z = z * K0 + rotate(w[0], 27);
    w[0] *= 9;
    v[0] *= K0;
    for (int tailDone = 0; tailDone < len; ) {
      tailDone += 32;
      y = rotate(x + y, 42) * K0 + v[1];
      w[0] += fetch64(s, p + len - tailDone + 16);
      x = x * K0 + w[0];
      z += w[1] + fetch64(s, p + len - tailDone);
      w[1] += v[0];
      weakHashLen32WithSeeds(s, p + len - tailDone, v[0] + z, v[1], v);
      v[0] *= K0;
    }
    x = hashLen16(x, v[0]);
    y = hashLen16(y + z, w[0]);
    return new long[] {hashLen16(x + v[1], w[1]) + y, hashLen16(x + w[1], y + v[1])};
  }

  // ---- CRC256 path (inputs longer than 900 bytes) ----

  private static final int[] CRC32C_TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int c = i;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
      }
      CRC32C_TABLE[i] = c;
    }
  }

  /** SSE4.2 {@code _mm_crc32_u64}: raw CRC-32C (no pre/post inversion) of v's 8 LE bytes. */
  static long crc32u64(long crc, long v) {
    int c = (int) crc;
    for (int i = 0; i < 8; i++) {
      c = CRC32C_TABLE[(c ^ (int) (v >>> (8 * i))) & 0xff] ^ (c >>> 8);
    }
    return c & 0xffffffffL;
  }

  private static long[] crc256(byte[] s, int off, int len) {
    long[] result = new long[4];
    if (len >= 240) {
      crc256Long(s, off, len, 0, result);
    } else {
      byte[] buf = new byte[240];
      System.arraycopy(s, off, buf, 0, len);
      crc256Long(buf, 0, 240, (~len) & 0xffffffffL, result);
    }
    return result;
  }

  /** State of CityHashCrc256Long, with the CHUNK step as a method. */
  private static final class Crc256State {
    long a, b, c, d, e, f, g, h, x, y, z;
    final byte[] s;
    int p;

    Crc256State(byte[] s, int p) {
      this.s = s;
      this.p = p;
    }

    void chunk(int r) {
      // PERMUTE3(x, z, y): swap(x, z); swap(x, y)
      long t = x;
      x = z;
      z = t;
      t = x;
      x = y;
      y = t;
      b += fetch64(s, p);
      c += fetch64(s, p + 8);
      d += fetch64(s, p + 16);
      e += fetch64(s, p + 24);
      f += fetch64(s, p + 32);
      a += b;
      h += f;
      b += c;
      f += d;
      g += e;
      e += z;
      g += x;
      z = crc32u64(z, b + g);
      y = crc32u64(y, e + h);
      x = crc32u64(x, f + a);
      e = rotate(e, r);
      c += e;
      p += 40;
    }
  }

  private static void crc256Long(byte[] s, int off, int len, long seed, long[] result) {
    Crc256State st = new Crc256State(s, off);
    st.a = fetch64(s, off + 56) + K0;
    st.b = fetch64(s, off + 96) + K0;
    st.c = result[0] = hashLen16(st.b, len);
    st.d = result[1] = fetch64(s, off + 120) * K0 + len;
    st.e = fetch64(s, off + 184) + seed;
    st.f = 0;
    st.g = 0;
    st.h = st.c + st.d;
    st.x = seed;
    st.y = 0;
    st.z = 0;
    int iters = len / 240;
    len -= iters * 240;
    do {
      long t;
      st.chunk(0);
      // PERMUTE3(a, h, c)
      t = st.a; st.a = st.h; st.h = t; t = st.a; st.a = st.c; st.c = t;
      st.chunk(33);
      t = st.a; st.a = st.h; st.h = t; t = st.a; st.a = st.f; st.f = t;
      st.chunk(0);
      t = st.b; st.b = st.h; st.h = t; t = st.b; st.b = st.f; st.f = t;
      st.chunk(42);
      t = st.b; st.b = st.h; st.h = t; t = st.b; st.b = st.d; st.d = t;
      st.chunk(0);
      t = st.b; st.b = st.h; st.h = t; t = st.b; st.b = st.e; st.e = t;
      st.chunk(33);
      t = st.a; st.a = st.h; st.h = t; t = st.a; st.a = st.e; st.e = t;
    } while (--iters > 0);
    while (len >= 40) {
      st.chunk(29);
      st.e ^= rotate(st.a, 20);
      st.h += rotate(st.b, 30);
      st.g ^= rotate(st.c, 40);
      st.f += rotate(st.d, 34);
      long t = st.c; st.c = st.h; st.h = t; t = st.c; st.c = st.g; st.g = t;
      len -= 40;
    }
    if (len > 0) {
      st.p = st.p + len - 40;
      st.chunk(33);
      st.e ^= rotate(st.a, 43);
      st.h += rotate(st.b, 42);
      st.g ^= rotate(st.c, 41);
      st.f += rotate(st.d, 40);
    }
    long a = st.a, b = st.b, c = st.c, d = st.d, e = st.e, f = st.f, g = st.g, h = st.h;
    long x = st.x, y = st.y, z = st.z;
    result[0] ^= h;
    result[1] ^= g;
    g += h;
    a = hashLen16(a, g + z);
    x += y << 32;
    b += x;
    c = hashLen16(c, z) + h;
    d = hashLen16(d, e + result[0]);
    g += e;
    h += hashLen16(x, f);
    e = hashLen16(a, d) + g;
    z = hashLen16(b, c) + a;
    y = hashLen16(g, h) + c;
    result[0] = e + z + y + x;
    a = shiftMix((a + y) * K0) * K0 + b;
    result[1] += a + result[0];
    a = shiftMix(a * K0) * K0 + c;
    result[2] = a + result[1];
    a = shiftMix((a + e) * K0) * K0;
    result[3] = a + result[2];
  }
}
