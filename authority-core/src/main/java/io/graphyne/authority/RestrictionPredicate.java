package io.graphyne.authority;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Pair;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.types.Restriction;
import io.graphyne.protocol.validation.RestrictionTypes;
import io.graphyne.protocol.validation.RestrictionTypes.CType;
import io.graphyne.protocol.validation.RestrictionTypes.Kind;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BSIP40 restriction predicates (spec/authority.md §4; bitshares-core
 * {@code custom_authorities/restriction_predicate.hxx}): a restriction list is an AND; each
 * restriction names a field of the object by its reflected position ({@code member_index}, the
 * record component index) and applies eq, ne, lt, le, gt, ge, in, not_in, has_all, has_none, attr
 * (nested list on a struct), logical_or (any branch) or variant_assert (tag plus nested list).
 *
 * <p>Type-directed, like core: the list is first type-checked by {@link RestrictionTypes} (the same
 * check {@code custom_authority_create_operation::validate()} runs), and a list core would refuse to
 * build a predicate for evaluates to a rejection. Each value is then read as its C++ field type:
 * integers of any width compare numerically (uint64 unsigned), bool is not an integer, a container
 * (vector, flat_set, flat_map, string as its bytes, a key's 33 bytes) compared with an integer
 * compares its size, strings order by their UTF-8 bytes, and eq/ne against void_t test an optional
 * for null. For a null optional with any other argument the C++ predicate yields a rejection that is
 * then read as a boolean: eq, lt, gt, in, has_all, has_none, attr and variant_assert fail; ne and
 * not_in (negations) pass; le and ge pass (the rejection reads as the comparison result 0).
 */
public final class RestrictionPredicate {
  private RestrictionPredicate() {}

  public static final int EQ = RestrictionTypes.EQ;
  public static final int NE = RestrictionTypes.NE;
  public static final int LT = RestrictionTypes.LT;
  public static final int LE = RestrictionTypes.LE;
  public static final int GT = RestrictionTypes.GT;
  public static final int GE = RestrictionTypes.GE;
  public static final int IN = RestrictionTypes.IN;
  public static final int NOT_IN = RestrictionTypes.NOT_IN;
  public static final int HAS_ALL = RestrictionTypes.HAS_ALL;
  public static final int HAS_NONE = RestrictionTypes.HAS_NONE;
  public static final int ATTR = RestrictionTypes.ATTR;
  public static final int LOGICAL_OR = RestrictionTypes.LOGICAL_OR;
  public static final int VARIANT_ASSERT = RestrictionTypes.VARIANT_ASSERT;

  /** Whether an operation (or any generated record) satisfies a restriction list. */
  public static boolean accepts(Object object, List<Restriction> restrictions) {
    if (object == null || !(object instanceof Record rec)) {
      return false;
    }
    CType type = RestrictionTypes.structType(rec.getClass());
    if (RestrictionTypes.check(type, restrictions, true) != null) {
      return false;
    }
    return all(object, type, restrictions, 0);
  }

  private static boolean all(Object object, CType type, List<?> rs, int depth) {
    if (depth > RestrictionTypes.MAX_DEPTH) {
      return false;
    }
    for (Object o : rs) {
      if (!(o instanceof Restriction r) || !one(object, type, r, depth)) {
        return false;
      }
    }
    return true;
  }

  private static boolean one(Object object, CType type, Restriction r, int depth) {
    int func = (int) r.restrictionType();
    int tag = r.argument() == null ? -1 : r.argument().tag();
    Object arg = r.argument() == null ? null : r.argument().value();
    if (r.restrictionType() == LOGICAL_OR) {
      for (Object b : (List<?>) arg) {
        if (all(object, type, (List<?>) b, depth + 1)) {
          return true;
        }
      }
      return false;
    }
    List<CType> members = RestrictionTypes.members(type);
    int index = (int) r.memberIndex();
    return apply(func, members.get(index), member(object, type, index), tag, arg, depth);
  }

  /** The value of a reflected member (record component, or a public key's bytes). */
  private static Object member(Object object, CType type, int index) {
    if (type.kind() == Kind.PUBLIC_KEY) {
      return object instanceof PublicKey k ? Bytes.of(k.toArray()) : null;
    }
    if (!(object instanceof Record)) {
      return null;
    }
    Method accessor = ACCESSORS.get(object.getClass())[index];
    try {
      return accessor.invoke(object);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("record accessor " + accessor, e);
    }
  }

  /** Per record class: its component accessors (memoised; derived from the class alone). */
  private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected Method[] computeValue(Class<?> c) {
      RecordComponent[] rcs = c.getRecordComponents();
      Method[] out = new Method[rcs.length];
      for (int i = 0; i < rcs.length; i++) {
        out[i] = rcs[i].getAccessor();
      }
      return out;
    }
  };

  private static boolean apply(int func, CType field, Object v, int tag, Object arg, int depth) {
    CType f = field;
    if (f.kind() == Kind.OPTIONAL) {
      if (v == null) {
        return switch (func) {
          case EQ -> tag == RestrictionTypes.ARG_VOID;
          case NE -> tag != RestrictionTypes.ARG_VOID;
          case LE, GE, NOT_IN -> true;
          default -> false;
        };
      }
      if (tag == RestrictionTypes.ARG_VOID) {
        return func == NE;
      }
      f = f.elem();
    }
    if (v == null) {
      return false;
    }
    CType a = RestrictionTypes.argumentType(tag);
    return switch (func) {
      case EQ -> eq(f, v, a, arg);
      case NE -> !eq(f, v, a, arg);
      case LT -> compare(f, v, a, arg) < 0;
      case LE -> compare(f, v, a, arg) <= 0;
      case GT -> compare(f, v, a, arg) > 0;
      case GE -> compare(f, v, a, arg) >= 0;
      case IN -> in(f, v, a, arg);
      case NOT_IN -> notIn(f, v, a, arg);
      case HAS_ALL -> hasAll(f, v, a, arg);
      case HAS_NONE -> hasNone(f, v, a, arg);
      case ATTR -> all(v, RestrictionTypes.attrTarget(f), (List<?>) arg, depth + 1);
      case VARIANT_ASSERT -> variantAssert(f, v, (Pair) arg, depth);
      default -> false;
    };
  }

  private static boolean variantAssert(CType f, Object v, Pair arg, int depth) {
    CType variant = RestrictionTypes.variantOf(f);
    long which = ((Number) arg.first()).longValue();
    long actual;
    Object value;
    if (v instanceof StaticVariant sv) {
      actual = sv.tag();
      value = sv.value();
    } else if (v instanceof Operation op) {
      actual = op.tag();
      value = op;
    } else {
      return false;
    }
    if (actual != which) {
      return false;
    }
    // an empty list is allowed here: it asserts the variant's type only
    return all(value, RestrictionTypes.variantMember(variant, (int) which), (List<?>) arg.second(), depth + 1);
  }

  // ------------------------------------------------------------------------ values as their C++ types

  /** A scalar as a comparable key: integers as BigInteger (uint64 unsigned, chars signed), others as is. */
  static Object key(CType t, Object o) {
    if (t.integral()) {
      if (o instanceof BigInteger b) {
        return b;
      }
      if (o instanceof Byte b) {
        return BigInteger.valueOf("unsigned char".equals(t.name()) || "uint8_t".equals(t.name()) ? b & 0xFF : b);
      }
      long n = ((Number) o).longValue();
      return t.unsigned64() && n < 0 ? new BigInteger(Long.toUnsignedString(n)) : BigInteger.valueOf(n);
    }
    return o;
  }

  /** A container's elements as keys of its value type. */
  static List<Object> elements(CType t, Object v) {
    CType e = t.element();
    List<Object> out = new ArrayList<>();
    if (v instanceof String s) {
      for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
        out.add(key(e, b));
      }
    } else if (v instanceof Bytes bs) {
      for (byte b : bs.unsafeArray()) {
        out.add(key(e, b));
      }
    } else if (v instanceof PublicKey k) {
      for (byte b : k.unsafeArray()) {
        out.add(key(e, b));
      }
    } else if (v instanceof Collection<?> c) {
      for (Object o : c) {
        out.add(key(e, o));
      }
    } else if (v instanceof Map<?, ?> m) {
      out.addAll(m.entrySet());
    }
    return out;
  }

  static long size(Object v) {
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    } else if (v instanceof Bytes b) {
      return b.length();
    } else if (v instanceof PublicKey) {
      return PublicKey.SIZE;
    } else if (v instanceof Collection<?> c) {
      return c.size();
    } else if (v instanceof Map<?, ?> m) {
      return m.size();
    }
    return -1;
  }

  private static Set<Object> argumentSet(CType a, Object arg) {
    Set<Object> out = new HashSet<>();
    for (Object o : (Collection<?>) arg) {
      out.add(key(a.element(), o));
    }
    return out;
  }

  private static boolean eq(CType f, Object v, CType a, Object arg) {
    if (f.container() && a.integral()) {
      return BigInteger.valueOf(size(v)).equals(key(a, arg));
    }
    if (f.integral()) {
      return key(f, v).equals(key(a, arg));
    }
    if (f.kind() == Kind.FLAT_SET) {
      return new HashSet<>(elements(f, v)).equals(argumentSet(a, arg));
    }
    return v.equals(arg);
  }

  private static int compare(CType f, Object v, CType a, Object arg) {
    if (f.integral()) {
      return ((BigInteger) key(f, v)).compareTo((BigInteger) key(a, arg));
    }
    if (v instanceof String s && arg instanceof String t) {
      return Integer.signum(Arrays.compareUnsigned(s.getBytes(StandardCharsets.UTF_8), t.getBytes(StandardCharsets.UTF_8)));
    }
    if (v instanceof Instant x && arg instanceof Instant y) {
      return Integer.signum(x.compareTo(y));
    }
    if (v instanceof ObjectId x && arg instanceof ObjectId y) {
      return Integer.signum(Long.compareUnsigned(x.instance(), y.instance()));
    }
    throw new IllegalStateException("no ordering for " + f);
  }

  /** Scalar membership when the field compares with the set's elements, else every element of the container. */
  private static boolean in(CType f, Object v, CType a, Object arg) {
    Set<Object> set = argumentSet(a, arg);
    if (RestrictionTypes.comparable(f, a.element())) {
      return set.contains(key(f, v));
    }
    return set.containsAll(elements(f, v));
  }

  private static boolean notIn(CType f, Object v, CType a, Object arg) {
    Set<Object> set = argumentSet(a, arg);
    if (RestrictionTypes.comparable(f, a.element())) {
      return !set.contains(key(f, v));
    }
    for (Object e : elements(f, v)) {
      if (set.contains(e)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasAll(CType f, Object v, CType a, Object arg) {
    Set<Object> set = argumentSet(a, arg);
    List<Object> elements = elements(f, v);
    Set<Object> have = new HashSet<>(elements);
    long fieldSize = f.kind() == Kind.FLAT_SET ? have.size() : elements.size();
    return fieldSize >= set.size() && have.containsAll(set);
  }

  private static boolean hasNone(CType f, Object v, CType a, Object arg) {
    Set<Object> set = argumentSet(a, arg);
    for (Object e : elements(f, v)) {
      if (set.contains(e)) {
        return false;
      }
    }
    return true;
  }
}
