package io.graphyne.protocol.codec;

import io.graphyne.protocol.Address;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.Pair;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.VoteId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random values of any fc type, built by walking the codec tree (so every type the codec knows is
 * covered without a second description of the protocol). Sets and maps come out canonical.
 * Nesting is bounded: past {@link #maxDepth} containers are empty and optionals absent.
 */
public final class RandomValues {
  private final Random rnd;
  private final int maxDepth;

  public RandomValues(long seed) {
    this(seed, 3);
  }

  public RandomValues(long seed, int maxDepth) {
    this.rnd = new Random(seed);
    this.maxDepth = maxDepth;
  }

  public Object of(String fcType) {
    return value(Codecs.forType(fcType), 0);
  }

  public <T> T of(Class<T> recordClass) {
    return recordClass.cast(value(Codecs.of(recordClass), 0));
  }

  private long boundary(long... extra) {
    long[] common = {0, 1, 127, 128, 255, 256, 16383, 16384, 65535, 0x7fffffffL, 0xffffffffL, 1L << 32};
    if (rnd.nextInt(3) == 0) {
      long[] pool = rnd.nextBoolean() || extra.length == 0 ? common : extra;
      return pool[rnd.nextInt(pool.length)];
    }
    return rnd.nextLong();
  }

  private int count(int depth) {
    if (depth >= maxDepth) {
      return 0;
    }
    return rnd.nextInt(4);
  }

  private String randomString() {
    String[] samples = {"", "a", "nathan", "héllo", "emoji \uD83D\uDE00", "tab\tnew\nline", "\"quoted\"", "x".repeat(130)};
    if (rnd.nextBoolean()) {
      return samples[rnd.nextInt(samples.length)];
    }
    if (rnd.nextInt(4) == 0) {
      // Arbitrary bytes, valid UTF-8 or not: fc accepts any.
      byte[] raw = randomBytes(rnd.nextInt(24));
      return FcReader.decodeUtf8Lossless(raw, 0, raw.length);
    }
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(20);
    for (int i = 0; i < n; i++) {
      sb.append((char) (0x20 + rnd.nextInt(0x5e)));
    }
    return sb.toString();
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object value(Codec<?> codec, int depth) {
    if (codec instanceof Codecs.LazyCodec lazy) {
      return value(lazy.target(), depth);
    }
    if (codec instanceof PrimitiveCodecs.IntCodec ic) {
      long span = ic.max() - ic.min() + 1;
      return (int) (ic.min() + Math.floorMod(rnd.nextLong(), span));
    }
    if (codec instanceof PrimitiveCodecs.LongCodec lc) {
      switch (lc.form) {
        case U32:
          return boundary() & 0xffffffffL;
        default:
          return boundary(Long.MIN_VALUE, Long.MAX_VALUE, -1L);
      }
    }
    if (codec == PrimitiveCodecs.BOOL) {
      return rnd.nextBoolean();
    }
    if (codec == PrimitiveCodecs.STRING) {
      return randomString();
    }
    if (codec == PrimitiveCodecs.VAR_BYTES) {
      return Bytes.wrap(randomBytes(rnd.nextInt(depth >= maxDepth ? 2 : 200)));
    }
    if (codec == PrimitiveCodecs.TIME_POINT_SEC) {
      return Instant.ofEpochSecond(boundary() & 0xffffffffL);
    }
    if (codec == PrimitiveCodecs.PUBLIC_KEY) {
      byte[] k = randomBytes(33);
      k[0] = (byte) (2 + rnd.nextInt(2));
      return PublicKey.wrap(k);
    }
    if (codec == PrimitiveCodecs.ADDRESS) {
      return Address.wrap(randomBytes(20));
    }
    if (codec instanceof PrimitiveCodecs.TypedIdCodec t) {
      return new ObjectId(t.space, t.type, boundary() & ObjectId.MAX_INSTANCE);
    }
    if (codec == PrimitiveCodecs.OBJECT_ID) {
      return new ObjectId(rnd.nextInt(256), rnd.nextInt(256), boundary() & ObjectId.MAX_INSTANCE);
    }
    if (codec == PrimitiveCodecs.VOTE_ID) {
      return new VoteId(rnd.nextInt(3), rnd.nextInt(1 << 24));
    }
    if (codec.fcType().startsWith("fc::") || codec.fcType().startsWith("bytes[")) {
      return Bytes.wrap(randomBytes(codec.minBytes()));
    }
    if (codec instanceof ContainerCodecs.OptionalCodec o) {
      return depth >= maxDepth || rnd.nextBoolean() ? null : value(o.inner, depth + 1);
    }
    if (codec instanceof ContainerCodecs.VectorCodec v) {
      List<Object> out = new ArrayList<>();
      for (int i = count(depth); i > 0; i--) {
        out.add(value(v.element, depth + 1));
      }
      return List.copyOf(out);
    }
    if (codec instanceof ContainerCodecs.SetCodec s) {
      List<Object> out = new ArrayList<>();
      for (int i = count(depth); i > 0; i--) {
        out.add(value(s.element, depth + 1));
      }
      return List.copyOf(ContainerCodecs.canonicalList(out, s.element.comparator()));
    }
    if (codec instanceof ContainerCodecs.MapCodec m) {
      List<Object> keys = new ArrayList<>();
      for (int i = count(depth); i > 0; i--) {
        keys.add(value(m.key, depth + 1));
      }
      keys = ContainerCodecs.canonicalList(keys, m.key.comparator());
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Object k : keys) {
        out.put(k, value(m.value, depth + 1));
      }
      return out;
    }
    if (codec instanceof ContainerCodecs.PairCodec p) {
      return new Pair(value(p.a, depth + 1), value(p.b, depth + 1));
    }
    if (codec instanceof ContainerCodecs.ExtensionCodec e) {
      RecordCodec<?> rc = e.record;
      Object[] values = new Object[rc.componentCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = depth >= maxDepth || rnd.nextBoolean() ? null : value(e.memberCodec(i), depth + 1);
      }
      return rc.construct(values);
    }
    if (codec instanceof ContainerCodecs.StaticVariantCodec sv) {
      int tag = rnd.nextInt(sv.members.size());
      return new StaticVariant(tag, value(sv.members.get(tag), depth + 1));
    }
    if (codec instanceof OperationCodec) {
      int tag = depth >= maxDepth ? 0 : rnd.nextInt(Operations.count());
      return value(Codecs.of(Operations.classOf(tag)), depth + 1);
    }
    if (codec instanceof RecordCodec<?> rc) {
      Object[] values = new Object[rc.componentCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = value(rc.componentCodec(i), depth + (rc.componentCount() > 0 ? 1 : 0));
      }
      return rc.construct(values);
    }
    throw new IllegalStateException("no generator for " + codec.fcType() + " (" + codec.getClass() + ")");
  }
}
