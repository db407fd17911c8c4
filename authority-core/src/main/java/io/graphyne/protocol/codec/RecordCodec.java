package io.graphyne.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.protocol.Fc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The codec of a protocol record: its components in order, each with the codec of its
 * {@code @Fc} type. On the wire a struct is the concatenation of its fields (spec/chain.md §1.6);
 * in JSON it is an object keyed by the fc field names, with {@code flatten} parts merged in.
 */
public final class RecordCodec<T> extends Codec<T> {
  private final Class<T> type;
  private String[] names;
  private String[] fcTypes;
  private boolean[] flatten;
  private boolean[] optional;
  private Codec<Object>[] codecs;
  /** {@link #codecs} with lazy indirections resolved, built on first read or write (hot path). */
  private volatile Codec<Object>[] direct;
  private MethodHandle[] accessors;
  private MethodHandle constructor;
  /**
   * The canonical constructor as {@code (Object[] refs, long[] prims) -> Object}: component i is
   * {@code prims[i]} (narrowed to int where it is an int) if {@link #primitive}[i], else
   * {@code refs[i]}. Lets {@link #read} pass integers without boxing them.
   */
  private volatile MethodHandle readConstructor;
  /** Components whose Java type is long or int. */
  private boolean[] primitive;
  private MethodHandle canonicalCtor;
  private Class<?>[] componentTypes;
  private volatile int minBytes = -1;

  RecordCodec(Class<T> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    this.type = type;
  }

  @SuppressWarnings("unchecked")
  void init() {
    RecordComponent[] rc = type.getRecordComponents();
    int n = rc.length;
    String[] ns = new String[n];
    String[] ts = new String[n];
    boolean[] fl = new boolean[n];
    boolean[] opt = new boolean[n];
    Codec<Object>[] cs = new Codec[n];
    MethodHandle[] acc = new MethodHandle[n];
    Class<?>[] ctorTypes = new Class<?>[n];
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      for (int i = 0; i < n; i++) {
        Fc fc = rc[i].getAnnotation(Fc.class);
        if (fc == null) {
          throw new IllegalStateException(type.getName() + "." + rc[i].getName() + " lacks @Fc");
        }
        ns[i] = fc.name();
        ts[i] = fc.type();
        fl[i] = fc.flatten();
        opt[i] = fc.type().startsWith("optional<");
        cs[i] = Codecs.lazy(fc.type());
        acc[i] = lookup.unreflect(rc[i].getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
        ctorTypes[i] = rc[i].getType();
      }
      MethodHandle ctor = lookup.findConstructor(type, MethodType.methodType(void.class, ctorTypes));
      constructor = ctor.asType(ctor.type().generic()).asSpreader(Object[].class, n);
      boolean[] prim = new boolean[n];
      for (int i = 0; i < n; i++) {
        prim[i] = ctorTypes[i] == long.class || ctorTypes[i] == int.class;
      }
      canonicalCtor = ctor;
      componentTypes = ctorTypes;
      primitive = prim;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build the codec of " + type.getName(), e);
    }
    names = ns;
    fcTypes = ts;
    flatten = fl;
    optional = opt;
    codecs = cs;
    accessors = acc;
  }

  private Codec<Object>[] direct() {
    Codec<Object>[] d = direct;
    if (d == null) {
      d = codecs.clone();
      for (int i = 0; i < d.length; i++) {
        d[i] = Codecs.direct(d[i]);
      }
      direct = d;
    }
    return d;
  }

  public Class<T> recordClass() {
    return type;
  }

  public int componentCount() {
    return names.length;
  }

  public String componentName(int i) {
    return names[i];
  }

  public String componentType(int i) {
    return fcTypes[i];
  }

