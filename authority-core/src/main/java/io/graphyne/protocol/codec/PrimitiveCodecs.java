package io.graphyne.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.graphyne.protocol.Address;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.VoteId;
import io.graphyne.protocol.codec.DecodeException.Kind;
import io.graphyne.util.Hex;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/** Codecs of fc's leaf types (spec/chain.md §1.1-§1.9). */
final class PrimitiveCodecs {
  private PrimitiveCodecs() {}

  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** fc prints 64-bit integers outside ±0xffffffff as strings. */
  private static final long JSON_INT_LIMIT = 0xffffffffL;

  static Codec<?> forName(String t) {
    return BY_NAME.get(t);
  }

  // ---- JSON number helpers -------------------------------------------------------------------

  static JsonNode int64Json(long v) {
    if (v > JSON_INT_LIMIT || v < -JSON_INT_LIMIT) {
      return TextNode.valueOf(Long.toString(v));
    }
    return number(v);
  }

  static JsonNode uint64Json(long v) {
    if (v < 0 || v > JSON_INT_LIMIT) {
      return TextNode.valueOf(Long.toUnsignedString(v));
    }
    return number(v);
  }

  /** The node Jackson itself would parse this number into (int when it fits). */
  static JsonNode number(long v) {
    return v == (int) v ? JSON.numberNode((int) v) : JSON.numberNode(v);
  }

