package io.graphyne.authority;

import io.graphyne.protocol.Fc;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link OpFields} over the generated operation records, by bitshares-core field name (the
 * {@link Fc#name()} of each record component). Optional fields that are absent are null.
 * Accessors are resolved once per record class.
 */
public final class RecordOpFields implements OpFields {
  private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
  private static final ClassValue<Map<String, MethodHandle>> ACCESSORS = new ClassValue<>() {
    @Override
    protected Map<String, MethodHandle> computeValue(Class<?> type) {
      return resolve(type);
    }
  };
  /** Dotted paths split once (the set of paths is the fixed one of {@link RequiredAuthorities}). */
  private static final Map<String, String[]> PATHS = new ConcurrentHashMap<>();

  private final Object record;

  public RecordOpFields(Object record) {
    this.record = record;
  }

  /**
   * What the requirement needs of an operation record class: its tag when {@link Operation#tag()}
   * is the interface's own (-1 otherwise: then the record is asked), and the accessor of its fee
   * payer field (null for a fixed payer, a missing field, a class that is no operation: the general
   * path handles and reports those).
   */
  private record OpClass(int tag, MethodHandle payer) {}

  private static final OpClass UNKNOWN_CLASS = new OpClass(-1, null);

  private static final ClassValue<OpClass> OP_CLASS = new ClassValue<>() {
    @Override
    protected OpClass computeValue(Class<?> type) {
      try {
        if (type.getMethod("tag").getDeclaringClass() != Operation.class) {
          return UNKNOWN_CLASS;
        }
        int tag = io.graphyne.protocol.Operations.tagOf(type);
        String field = RequiredAuthorities.feePayerField(tag);
        MethodHandle h = field.startsWith("@") || field.indexOf('.') >= 0 ? null : ACCESSORS.get(type).get(field);
        return new OpClass(tag, h);
      } catch (IllegalArgumentException | NoSuchMethodException e) {
        return UNKNOWN_CLASS;
      }
    }
  };

  /** {@code op.tag()}, without the class-to-tag map lookup for the generated records. */
  static int tagOf(Operation op) {
    int tag = OP_CLASS.get(op.getClass()).tag();
    return tag >= 0 ? tag : op.tag();
  }

  /**
   * The fee payer when the operation requires its active authority and nothing else (see {@link
   * RequiredAuthorities#feePayerOnly}); null when it requires more, or when reading the payer needs
   * the general path (which then reports any problem).
   */
  static ObjectId soleFeePayer(Operation op, int tag, boolean ignoreCustomOperationRequiredAuths) {
    if (!RequiredAuthorities.feePayerOnly(tag, ignoreCustomOperationRequiredAuths)) {
      return null;
    }
    ObjectId fixed = RequiredAuthorities.fixedFeePayer(tag);
    if (fixed != null) {
      return fixed;
    }
    OpClass c = OP_CLASS.get(op.getClass());
    if (c.tag() != tag || c.payer() == null) {
      return null;
    }
    Object v;
    try {
      v = (Object) c.payer().invokeExact((Object) op);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
    return v instanceof ObjectId id ? id : null;
  }

  /** The requirement of one operation record. */
  public static OpRequirement requirement(Operation op, boolean ignoreCustomOperationRequiredAuths) {
    int tag = tagOf(op);
    ObjectId payer = soleFeePayer(op, tag, ignoreCustomOperationRequiredAuths);
    if (payer != null) {
      return OpRequirement.feePayerOnly(tag, op, payer);
    }
    return RequiredAuthorities.requirement(tag, new RecordOpFields(op), op, ignoreCustomOperationRequiredAuths);
  }

  /** Requirements of operations in order (an immutable list). */
  public static List<OpRequirement> requirements(List<Operation> ops, boolean ignoreCustomOperationRequiredAuths) {
    int n = ops.size();
    if (n == 1) {
      return List.of(requirement(ops.get(0), ignoreCustomOperationRequiredAuths));
    }
    OpRequirement[] out = new OpRequirement[n];
    for (int i = 0; i < n; i++) {
      out[i] = requirement(ops.get(i), ignoreCustomOperationRequiredAuths);
    }
    return List.of(out);
  }

  /** Components by bitshares-core field name, each an {@code (Object)Object} handle. */
  private static Map<String, MethodHandle> resolve(Class<?> k) {
    if (!k.isRecord()) {
      throw new IllegalArgumentException(k.getName() + " is not a record");
    }
    Map<String, MethodHandle> m = new HashMap<>();
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    for (RecordComponent rc : k.getRecordComponents()) {
      Fc fc = rc.getAnnotation(Fc.class);
      String name = fc == null ? rc.getName() : fc.name();
      try {
        m.put(name, lookup.unreflect(rc.getAccessor()).asType(GETTER));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + k.getName() + "." + rc.getName(), e);
      }
    }
    return Map.copyOf(m);
  }

  private static Object get(Object rec, String name) {
    MethodHandle h = ACCESSORS.get(rec.getClass()).get(name);
    if (h == null) {
      throw new IllegalArgumentException(rec.getClass().getSimpleName() + " has no field '" + name + "'");
    }
    try {
      return (Object) h.invokeExact(rec);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private Object at(String path) {
    if (path.indexOf('.') < 0) {
      return get(record, path); // the common case: a top-level field (fee payers)
    }
    Object cur = record;
    for (String part : PATHS.computeIfAbsent(path, p -> p.split("\\."))) {
      if (cur == null) {
        return null;
      }
      cur = get(cur, part);
    }
    return cur;
  }

  @Override
  public ObjectId account(String path) {
    Object v = at(path);
    if (!(v instanceof ObjectId id)) {
      throw new IllegalArgumentException("operation field '" + path + "' is not an id: " + v);
    }
    return id;
  }

  @Override
  public ObjectId id(String path) {
    return account(path);
  }

  @Override
  public List<ObjectId> accounts(String path) {
    Object v = at(path);
    List<ObjectId> out = new ArrayList<>();
    if (v instanceof Collection<?> c) {
      for (Object o : c) {
        out.add((ObjectId) o);
      }
    }
    return out;
  }

  @Override
  public PublicKey key(String path) {
    Object v = at(path);
    if (!(v instanceof PublicKey k)) {
      throw new IllegalArgumentException("operation field '" + path + "' is not a key: " + v);
    }
    return k;
  }

  @Override
  public List<PublicKey> keys(String path) {
    Object v = at(path);
    List<PublicKey> out = new ArrayList<>();
    if (v instanceof Collection<?> c) {
      for (Object o : c) {
        out.add((PublicKey) o);
      }
    }
    return out;
  }

  @Override
  public boolean present(String path) {
    return at(path) != null;
  }

  @Override
  public List<Authority> authorities(String listPath, String field) {
    Object v = at(listPath);
    List<Authority> out = new ArrayList<>();
    if (v instanceof Collection<?> c) {
      for (Object o : c) {
        out.add((Authority) get(o, field));
      }
    }
    return out;
  }
}
