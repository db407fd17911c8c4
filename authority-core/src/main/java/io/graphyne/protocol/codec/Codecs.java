package io.graphyne.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.BlockHeader;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.Schema;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedBlockHeader;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.codec.DecodeException.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the codec of every fc type from its type expression (spec/operations.json spelling),
 * once, and caches it. Record types get a {@link RecordCodec} built from their {@code @Fc}
 * component annotations, so the wire order lives only in the record definitions.
 */
public final class Codecs {
  private static final Map<String, Codec<?>> BY_TYPE = new ConcurrentHashMap<>();
  private static final Map<Class<?>, RecordCodec<?>> BY_CLASS = new ConcurrentHashMap<>();
  private static final Map<String, Class<? extends Record>> STRUCTS = new HashMap<>(Schema.STRUCTS);

  static {
    STRUCTS.put("transaction", Transaction.class);
    STRUCTS.put("signed_transaction", SignedTransaction.class);
    STRUCTS.put("precomputable_transaction", SignedTransaction.class);
    STRUCTS.put("processed_transaction", ProcessedTransaction.class);
    STRUCTS.put("block_header", BlockHeader.class);
    STRUCTS.put("signed_block_header", SignedBlockHeader.class);
    STRUCTS.put("signed_block", SignedBlock.class);
  }

  /** The largest element count we accept for a container whose elements may encode to 0 bytes. */
  public static final int MAX_EMPTY_ELEMENTS = 1 << 16;

  private Codecs() {}

  /**
   * The codec of a record class (a protocol struct or operation). Thread-safe: a codec is
   * published to other threads only once fully built; components are resolved lazily, so
   * recursive types (restriction) need no partially built codec.
   */
  @SuppressWarnings("unchecked")
  public static <T> RecordCodec<T> of(Class<T> recordClass) {
    RecordCodec<?> c = BY_CLASS.get(recordClass);
    if (c == null) {
      synchronized (Codecs.class) {
        c = BY_CLASS.get(recordClass);
        if (c == null) {
          RecordCodec<T> created = new RecordCodec<>(recordClass);
          created.init();
          BY_CLASS.put(recordClass, created); // publish only after init()
          c = created;
        }
      }
    }
    return (RecordCodec<T>) c;
  }

  /** The codec of an fc type expression such as {@code flat_map<account_id_type,weight_type>}. */
  @SuppressWarnings("unchecked")
  public static <T> Codec<T> forType(String fcType) {
    String key = fcType.replace(" ", "");
    Codec<?> c = BY_TYPE.get(key);
    if (c == null) {
      c = build(key);
      BY_TYPE.putIfAbsent(key, c);
    }
    return (Codec<T>) c;
  }

  /** The canonical fc::raw encoding of a protocol record. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static byte[] encode(Object record) {
    RecordCodec codec = of(record.getClass());
    FcWriter w = new FcWriter(256);
    codec.write(w, record);
    return w.toByteArray();
  }

  /** An operation as the {@code operation} static_variant: varint tag, then its fields. */
  public static byte[] encodeOperation(io.graphyne.protocol.Operation op) {
    FcWriter w = new FcWriter(128);
    OperationCodec.INSTANCE.write(w, op);
    return w.toByteArray();
  }

  /**
   * A decoded value and whether its input was the canonical encoding. fc accepts non-minimal
   * varints and unsorted or duplicated set/map entries and normalises them; bitshares-core hashes
   * the re-encoding, so a non-canonical input is reported, never silently "fixed".
   */
  public record Checked<T>(T value, boolean canonical, int firstDifference, byte[] canonicalBytes) {}

  /** Decodes {@code bytes} as one {@code type} and compares them with the canonical re-encoding. */
  @SuppressWarnings("unchecked")
  public static <T> Checked<T> decodeChecked(Class<T> type, byte[] bytes) {
    T value = decode(type, bytes);
    FcWriter w = new FcWriter(bytes.length + 16);
    ((RecordCodec<Object>) of(type)).write(w, value);
    byte[] canonical = w.toByteArray();
    int diff = java.util.Arrays.mismatch(bytes, canonical);
    return new Checked<>(value, diff < 0, diff, canonical);
  }

  /**
   * Decodes a signed block as {@code decode(SignedBlock.class, raw)} does -- the same value, the
   * same errors -- and also records each transaction's byte range in {@code raw} and whether the
   * decoder normalised anything while reading it (see {@link DecodedBlock}).
   */
  public static DecodedBlock decodeBlock(byte[] raw) {
    return BlockDecoder.decode(raw);
  }

  /** Decodes a whole byte array as one {@code type}; trailing bytes are an error. */
  public static <T> T decode(Class<T> type, byte[] bytes) {
    FcReader r = new FcReader(bytes);
    T v = of(type).read(r);
    r.expectEnd();
    return v;
  }