  /** A JSON integer given as a number or a decimal string; range-checked. */
  static long jsonLong(JsonNode n, long min, long max, String what) {
    BigInteger v;
    if (n == null || n.isNull()) {
      throw Codecs.jsonError(what + ": missing number");
    }
    if (n.isIntegralNumber()) {
      v = n.bigIntegerValue();
    } else if (n.isTextual()) {
      try {
        v = new BigInteger(n.textValue().strip());
      } catch (NumberFormatException e) {
        throw Codecs.jsonError(what + ": not an integer: '" + n.textValue() + "'");
      }
    } else if (n.isBoolean()) {
      v = n.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;
    } else {
      throw Codecs.jsonError(what + ": expected an integer, got " + n.getNodeType());
    }
    if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(max < 0 ? UINT64_MAX : BigInteger.valueOf(max)) > 0) {
      throw Codecs.jsonError(what + ": " + v + " out of range");
    }
    return v.longValue();
  }

  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  static String jsonText(JsonNode n, String what) {
    if (n == null || !n.isTextual()) {
      throw Codecs.jsonError(what + ": expected a string");
    }
    return n.textValue();
  }

  // ---- integers ----------------------------------------------------------------------------

  /** Integer types that fit in a Java int: uint8/int8/uint16/int16/int32. */
  static final class IntCodec extends Codec<Integer> {
    final String name;
    final int bytes;
    final boolean signed;

    IntCodec(String name, int bytes, boolean signed) {
      this.name = name;
      this.bytes = bytes;
      this.signed = signed;
    }

    @Override
    public String fcType() {
      return name;
    }

    @Override
    public Integer read(FcReader r) {
      return (int) readPrimitive(r);
    }

    @Override
    long readPrimitive(FcReader r) {
      switch (bytes) {
        case 1:
          int b = r.u8();
          return signed ? (int) (byte) b : b;
        case 2:
          return signed ? r.i16() : r.u16();
        default:
          return r.i32();
      }
    }

    @Override
    public void write(FcWriter w, Integer v) {
      check(v);
      switch (bytes) {
        case 1:
          w.u8(v);
          break;
        case 2:
          w.u16(v);
          break;
        default:
          w.i32(v);
          break;
      }
    }

    long min() {
      return signed ? -(1L << (8 * bytes - 1)) : 0;
    }

    long max() {
      return signed ? (1L << (8 * bytes - 1)) - 1 : (1L << (8 * bytes)) - 1;
    }

    private void check(int v) {
      if (v < min() || v > max()) {
        throw new IllegalArgumentException(name + " value out of range: " + v);
      }
    }

    @Override
    public JsonNode toJson(Integer v, JsonContext ctx) {
      return JSON.numberNode(v);
    }

    @Override
    public Integer fromJson(JsonNode n, JsonContext ctx) {
      return (int) jsonLong(n, min(), max(), name);
    }

    @Override
    public int minBytes() {
      return bytes;
    }
  }

  /** uint32 (as a non-negative long), int64/share_type, uint64, and unsigned_int (varint). */
  static final class LongCodec extends Codec<Long> {
    enum Form {
      U32,
      I64,
      U64,
      VARINT
    }

    final String name;
    final Form form;

    LongCodec(String name, Form form) {
      this.name = name;
      this.form = form;
    }

    @Override
    public String fcType() {
      return name;
    }

    @Override
    public Long read(FcReader r) {
      return readPrimitive(r);
    }

    @Override
    long readPrimitive(FcReader r) {
      switch (form) {
        case U32:
          return r.u32();
        case VARINT:
          return r.varint();
        default:
          return r.i64();
      }
    }

    @Override
    public void write(FcWriter w, Long v) {
      switch (form) {
        case U32:
          if (v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException("uint32 value out of range: " + v);
          }
          w.u32(v);
          break;
        case VARINT:
          w.varint(v);
          break;
        default:
          w.i64(v);
          break;
      }
    }

    @Override
    public JsonNode toJson(Long v, JsonContext ctx) {
      return form == Form.I64 ? int64Json(v) : uint64Json(v);
    }

    @Override
    public Long fromJson(JsonNode n, JsonContext ctx) {
      switch (form) {
        case U32:
          return jsonLong(n, 0, 0xffffffffL, name);
        case I64:
          return jsonLong(n, Long.MIN_VALUE, Long.MAX_VALUE, name);
        default:
          return jsonLong(n, 0, -1, name); // full unsigned 64-bit range
      }
    }

    @Override
    public Comparator<Long> comparator() {
      return form == Form.I64 ? Long::compare : Long::compareUnsigned;
    }

    @Override
    public int minBytes() {
      return form == Form.U32 ? 4 : form == Form.VARINT ? 1 : 8;
    }
  }

  static final Codec<Boolean> BOOL =
      new Codec<>() {
        @Override
        public String fcType() {
          return "bool";
        }

        @Override
        public Boolean read(FcReader r) {
          return r.bool();
        }

        @Override
        public void write(FcWriter w, Boolean v) {
          w.bool(v);
        }

        @Override
        public JsonNode toJson(Boolean v, JsonContext ctx) {
          return BooleanNode.valueOf(v);
        }

        @Override
        public Boolean fromJson(JsonNode n, JsonContext ctx) {
          if (n != null && n.isBoolean()) {
            return n.booleanValue();
          }
          if (n != null && n.isTextual() && (n.textValue().equals("true") || n.textValue().equals("false"))) {
            return n.textValue().equals("true");
          }
          return jsonLong(n, 0, 1, "bool") == 1;
        }
      };

  static final Codec<String> STRING =
      new Codec<>() {
        @Override
        public String fcType() {
          return "string";
        }

        @Override
        public String read(FcReader r) {
          return r.string();
        }

        @Override
        public void write(FcWriter w, String v) {
          w.string(v);
        }

        @Override
        public JsonNode toJson(String v, JsonContext ctx) {
          return TextNode.valueOf(v);
        }

        @Override
        public String fromJson(JsonNode n, JsonContext ctx) {
          return jsonText(n, "string");
        }

        @Override
        public Comparator<String> comparator() {
          // std::string operator< compares bytes as unsigned char.
          return (a, b) -> Arrays.compareUnsigned(FcWriter.utf8Lossless(a), FcWriter.utf8Lossless(b));
        }
      };

  /** vector&lt;char&gt;: length-prefixed bytes, hex in JSON. */
  static final Codec<Bytes> VAR_BYTES =
      new Codec<>() {
        @Override
        public String fcType() {
          return "vector<char>";
        }

        @Override
        public Bytes read(FcReader r) {
          return Bytes.wrap(r.varBytes());
        }

        @Override
        public void write(FcWriter w, Bytes v) {
          w.varBytes(v.unsafeArray());
        }

        @Override
        public JsonNode toJson(Bytes v, JsonContext ctx) {
          return TextNode.valueOf(v.toHex());
        }

        @Override
        public Bytes fromJson(JsonNode n, JsonContext ctx) {
          return hexBytes(n, -1, "vector<char>");
        }
      };

  static Bytes hexBytes(JsonNode n, int size, String what) {
    String s = jsonText(n, what);
    byte[] b;
    try {
      b = Hex.decode(s);
    } catch (IllegalArgumentException e) {
      throw Codecs.jsonError(what + ": " + e.getMessage());
    }
    if (size >= 0 && b.length != size) {
      throw Codecs.jsonError(what + ": expected " + size + " bytes, got " + b.length);
    }
    return Bytes.wrap(b);
  }

  /** Fixed-size raw bytes (hashes, signatures, commitments). */
  static Codec<Bytes> fixed(String name, int size) {
    return new Codec<>() {
      @Override
      public String fcType() {
        return name;
      }

      @Override
      public Bytes read(FcReader r) {
        return Bytes.wrap(r.bytes(size));
      }

      @Override
      public void write(FcWriter w, Bytes v) {
        if (v.length() != size) {
          throw new IllegalArgumentException(name + " must be " + size + " bytes, got " + v.length());
        }
        w.bytes(v.unsafeArray());
      }

      @Override
      public JsonNode toJson(Bytes v, JsonContext ctx) {
        return TextNode.valueOf(v.toHex());
      }

      @Override
      public Bytes fromJson(JsonNode n, JsonContext ctx) {
        return hexBytes(n, size, name);
      }

      @Override
      public int minBytes() {
        return size;
      }
    };
  }

  // ---- time ----------------------------------------------------------------------------------

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  static String isoTime(Instant t) {
    return ISO.format(LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC));
  }

  static Instant parseIsoTime(String s) {
    String t = s.strip();
    if (t.endsWith("Z")) {
      t = t.substring(0, t.length() - 1);
    }
    int dot = t.indexOf('.');
    if (dot > 0) {
      t = t.substring(0, dot);
    }
    try {
      return LocalDateTime.parse(t, ISO).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw Codecs.jsonError("time_point_sec: not an ISO time: '" + s + "'");
    }
  }

  static final Codec<Instant> TIME_POINT_SEC =
      new Codec<>() {
        @Override
        public String fcType() {
          return "time_point_sec";
        }

        @Override
        public Instant read(FcReader r) {
          return r.instant(r.u32());
        }

        @Override
        public void write(FcWriter w, Instant v) {
          long s = v.getEpochSecond();
          if (s < 0 || s > 0xffffffffL) {
            throw new IllegalArgumentException("time_point_sec out of range: " + v);
          }
          w.u32(s);
        }

        @Override
        public JsonNode toJson(Instant v, JsonContext ctx) {
          return TextNode.valueOf(isoTime(v));
        }

        @Override
        public Instant fromJson(JsonNode n, JsonContext ctx) {
          if (n != null && n.isIntegralNumber()) {
            return Instant.ofEpochSecond(jsonLong(n, 0, 0xffffffffL, "time_point_sec"));
          }
          Instant t = parseIsoTime(jsonText(n, "time_point_sec"));
          // fc converts the parsed time to uint32 seconds, wrapping out-of-range values; some
          // libraries print uint32 times above 2^31 as dates before 1970.
          return Instant.ofEpochSecond(t.getEpochSecond() & 0xffffffffL);
        }

        @Override
        public int minBytes() {
          return 4;
        }
      };

  // ---- keys, addresses, ids -------------------------------------------------------------------

  static final Codec<PublicKey> PUBLIC_KEY =
      new Codec<>() {
        @Override
        public String fcType() {
          return "public_key_type";
        }

        @Override
        public PublicKey read(FcReader r) {
          return PublicKey.adopt(r.bytes(PublicKey.SIZE)); // a fresh array: no second copy
        }

        @Override
        public void write(FcWriter w, PublicKey v) {
          w.bytes(v.unsafeArray());
        }

        @Override
        public JsonNode toJson(PublicKey v, JsonContext ctx) {
          return TextNode.valueOf(v.toString(ctx.addressPrefix()));
        }

        @Override
        public PublicKey fromJson(JsonNode n, JsonContext ctx) {
          String s = jsonText(n, "public_key_type");
          try {
            return s.startsWith(ctx.addressPrefix())
                ? PublicKey.parse(s, ctx.addressPrefix())
                : PublicKey.parse(s, null);
          } catch (IllegalArgumentException e) {
            throw Codecs.jsonError("public_key_type: " + e.getMessage());
          }
        }

        @Override
        public int minBytes() {
          return PublicKey.SIZE;
        }
      };

  static final Codec<Address> ADDRESS =
      new Codec<>() {
        @Override
        public String fcType() {
          return "address";
        }

        @Override
        public Address read(FcReader r) {
          return Address.wrap(r.bytes(20));
        }

        @Override
        public void write(FcWriter w, Address v) {
          w.bytes(v.toArray());
        }

        @Override
        public JsonNode toJson(Address v, JsonContext ctx) {
          return TextNode.valueOf(v.toString(ctx.addressPrefix()));
        }

        @Override
        public Address fromJson(JsonNode n, JsonContext ctx) {
          String s = jsonText(n, "address");
          try {
            return s.startsWith(ctx.addressPrefix())
                ? Address.parse(s, ctx.addressPrefix())
                : Address.parse(s, null);
          } catch (IllegalArgumentException e) {
            throw Codecs.jsonError("address: " + e.getMessage());
          }
        }

        @Override
        public int minBytes() {
          return 20;
        }
      };

  /** Instances below this have one shared ObjectId per typed-id codec. */
  static final int ID_CACHE = 1 << 13;

  /** Typed ids (account_id_type, ...): varint of the instance; space and type are implied. */
  static final class TypedIdCodec extends Codec<ObjectId> {
    final String name;
    final int space;
    final int type;

    /**
     * The ids of the first instances, shared: decoded ids are immutable values, and a block names
     * the same few accounts and assets over and over. Filled racily; a missed entry only means a
     * new instance (ObjectId's fields are final, so a published one is always complete).
     */
    private final ObjectId[] cache = new ObjectId[ID_CACHE];

    TypedIdCodec(String name, int space, int type) {
      this.name = name;
      this.space = space;
      this.type = type;
    }

    @Override
    public String fcType() {
      return name;
    }

    @Override
    public ObjectId read(FcReader r) {
      int at = r.position();
      long inst = r.varint();
      if (inst < 0 || inst > ObjectId.MAX_INSTANCE) {
        // fc's raw decoder does not check this, but such an id cannot exist on chain.
        throw new DecodeException(Kind.INVALID_VALUE, at, name + " instance exceeds 48 bits");
      }
      if (inst < ID_CACHE) {
        ObjectId id = cache[(int) inst];
        if (id == null) {
          id = new ObjectId(space, type, inst);
          cache[(int) inst] = id;
        }
        return id;
      }
      return new ObjectId(space, type, inst);
    }

    @Override
    public void write(FcWriter w, ObjectId v) {
      if (v.space() != space || v.type() != type) {
        throw new IllegalArgumentException(name + " expects " + space + "." + type + ".x, got " + v);
      }
      w.varint(v.instance());
    }

    @Override
    public JsonNode toJson(ObjectId v, JsonContext ctx) {
      return TextNode.valueOf(v.toString());
    }

    @Override
    public ObjectId fromJson(JsonNode n, JsonContext ctx) {
      if (n != null && n.isIntegralNumber()) {
        return new ObjectId(space, type, jsonLong(n, 0, ObjectId.MAX_INSTANCE, name));
      }
      ObjectId id;
      try {
        id = ObjectId.parse(jsonText(n, name));
      } catch (IllegalArgumentException e) {
        throw Codecs.jsonError(name + ": " + e.getMessage());
      }
      if (id.space() != space || id.type() != type) {
        throw Codecs.jsonError(name + ": expected " + space + "." + type + ".x, got " + id);
      }
      return id;
    }
  }

  /** object_id_type: the packed 64-bit number. */
  static final Codec<ObjectId> OBJECT_ID =
      new Codec<>() {
        @Override
        public String fcType() {
          return "object_id_type";
        }

        @Override
        public ObjectId read(FcReader r) {
          return ObjectId.fromNumber(r.i64());
        }

        @Override
        public void write(FcWriter w, ObjectId v) {
          w.i64(v.toNumber());
        }

        @Override
        public JsonNode toJson(ObjectId v, JsonContext ctx) {
          return TextNode.valueOf(v.toString());
        }

        @Override
        public ObjectId fromJson(JsonNode n, JsonContext ctx) {
          try {
            return ObjectId.parse(jsonText(n, "object_id_type"));
          } catch (IllegalArgumentException e) {
            throw Codecs.jsonError("object_id_type: " + e.getMessage());
          }
        }

        @Override
        public int minBytes() {
          return 8;
        }
      };

  static final Codec<VoteId> VOTE_ID =
      new Codec<>() {
        @Override
        public String fcType() {
          return "vote_id_type";
        }

        @Override
        public VoteId read(FcReader r) {
          return VoteId.fromContent(r.u32());
        }

        @Override
        public void write(FcWriter w, VoteId v) {
          w.u32(v.content());
        }

        @Override
        public JsonNode toJson(VoteId v, JsonContext ctx) {
          return TextNode.valueOf(v.toString());
        }

        @Override
        public VoteId fromJson(JsonNode n, JsonContext ctx) {
          try {
            return VoteId.parse(jsonText(n, "vote_id_type"));
          } catch (IllegalArgumentException e) {
            throw Codecs.jsonError("vote_id_type: " + e.getMessage());
          }
        }

        @Override
        public int minBytes() {
          return 4;
        }
      };

  private static final Map<String, Codec<?>> BY_NAME =
      Map.ofEntries(
          Map.entry("uint8_t", new IntCodec("uint8_t", 1, false)),
          Map.entry("int8_t", new IntCodec("int8_t", 1, true)),
          Map.entry("uint16_t", new IntCodec("uint16_t", 2, false)),
          Map.entry("weight_type", new IntCodec("uint16_t", 2, false)),
          Map.entry("int16_t", new IntCodec("int16_t", 2, true)),
          Map.entry("int32_t", new IntCodec("int32_t", 4, true)),
          Map.entry("uint32_t", new LongCodec("uint32_t", LongCodec.Form.U32)),
          Map.entry("int64_t", new LongCodec("int64_t", LongCodec.Form.I64)),
          Map.entry("share_type", new LongCodec("int64_t", LongCodec.Form.I64)),
          Map.entry("uint64_t", new LongCodec("uint64_t", LongCodec.Form.U64)),
          Map.entry("unsigned_int", new LongCodec("unsigned_int", LongCodec.Form.VARINT)),
          Map.entry("bool", BOOL),
          Map.entry("string", STRING),
          Map.entry("time_point_sec", TIME_POINT_SEC),
          Map.entry("public_key_type", PUBLIC_KEY),
          Map.entry("address", ADDRESS),
          Map.entry("object_id_type", OBJECT_ID),
          Map.entry("vote_id_type", VOTE_ID),
          Map.entry("fc::sha256", fixed("fc::sha256", 32)),
          Map.entry("fc::sha224", fixed("fc::sha224", 28)),
          Map.entry("fc::sha512", fixed("fc::sha512", 64)),
          Map.entry("fc::ripemd160", fixed("fc::ripemd160", 20)),
          Map.entry("fc::sha1", fixed("fc::sha1", 20)),
          Map.entry("fc::hash160", fixed("fc::hash160", 20)),
          Map.entry("fc::ecc::compact_signature", fixed("fc::ecc::compact_signature", 65)),
          Map.entry("signature_type", fixed("fc::ecc::compact_signature", 65)),
          Map.entry("fc::ecc::commitment_type", fixed("fc::ecc::commitment_type", 33)),
          Map.entry("fc::ecc::public_key_data", fixed("fc::ecc::public_key_data", 33)),
          Map.entry("vector<char>", VAR_BYTES));
}
