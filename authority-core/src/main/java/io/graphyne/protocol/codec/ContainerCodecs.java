package io.graphyne.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.protocol.Pair;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.codec.DecodeException.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Codecs of fc's templates (spec/chain.md §1.4, §1.5, §1.10). */
final class ContainerCodecs {
  private ContainerCodecs() {}

  static int maxCount(Codec<?> element) {
    return element.minBytes() > 0 ? FcReader.MAX_BYTES_LENGTH : Codecs.MAX_EMPTY_ELEMENTS;
  }

  /** optional&lt;T&gt;: presence byte then T. A null Java value means absent. */
  static final class OptionalCodec<T> extends Codec<T> {
    final String name;
    final Codec<T> inner;
    /** {@link #inner} with a lazy indirection resolved, set on first use (hot path). */
    private volatile Codec<T> direct;

    OptionalCodec(String name, Codec<T> inner) {
      this.name = name;
      this.inner = inner;
    }

    private Codec<T> in() {
      Codec<T> d = direct;
      if (d == null) {
        d = Codecs.direct(inner);
        direct = d;
      }
      return d;
    }

    @Override
    public String fcType() {
      return name;
    }

    @Override
    public T read(FcReader r) {
      return r.bool() ? in().read(r) : null;
    }

    @Override
    public void write(FcWriter w, T v) {
      if (v == null) {
        w.u8(0);
      } else {
        w.u8(1);
        in().write(w, v);
      }
    }

    @Override
    public JsonNode toJson(T v, JsonContext ctx) {
      return v == null ? NullNode.getInstance() : inner.toJson(v, ctx);
    }

    @Override
    public T fromJson(JsonNode n, JsonContext ctx) {
      return n == null || n.isNull() || n.isMissingNode() ? null : inner.fromJson(n, ctx);
    }
  }

  /** vector&lt;T&gt;: count then elements. */
  static final class VectorCodec<T> extends Codec<List<T>> {
    final String name;
    final Codec<T> element;
    /** {@link #element} with a lazy indirection resolved, set on first use (hot path). */
    private volatile Codec<T> direct;

    VectorCodec(String name, Codec<T> element) {
      this.name = name;
      this.element = element;
    }

    private Codec<T> el() {
      Codec<T> d = direct;
      if (d == null) {
        d = Codecs.direct(element);
        direct = d;
      }
      return d;
    }

    @Override
    public String fcType() {
      return name;
    }

    @Override
    public List<T> read(FcReader r) {
      Codec<T> e0 = el();
      int n = r.count(e0.minBytes(), maxCount(e0));
      switch (n) {
        case 0:
          return List.of();
        case 1:
          return immutable(readAt(r, e0, 0));
        case 2:
          T first = readAt(r, e0, 0);
          return immutable(first, readAt(r, e0, 1));
        default:
          // n is bounded by the input left (count() checks n * minBytes), or by MAX_EMPTY_ELEMENTS.
          Object[] out = new Object[n];
          boolean nulls = false;
          for (int i = 0; i < n; i++) {
            Object o = readAt(r, e0, i);
            out[i] = o;
            nulls |= o == null;
          }
          return immutable(out, nulls);
      }
    }

    private static <T> T readAt(FcReader r, Codec<T> e0, int i) {
      try {
        return e0.read(r);
      } catch (DecodeException e) {
        throw e.within("[" + i + "]");
      }
    }

    @Override
    public void write(FcWriter w, List<T> v) {
      w.varint(v.size());
      Codec<T> e0 = el();
      for (int i = 0, n = v.size(); i < n; i++) {
        e0.write(w, v.get(i));
      }
    }

    @Override
    public JsonNode toJson(List<T> v, JsonContext ctx) {
      ArrayNode a = PrimitiveCodecs.JSON.arrayNode(v.size());
      for (T t : v) {
        a.add(element.toJson(t, ctx));
      }
      return a;
    }