  private static Codec<?> build(String t) {
    // Templates first.
    int lt = t.indexOf('<');
    if (lt > 0 && t.endsWith(">")) {
      String kind = t.substring(0, lt);
      List<String> args = splitArgs(t.substring(lt + 1, t.length() - 1));
      switch (kind) {
        case "optional":
          return new ContainerCodecs.OptionalCodec<>(t, lazy(args.get(0)));
        case "vector":
        case "std::vector":
        case "std::deque":
          if (args.get(0).equals("char")) {
            return PrimitiveCodecs.VAR_BYTES;
          }
          return new ContainerCodecs.VectorCodec<>(t, lazy(args.get(0)));
        case "flat_set":
        case "set":
        case "std::set":
          return new ContainerCodecs.SetCodec<>(t, lazy(args.get(0)));
        case "flat_map":
        case "map":
        case "std::map":
          return new ContainerCodecs.MapCodec<>(t, lazy(args.get(0)), lazy(args.get(1)));
        case "pair":
        case "std::pair":
          return new ContainerCodecs.PairCodec(t, lazy(args.get(0)), lazy(args.get(1)));
        case "extension":
          return new ContainerCodecs.ExtensionCodec<>(t, of(structClass(args.get(0))));
        case "std::shared_ptr":
          return forType(args.get(0).replace("const", ""));
        default:
          break;
      }
    }
    if (t.startsWith("bytes[")) {
      int end = t.indexOf(']');
      return PrimitiveCodecs.fixed(t, Integer.parseInt(t.substring(6, end)));
    }
    Codec<?> prim = PrimitiveCodecs.forName(t);
    if (prim != null) {
      return prim;
    }
    String alias = Schema.ALIASES.get(t);
    if (alias != null) {
      return forType(alias);
    }
    int[] id = Schema.OBJECT_ID_TYPES.get(t);
    if (id != null) {
      return new PrimitiveCodecs.TypedIdCodec(t, id[0], id[1]);
    }
    if (t.equals("operation")) {
      return OperationCodec.INSTANCE;
    }
    List<String> members = Schema.STATIC_VARIANTS.get(t);
    if (members != null) {
      return new ContainerCodecs.StaticVariantCodec(t, members.stream().map(Codecs::lazy).toList());
    }
    Class<? extends Record> rc = STRUCTS.get(t);
    if (rc != null) {
      return of(rc);
    }
    throw new IllegalArgumentException("no codec for fc type '" + t + "'");
  }

  private static Class<? extends Record> structClass(String name) {
    Class<? extends Record> rc = STRUCTS.get(name);
    if (rc == null) {
      throw new IllegalArgumentException("extension<" + name + ">: unknown struct");
    }
    return rc;
  }

  /** The codec itself, or the one a lazy indirection stands for (resolving it now). */
  @SuppressWarnings("unchecked")
  static <T> Codec<T> direct(Codec<T> c) {
    return c instanceof LazyCodec l ? (Codec<T>) l.target() : c;
  }

  /** A codec resolved on first use, so recursive types (restriction) can be built. */
  static Codec<Object> lazy(String t) {
    Codec<?> ready = BY_TYPE.get(t.replace(" ", ""));
    if (ready != null) {
      @SuppressWarnings("unchecked")
      Codec<Object> c = (Codec<Object>) ready;
      return c;
    }
    return new LazyCodec(t);
  }

  static List<String> splitArgs(String s) {
    List<String> out = new java.util.ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch == '<') {
        depth++;
      } else if (ch == '>') {
        depth--;
      }
      if (ch == ',' && depth == 0) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString().strip());
    }
    return out;
  }

  static DecodeException jsonError(String detail) {
    return new DecodeException(Kind.BAD_JSON, -1, detail);
  }

  /** Delegates to the real codec, resolved at first use. */
  static final class LazyCodec extends Codec<Object> {
    private final String type;
    private volatile Codec<Object> target;

    LazyCodec(String type) {
      this.type = type;
    }

    Codec<Object> target() {
      Codec<Object> t = target;
      if (t == null) {
        t = forType(type);
        target = t;
      }
      return t;
    }

    @Override
    public String fcType() {
      return type;
    }

    @Override
    public Object read(FcReader r) {
      return target().read(r);
    }

    @Override
    public void write(FcWriter w, Object value) {
      target().write(w, value);
    }

    @Override
    public JsonNode toJson(Object value, JsonContext ctx) {
      return target().toJson(value, ctx);
    }

    @Override
    public Object fromJson(JsonNode node, JsonContext ctx) {
      return target().fromJson(node, ctx);
    }

    @Override
    public int minBytes() {
      // Recursive types: a conservative answer that never recurses forever.
      Codec<Object> t = target;
      return t == null ? 0 : t.minBytes();
    }

    @Override
    public java.util.Comparator<Object> comparator() {
      return target().comparator();
    }
  }
}
