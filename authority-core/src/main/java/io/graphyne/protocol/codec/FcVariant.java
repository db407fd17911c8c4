package io.graphyne.protocol.codec;

import io.graphyne.protocol.codec.DecodeException.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * fc::variant and fc::variant_object in their fc::raw form (spec/chain.md §1.11): one tag byte,
 * then the payload. Doubles (tag 3) and blobs (tag 8) cannot be packed or unpacked by fc, so they
 * are rejected with a typed error here too. Objects keep insertion order; a repeated key on decode
 * overwrites the earlier value in place, as fc's {@code mutable_variant_object::set} does.
 */
public sealed interface FcVariant
    permits FcVariant.Null, FcVariant.Int64, FcVariant.UInt64, FcVariant.Bool, FcVariant.Str,
        FcVariant.Array, FcVariant.Obj {

  /** Largest array / object entry count accepted on decode. */
  int MAX_ENTRIES = 10_000;
  /** Nesting budget of arrays/objects on decode (fc's pack depth limit is similar). */
  int MAX_NESTING = 64;

  int TAG_NULL = 0;
  int TAG_INT64 = 1;
  int TAG_UINT64 = 2;
  int TAG_DOUBLE = 3;
  int TAG_BOOL = 4;
  int TAG_STRING = 5;
  int TAG_ARRAY = 6;
  int TAG_OBJECT = 7;
  int TAG_BLOB = 8;

  /** The wire tag of this value. */
  int tag();

  void write(FcWriter w);

  /** null (tag 0). */
  record Null() implements FcVariant {
    public static final Null INSTANCE = new Null();

    @Override
    public int tag() {
      return TAG_NULL;
    }

    @Override
    public void write(FcWriter w) {
      w.u8(TAG_NULL);
    }
  }

  /** int64 (tag 1). */
  record Int64(long value) implements FcVariant {
    @Override
    public int tag() {
      return TAG_INT64;
    }

    @Override
    public void write(FcWriter w) {
      w.u8(TAG_INT64).i64(value);
    }
  }

  /** uint64 (tag 2); {@code value} holds the unsigned bits. */
  record UInt64(long value) implements FcVariant {
    @Override
    public int tag() {
      return TAG_UINT64;
    }

    @Override
    public void write(FcWriter w) {
      w.u8(TAG_UINT64).i64(value);
    }

    @Override
    public String toString() {
      return "UInt64[" + Long.toUnsignedString(value) + "]";
    }
  }

  /** bool (tag 4). */
  record Bool(boolean value) implements FcVariant {
    @Override
    public int tag() {
      return TAG_BOOL;
    }

    @Override
    public void write(FcWriter w) {
      w.u8(TAG_BOOL).bool(value);
    }
  }

  /** string (tag 5). */
  record Str(String value) implements FcVariant {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public int tag() {
      return TAG_STRING;
    }

    @Override
    public void write(FcWriter w) {
      w.u8(TAG_STRING).string(value);
    }
  }

  /** array (tag 6). */
  record Array(List<FcVariant> items) implements FcVariant {
    public Array {
      items = List.copyOf(items);
    }

    @Override
    public int tag() {
      return TAG_ARRAY;
    }

    @Override
    public void write(FcWriter w) {
      w.u8(TAG_ARRAY).varint(items.size());
      for (FcVariant v : items) {
        v.write(w);
      }
    }
  }

  /** One key/value entry of a variant_object. */
  record Entry(String key, FcVariant value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /** variant_object (tag 7 inside a variant; also used bare, e.g. hello's user_data). */
  record Obj(List<Entry> entries) implements FcVariant {
    public static final Obj EMPTY = new Obj(List.of());

    public Obj {
      entries = List.copyOf(entries);
    }

    @Override
    public int tag() {
      return TAG_OBJECT;
    }

    @Override
    public void write(FcWriter w) {
      w.u8(TAG_OBJECT);
      writeBody(w);
    }

    /** The bare variant_object encoding (no tag byte). */
    public void writeBody(FcWriter w) {
      w.varint(entries.size());
      for (Entry e : entries) {
        w.string(e.key());
        e.value().write(w);
      }
    }

    public Optional<FcVariant> get(String key) {
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          return Optional.of(e.value());
        }
      }
      return Optional.empty();
    }

    /** The value of {@code key} if it is a string. */
    public Optional<String> string(String key) {
      return get(key).filter(Str.class::isInstance).map(v -> ((Str) v).value());
    }

    /** The value of {@code key} if it is an int64 or uint64 (raw bits). */
    public Optional<Long> number(String key) {
      return get(key)
          .flatMap(
              v ->
                  v instanceof UInt64 u
                      ? Optional.of(u.value())
                      : v instanceof Int64 i ? Optional.of(i.value()) : Optional.empty());
    }

    public List<String> keys() {
      List<String> out = new ArrayList<>(entries.size());
      for (Entry e : entries) {
        out.add(e.key());
      }
      return Collections.unmodifiableList(out);
    }

    /** Builds an object keeping insertion order; a repeated key replaces the earlier value in place. */
    public static Builder builder() {
      return new Builder();
    }

    /** Reads a bare variant_object (no tag byte). */
    public static Obj readBody(FcReader r) {
      return readBody(r, 0);
    }

    static Obj readBody(FcReader r, int nesting) {
      if (nesting > MAX_NESTING) {
        throw r.error(Kind.DEPTH_LIMIT, "variant nesting deeper than " + MAX_NESTING);
      }
      // every entry needs at least a 1-byte key length and a 1-byte tag
      int n = r.count(2, MAX_ENTRIES);
      Builder b = new Builder();
      for (int i = 0; i < n; i++) {
        String key = r.string();
        try {
          b.put(key, FcVariant.read(r, nesting + 1));
        } catch (DecodeException e) {
          throw e.within(key);
        }
      }
      return b.build();
    }
  }

  /** Insertion-ordered builder for {@link Obj}. */
  final class Builder {
    private final List<Entry> entries = new ArrayList<>();

    private Builder() {}

    public Builder put(String key, FcVariant value) {
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).key().equals(key)) {
          entries.set(i, new Entry(key, value));
          return this;
        }
      }
      entries.add(new Entry(key, value));
      return this;
    }

    public Builder put(String key, String value) {
      return put(key, new Str(value));
    }

    public Builder putUInt64(String key, long value) {
      return put(key, new UInt64(value));
    }

    public Obj build() {
      return new Obj(entries);
    }
  }

  /** Reads one tagged variant. */
  static FcVariant read(FcReader r) {
    return read(r, 0);
  }

  private static FcVariant read(FcReader r, int nesting) {
    int at = r.position();
    int tag = r.u8();
    switch (tag) {
      case TAG_NULL:
        return Null.INSTANCE;
      case TAG_INT64:
        return new Int64(r.i64());
      case TAG_UINT64:
        return new UInt64(r.i64());
      case TAG_BOOL:
        return new Bool(r.bool());
      case TAG_STRING:
        return new Str(r.string());
      case TAG_ARRAY:
        {
          if (nesting > MAX_NESTING) {
            throw r.error(Kind.DEPTH_LIMIT, "variant nesting deeper than " + MAX_NESTING);
          }
          int n = r.count(1, MAX_ENTRIES);
          List<FcVariant> items = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            try {
              items.add(read(r, nesting + 1));
            } catch (DecodeException e) {
              throw e.within("[" + i + "]");
            }
          }
          return new Array(items);
        }
      case TAG_OBJECT:
        return Obj.readBody(r, nesting + 1);
      case TAG_DOUBLE:
        throw new DecodeException(Kind.UNKNOWN_TAG, at, "fc cannot unpack a double variant (tag 3)");
      default:
        throw new DecodeException(Kind.UNKNOWN_TAG, at, "unknown variant tag " + tag);
    }
  }

  /** Encodes one tagged variant. */
  static byte[] encode(FcVariant v) {
    FcWriter w = new FcWriter(64);
    v.write(w);
    return w.toByteArray();
  }

  /** Decodes exactly one tagged variant; trailing bytes are an error. */
  static FcVariant decode(byte[] bytes) {
    FcReader r = new FcReader(bytes);
    FcVariant v = read(r);
    r.expectEnd();
    return v;
  }
}