    @Override
    public List<T> fromJson(JsonNode n, JsonContext ctx) {
      if (n == null || n.isNull() || n.isMissingNode()) {
        return List.of();
      }
      if (!n.isArray()) {
        throw Codecs.jsonError(name + ": expected an array");
      }
      List<T> out = new ArrayList<>(n.size());
      int i = 0;
      for (JsonNode e : n) {
        try {
          out.add(element.fromJson(e, ctx));
        } catch (DecodeException ex) {
          throw ex.within("[" + i + "]");
        }
        i++;
      }
      return Collections.unmodifiableList(out);
    }
  }

  // An unmodifiable list of decoded elements: List.of's (which records' List.copyOf keeps as it
  // is, and which for one or two elements is a single small object), or for the null elements
  // List.of refuses, an unmodifiable view (decoded elements are never null in practice).

  static <T> List<T> immutable(T a) {
    return a == null ? Collections.singletonList(null) : List.of(a);
  }

  static <T> List<T> immutable(T a, T b) {
    if (a == null || b == null) {
      return Collections.unmodifiableList(java.util.Arrays.asList(a, b));
    }
    return List.of(a, b);
  }

  @SuppressWarnings("unchecked")
  static <T> List<T> immutable(Object[] elements, boolean nulls) {
    if (nulls) {
      return Collections.unmodifiableList((List<T>) java.util.Arrays.asList(elements));
    }
    return (List<T>) List.of(elements);
  }

  /** Sorts stably and drops later duplicates, as inserting into an fc flat container does. */
  static <T> List<T> canonicalList(List<T> in, Comparator<? super T> cmp) {
    boolean sorted = true;
    for (int i = 1; i < in.size(); i++) {
      if (cmp.compare(in.get(i - 1), in.get(i)) >= 0) {
        sorted = false;
        break;
      }
    }
    if (sorted) {
      return in;
    }
    List<T> copy = new ArrayList<>(in);
    copy.sort(cmp); // stable: the first of equal elements stays first
    List<T> out = new ArrayList<>(copy.size());
    for (T t : copy) {
      if (out.isEmpty() || cmp.compare(out.get(out.size() - 1), t) != 0) {
        out.add(t);
      }
    }
    return out;
  }

  /** flat_set&lt;T&gt;: like a vector, kept sorted and unique by fc's operator&lt;. */
  static final class SetCodec<T> extends Codec<List<T>> {
    final String name;
    final Codec<T> element;
    private final VectorCodec<T> vector;

    SetCodec(String name, Codec<T> element) {
      this.name = name;
      this.element = element;
      this.vector = new VectorCodec<>(name, element);
    }

    @Override
    public String fcType() {
      return name;
    }

    @Override
    public List<T> read(FcReader r) {
      List<T> read = vector.read(r);
      List<T> canonical = canonicalList(read, element.comparator());
      if (canonical == read) {
        return read; // already unmodifiable
      }
      r.noteNonCanonical(); // sorted or deduplicated: the re-encoding differs from the input
      return Collections.unmodifiableList(canonical);
    }

    @Override
    public void write(FcWriter w, List<T> v) {
      vector.write(w, canonicalList(v, element.comparator()));
    }

    @Override
    public JsonNode toJson(List<T> v, JsonContext ctx) {
      return vector.toJson(canonicalList(v, element.comparator()), ctx);
    }

    @Override
    public List<T> fromJson(JsonNode n, JsonContext ctx) {
      return Collections.unmodifiableList(canonicalList(vector.fromJson(n, ctx), element.comparator()));
    }
  }

  /** flat_map&lt;K,V&gt;: count then (K, V) pairs in ascending key order; a map in Java. */
  static final class MapCodec<K, V> extends Codec<Map<K, V>> {
    final String name;
    final Codec<K> key;
    final Codec<V> value;

    MapCodec(String name, Codec<K> key, Codec<V> value) {
      this.name = name;
      this.key = key;
      this.value = value;
    }

    @Override
    public String fcType() {
      return name;
    }

    @Override
    public int minBytes() {
      return 1;
    }