  public int componentIndex(String fcName) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(fcName)) {
        return i;
      }
    }
    return -1;
  }

  public Codec<Object> componentCodec(int i) {
    return codecs[i];
  }

  /** The component values of {@code value}, in order. */
  public Object[] components(T value) {
    Object[] out = new Object[accessors.length];
    try {
      for (int i = 0; i < out.length; i++) {
        out[i] = accessors[i].invokeExact((Object) value);
      }
    } catch (Throwable t) {
      throw rethrow(t);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public T construct(Object[] values) {
    try {
      return (T) constructor.invokeExact(values);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException re) {
      return re;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }

  @Override
  public String fcType() {
    return type.getSimpleName();
  }

  @Override
  public T read(FcReader r) {
    r.enter();
    Codec<Object>[] cs = direct();
    // The components go into the reader's scratch array for this depth: nested records are read
    // one level deeper, and the constructor spreads the array into its arguments without keeping it.
    // Integer components go into a long[] scratch unboxed.
    int n = cs.length;
    Object[] values = r.recordScratch(n);
    long[] prims = r.primitiveScratch(n);
    boolean[] prim = primitive;
    for (int i = 0; i < n; i++) {
      try {
        if (prim[i]) {
          prims[i] = cs[i].readPrimitive(r);
        } else {
          values[i] = cs[i].read(r);
        }
      } catch (DecodeException e) {
        throw flatten[i] ? e : e.within(names[i]);
      }
    }
    T value;
    try {
      value = constructRead(values, prims);
    } catch (IllegalArgumentException | NullPointerException e) {
      r.exit();
      throw r.error(DecodeException.Kind.INVALID_VALUE, type.getSimpleName() + ": " + e.getMessage());
    } finally {
      Arrays.fill(values, 0, n, null); // keep no references to decoded values
    }
    r.exit();
    return value;
  }

  @SuppressWarnings("unchecked")
  private T constructRead(Object[] refs, long[] prims) {
    MethodHandle c = readConstructor;
    if (c == null) {
      c = readConstructor = buildReadConstructor(); // equivalent handles if threads race here
    }
    try {
      return (T) c.invokeExact(refs, prims);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** Built on first read (most record types are never read from bytes in a given process). */
  private MethodHandle buildReadConstructor() {
    Class<?>[] types = componentTypes;
    int n = types.length;
    MethodHandle[] filters = new MethodHandle[n];
    int[] source = new int[n];
    MethodHandle refAt = MethodHandles.arrayElementGetter(Object[].class);
    MethodHandle longAt = MethodHandles.arrayElementGetter(long[].class);
    for (int i = 0; i < n; i++) {
      if (primitive[i]) {
        // The array getters only load: the order in which the filters run does not matter.
        filters[i] = MethodHandles.explicitCastArguments(
            MethodHandles.insertArguments(longAt, 1, i), MethodType.methodType(types[i], long[].class));
        source[i] = 1;
      } else {
        filters[i] = MethodHandles.insertArguments(refAt, 1, i).asType(MethodType.methodType(types[i], Object[].class));
      }
    }
    return MethodHandles.permuteArguments(
            MethodHandles.filterArguments(canonicalCtor, 0, filters),
            MethodType.methodType(type, Object[].class, long[].class),
            source)
        .asType(MethodType.methodType(Object.class, Object[].class, long[].class));
  }

  @Override
  public void write(FcWriter w, T value) {
    Codec<Object>[] cs = direct();
    try {
      for (int i = 0; i < cs.length; i++) {
        cs[i].write(w, accessors[i].invokeExact((Object) value));
      }
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  @Override
  public JsonNode toJson(T value, JsonContext ctx) {
    ObjectNode o = PrimitiveCodecs.JSON.objectNode();
    Object[] values = components(value);
    for (int i = 0; i < values.length; i++) {
      if (optional[i] && values[i] == null) {
        continue; // fc omits unset optional members
      }
      JsonNode j = codecs[i].toJson(values[i], ctx);
      if (flatten[i]) {
        o.setAll((ObjectNode) j);
      } else {
        o.set(names[i], j);
      }
    }
    return o;
  }

  @Override
  public T fromJson(JsonNode n, JsonContext ctx) {
    if (n == null || !n.isObject()) {
      throw Codecs.jsonError(type.getSimpleName() + ": expected an object");
    }
    Object[] values = new Object[codecs.length];
    for (int i = 0; i < codecs.length; i++) {
      JsonNode f = flatten[i] ? n : n.get(names[i]);
      if (f == null && !optional[i] && !tolerantMissing(fcTypes[i])) {
        throw Codecs.jsonError(type.getSimpleName() + ": missing field '" + names[i] + "'");
      }
      try {
        values[i] = codecs[i].fromJson(f, ctx);
      } catch (DecodeException e) {
        throw flatten[i] ? e : e.within(names[i]);
      }
    }
    try {
      return construct(values);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw Codecs.jsonError(type.getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Containers and extensions may be left out of JSON; they mean "empty". */
  private static boolean tolerantMissing(String fcType) {
    return fcType.equals("extensions_type")
        || fcType.startsWith("extension<")
        || fcType.startsWith("vector<")
        || fcType.startsWith("flat_set<")
        || fcType.startsWith("flat_map<");
  }

  @Override
  public int minBytes() {
    int m = minBytes;
    if (m < 0) {
      minBytes = 0; // guards recursion
      int sum = 0;
      for (Codec<Object> c : codecs) {
        sum += c.minBytes();
      }
      minBytes = m = sum;
    }
    return m;
  }

}