    /** True if the keys are strictly ascending: the map's encoding is these pairs in this order. */
    private boolean strictlyAscending(List<K> keys) {
      Comparator<K> kc = key.comparator();
      for (int i = 1; i < keys.size(); i++) {
        if (kc.compare(keys.get(i - 1), keys.get(i)) >= 0) {
          return false;
        }
      }
      return true;
    }

    private Map<K, V> canonical(List<K> keys, List<V> values) {
      List<Integer> order = new ArrayList<>(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        order.add(i);
      }
      Comparator<K> kc = key.comparator();
      order.sort((a, b) -> kc.compare(keys.get(a), keys.get(b)));
      LinkedHashMap<K, V> m = new LinkedHashMap<>();
      K last = null;
      for (int i : order) {
        K k = keys.get(i);
        if (last != null && kc.compare(last, k) == 0) {
          continue; // first wins, as flat_map::insert keeps the existing entry
        }
        m.put(k, values.get(i));
        last = k;
      }
      return Collections.unmodifiableMap(m);
    }

    @Override
    public Map<K, V> read(FcReader r) {
      int n = r.count(Math.max(1, key.minBytes() + value.minBytes()), FcReader.MAX_BYTES_LENGTH);
      List<K> ks = new ArrayList<>(Math.min(n, 256));
      List<V> vs = new ArrayList<>(Math.min(n, 256));
      for (int i = 0; i < n; i++) {
        try {
          ks.add(key.read(r));
          vs.add(value.read(r));
        } catch (DecodeException e) {
          throw e.within("[" + i + "]");
        }
      }
      if (strictlyAscending(ks)) {
        // Already in canonical order: the same map canonical() builds, without sorting.
        LinkedHashMap<K, V> m = new LinkedHashMap<>(Math.max(4, n * 4 / 3 + 1));
        for (int i = 0; i < n; i++) {
          m.put(ks.get(i), vs.get(i));
        }
        return Collections.unmodifiableMap(m);
      }
      r.noteNonCanonical(); // sorted or deduplicated: the re-encoding differs from the input
      return canonical(ks, vs);
    }

    private List<Map.Entry<K, V>> sortedEntries(Map<K, V> v) {
      List<Map.Entry<K, V>> es = new ArrayList<>(v.entrySet());
      Comparator<K> kc = key.comparator();
      boolean sorted = true;
      for (int i = 1; i < es.size(); i++) {
        if (kc.compare(es.get(i - 1).getKey(), es.get(i).getKey()) >= 0) {
          sorted = false;
          break;
        }
      }
      if (!sorted) {
        es.sort((a, b) -> kc.compare(a.getKey(), b.getKey()));
      }
      return es;
    }

    @Override
    public void write(FcWriter w, Map<K, V> v) {
      List<Map.Entry<K, V>> es = sortedEntries(v);
      w.varint(es.size());
      for (Map.Entry<K, V> e : es) {
        key.write(w, e.getKey());
        value.write(w, e.getValue());
      }
    }

    @Override
    public JsonNode toJson(Map<K, V> v, JsonContext ctx) {
      ArrayNode a = PrimitiveCodecs.JSON.arrayNode(v.size());
      for (Map.Entry<K, V> e : sortedEntries(v)) {
        ArrayNode pair = a.addArray();
        pair.add(key.toJson(e.getKey(), ctx));
        pair.add(value.toJson(e.getValue(), ctx));
      }
      return a;
    }

    @Override
    public Map<K, V> fromJson(JsonNode n, JsonContext ctx) {
      List<K> ks = new ArrayList<>();
      List<V> vs = new ArrayList<>();
      if (n == null || n.isNull() || n.isMissingNode()) {
        return Map.of();
      }
      if (n.isArray()) {
        int i = 0;
        for (JsonNode e : n) {
          if (!e.isArray() || e.size() != 2) {
            throw Codecs.jsonError(name + "[" + i + "]: expected a [key, value] pair");
          }
          ks.add(key.fromJson(e.get(0), ctx));
          vs.add(value.fromJson(e.get(1), ctx));
          i++;
        }
      } else if (n.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          ks.add(key.fromJson(PrimitiveCodecs.JSON.textNode(e.getKey()), ctx));
          vs.add(value.fromJson(e.getValue(), ctx));
        }
      } else {
        throw Codecs.jsonError(name + ": expected an array of pairs");
      }
      return canonical(ks, vs);
    }
  }

  /** std::pair&lt;A,B&gt;. */
  static final class PairCodec extends Codec<Pair> {
    final String name;
    final Codec<Object> a;
    final Codec<Object> b;

    PairCodec(String name, Codec<Object> a, Codec<Object> b) {
      this.name = name;
      this.a = a;
      this.b = b;
    }

    @Override
    public String fcType() {
      return name;
    }

    @Override
    public Pair read(FcReader r) {
      return new Pair(a.read(r), b.read(r));
    }

    @Override
    public void write(FcWriter w, Pair v) {
      a.write(w, v.first());
      b.write(w, v.second());
    }

    @Override
    public JsonNode toJson(Pair v, JsonContext ctx) {
      ArrayNode arr = PrimitiveCodecs.JSON.arrayNode(2);
      arr.add(a.toJson(v.first(), ctx));
      arr.add(b.toJson(v.second(), ctx));
      return arr;
    }

    @Override
    public Pair fromJson(JsonNode n, JsonContext ctx) {
      if (n == null || !n.isArray() || n.size() != 2) {
        throw Codecs.jsonError(name + ": expected [first, second]");
      }
      return new Pair(a.fromJson(n.get(0), ctx), b.fromJson(n.get(1), ctx));
    }

    @Override
    public int minBytes() {
      return a.minBytes() + b.minBytes();
    }
  }

  /**
   * extension&lt;T&gt;: count of present members, then (member index, value) for each present
   * member in reflection order. In Java it is the T record with null for absent members.
   */
  static final class ExtensionCodec<T> extends Codec<T> {
    final String name;
    final RecordCodec<T> record;

    ExtensionCodec(String name, RecordCodec<T> record) {
      this.name = name;
      this.record = record;
    }

    @Override
    public String fcType() {
      return name;
    }

    Codec<Object> memberCodec(int i) {
      // Members are optional<X>; inside an extension the value is written without presence byte.
      String t = record.componentType(i).replace(" ", "");
      if (t.startsWith("optional<") && t.endsWith(">")) {
        return Codecs.lazy(t.substring(9, t.length() - 1));
      }
      return record.componentCodec(i);
    }

    @Override
    public T read(FcReader r) {
      int members = record.componentCount();
      int at = r.position();
      long n = r.varint();
      if (n < 0 || n > members) {
        throw new DecodeException(Kind.BAD_EXTENSION, at, name + ": " + Long.toUnsignedString(n) + " entries, only " + members + " members");
      }
      Object[] values = new Object[members];
      int left = (int) n;
      long next = left > 0 ? r.varint() : -1;
      for (int i = 0; i < members && left > 0; i++) {
        if (next == i) {
          try {
            values[i] = memberCodec(i).read(r);
          } catch (DecodeException e) {
            throw e.within(record.componentName(i));
          }
          left--;
          if (left > 0) {
            next = r.varint();
          }
        }
      }
      if (left > 0) {
        throw new DecodeException(Kind.BAD_EXTENSION, r.position(), name + ": unrecognized extension index " + Long.toUnsignedString(next));
      }
      return record.construct(values);
    }

    @Override
    public void write(FcWriter w, T v) {
      int members = record.componentCount();
      Object[] values = record.components(v);
      int n = 0;
      for (Object o : values) {
        if (o != null) {
          n++;
        }
      }
      w.varint(n);
      for (int i = 0; i < members; i++) {
        if (values[i] != null) {
          w.varint(i);
          memberCodec(i).write(w, values[i]);
        }
      }
    }

    @Override
    public JsonNode toJson(T v, JsonContext ctx) {
      ObjectNode o = PrimitiveCodecs.JSON.objectNode();
      Object[] values = record.components(v);
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          o.set(record.componentName(i), memberCodec(i).toJson(values[i], ctx));
        }
      }
      return o;
    }

    @Override
    public T fromJson(JsonNode n, JsonContext ctx) {
      int members = record.componentCount();
      Object[] values = new Object[members];
      if (n == null || n.isNull() || n.isMissingNode()) {
        return record.construct(values);
      }
      if (n.isObject()) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
          String f = names.next();
          int i = record.componentIndex(f);
          if (i < 0) {
            throw Codecs.jsonError(name + ": unknown extension member '" + f + "'");
          }
          JsonNode val = n.get(f);
          if (!val.isNull()) {
            try {
              values[i] = memberCodec(i).fromJson(val, ctx);
            } catch (DecodeException e) {
              throw e.within(f);
            }
          }
        }
      } else if (n.isArray()) {
        // Tolerated forms: [] (some libraries), or [[index_or_name, value], ...].
        for (JsonNode e : n) {
          if (!e.isArray() || e.size() != 2) {
            throw Codecs.jsonError(name + ": expected [index, value] entries");
          }
          int i = e.get(0).isIntegralNumber() ? e.get(0).intValue() : record.componentIndex(e.get(0).asText());
          if (i < 0 || i >= members) {
            throw Codecs.jsonError(name + ": unknown extension member " + e.get(0));
          }
          values[i] = memberCodec(i).fromJson(e.get(1), ctx);
        }
      } else {
        throw Codecs.jsonError(name + ": expected an object");
      }
      return record.construct(values);
    }
  }

  /** static_variant&lt;...&gt; other than operation: tag then the member's value. */
  static final class StaticVariantCodec extends Codec<StaticVariant> {
    final String name;
    final List<Codec<Object>> members;

    StaticVariantCodec(String name, List<Codec<Object>> members) {
      this.name = name;
      this.members = members;
    }

    @Override
    public String fcType() {
      return name;
    }

    @Override
    public StaticVariant read(FcReader r) {
      int at = r.position();
      long tag = r.varint();
      if (tag < 0 || tag >= members.size()) {
        throw new DecodeException(Kind.UNKNOWN_TAG, at, name + " has no tag " + Long.toUnsignedString(tag));
      }
      r.enter();
      try {
        return new StaticVariant((int) tag, members.get((int) tag).read(r));
      } catch (DecodeException e) {
        throw e.within(name + "#" + tag);
      } finally {
        r.exit();
      }
    }

    @Override
    public void write(FcWriter w, StaticVariant v) {
      if (v.tag() >= members.size()) {
        throw new IllegalArgumentException(name + " has no tag " + v.tag());
      }
      w.varint(v.tag());
      members.get(v.tag()).write(w, v.value());
    }

    @Override
    public JsonNode toJson(StaticVariant v, JsonContext ctx) {
      ArrayNode a = PrimitiveCodecs.JSON.arrayNode(2);
      a.add(v.tag());
      a.add(members.get(v.tag()).toJson(v.value(), ctx));
      return a;
    }

    @Override
    public StaticVariant fromJson(JsonNode n, JsonContext ctx) {
      if (n == null || !n.isArray() || n.size() != 2) {
        throw Codecs.jsonError(name + ": expected [tag, value]");
      }
      int tag = tagOf(n.get(0));
      try {
        return new StaticVariant(tag, members.get(tag).fromJson(n.get(1), ctx));
      } catch (DecodeException e) {
        throw e.within(name + "#" + tag);
      }
    }

    private int tagOf(JsonNode t) {
      if (t.isIntegralNumber()) {
        long v = t.longValue();
        if (v < 0 || v >= members.size()) {
          throw Codecs.jsonError(name + " has no tag " + v);
        }
        return (int) v;
      }
      if (t.isTextual()) {
        String s = t.textValue();
        for (int i = 0; i < members.size(); i++) {
          String m = members.get(i).fcType();
          if (m.equals(s) || m.endsWith("::" + s) || s.endsWith("::" + m)) {
            return i;
          }
        }
      }
      throw Codecs.jsonError(name + ": unknown member " + t);
    }
  }
}
