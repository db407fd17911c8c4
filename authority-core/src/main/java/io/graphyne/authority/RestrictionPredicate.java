package io.graphyne.authority;

import io.graphyne.protocol.Fc;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Pair;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.types.Restriction;
import io.graphyne.protocol.types.VoidT;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * BSIP40 restriction predicates (spec/authority.md §4; bitshares-core
 * {@code custom_authorities/restriction_predicate.hxx}): a restriction list is an AND; each
 * restriction names a field of the object by its reflected position ({@code member_index}, the
 * record component index) and applies eq, ne, lt, le, gt, ge, in, not_in, has_all, has_none, attr
 * (nested list on a struct), logical_or (any branch) or variant_assert (tag plus nested list).
 *
 * <p>As in bitshares-core: integers of different widths compare numerically, bool is not an
 * integer, a container compared (eq/ne) with an integer compares its size, and eq/ne against
 * void_t test an optional for null. For a null optional with any other argument the C++ predicate
 * yields a rejection that is then read as a boolean: eq, lt, gt, in, has_all, has_none, attr and
 * variant_assert fail; ne and not_in (negations) pass; le and ge pass (the rejection reads as the
 * comparison result 0). Ill-typed restrictions (which the chain rejects when the custom authority
 * is created) evaluate to a rejection here.
 */
public final class RestrictionPredicate {
  private RestrictionPredicate() {}

  public static final int EQ = 0;
  public static final int NE = 1;
  public static final int LT = 2;
  public static final int LE = 3;
  public static final int GT = 4;
  public static final int GE = 5;
  public static final int IN = 6;
  public static final int NOT_IN = 7;
  public static final int HAS_ALL = 8;
  public static final int HAS_NONE = 9;
  public static final int ATTR = 10;
  public static final int LOGICAL_OR = 11;
  public static final int VARIANT_ASSERT = 12;

  /** Maximum nesting of restriction lists evaluated (far above the chain's 10-restriction limit). */
  static final int MAX_DEPTH = 32;

  /** Whether an operation (or any record) satisfies a restriction list. */
  public static boolean accepts(Object object, List<Restriction> restrictions) {
    return all(object, restrictions, 0);
  }

  private static boolean all(Object object, List<Restriction> rs, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    for (Restriction r : rs) {
      if (!one(object, r, depth)) {
        return false;
      }
    }
    return true;
  }

  /** A field of a record and whether its type is optional. */
  private record Field(Object value, boolean optional) {}

  private static Field field(Object object, long index) {
    if (object == null || !object.getClass().isRecord()) {
      return null;
    }
    RecordComponent[] rcs = object.getClass().getRecordComponents();
    if (index < 0 || index >= rcs.length) {
      return null;
    }
    RecordComponent rc = rcs[(int) index];
    Fc fc = rc.getAnnotation(Fc.class);
    try {
      Object v = rc.getAccessor().invoke(object);
      return new Field(v, fc != null && fc.type().startsWith("optional<"));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static boolean one(Object object, Restriction r, int depth) {
    int func = (int) r.restrictionType();
    Object arg = r.argument() == null ? null : r.argument().value();
    if (func == LOGICAL_OR) {
      if (!(arg instanceof List<?> branches) || branches.size() < 2) {
        return false;
      }
      for (Object b : branches) {
        if (b instanceof List<?> l && !l.isEmpty() && all(object, restrictions(l), depth + 1)) {
          return true;
        }
      }
      return false;
    }
    Field f = field(object, r.memberIndex());
    if (f == null) {
      return false;
    }
    Object v = f.value();
    if (f.optional() && v == null) {
      boolean argVoid = arg instanceof VoidT;
      return switch (func) {
        case EQ -> argVoid;
        case NE -> !argVoid;
        case LE, GE, NOT_IN -> true;
        default -> false;
      };
    }
    return switch (func) {
      case EQ -> eq(v, arg);
      case NE -> !(arg instanceof VoidT) && !eq(v, arg);
      case LT -> compare(v, arg) < 0 && comparable(v, arg);
      case LE -> comparable(v, arg) && compare(v, arg) <= 0;
      case GT -> comparable(v, arg) && compare(v, arg) > 0;
      case GE -> comparable(v, arg) && compare(v, arg) >= 0;
      case IN -> in(v, arg);
      case NOT_IN -> arg instanceof Collection<?> && notIn(v, (Collection<?>) arg);
      case HAS_ALL -> v instanceof Collection<?> c && arg instanceof Collection<?> a && hasAll(c, a);
      case HAS_NONE -> v instanceof Collection<?> c && arg instanceof Collection<?> a && hasNone(c, a);
      case ATTR -> arg instanceof List<?> l && !l.isEmpty() && v != null && v.getClass().isRecord()
          && all(v, restrictions(l), depth + 1);
      case VARIANT_ASSERT -> variantAssert(v, arg, depth);
      default -> false;
    };
  }

  @SuppressWarnings("unchecked")
  private static List<Restriction> restrictions(List<?> l) {
    for (Object o : l) {
      if (!(o instanceof Restriction)) {
        return List.of(new Restriction(Long.MAX_VALUE, -1, null, List.of()));
      }
    }
    return (List<Restriction>) l;
  }

  private static boolean variantAssert(Object v, Object arg, int depth) {
    if (!(arg instanceof Pair p) || !(p.first() instanceof Number tagN) || !(p.second() instanceof List<?> l)) {
      return false;
    }
    long tag = tagN.longValue();
    Object value;
    long actual;
    if (v instanceof StaticVariant sv) {
      actual = sv.tag();
      value = sv.value();
    } else if (v instanceof Operation op) {
      actual = op.tag();
      value = op;
    } else {
      return false;
    }
    // an empty list is allowed here: it asserts the variant's type only
    return actual == tag && all(value, restrictions(l), depth + 1);
  }

  static boolean integral(Object o) {
    return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte
        || o instanceof BigInteger;
  }

  static BigInteger num(Object o) {
    return o instanceof BigInteger b ? b : BigInteger.valueOf(((Number) o).longValue());
  }

  /** Same type, or both integers. */
  static boolean comparable(Object f, Object a) {
    if (f == null || a == null || a instanceof VoidT) {
      return false;
    }
    if (integral(f) && integral(a)) {
      return true;
    }
    if (f instanceof ObjectId fi && a instanceof ObjectId ai) {
      return fi.space() == ai.space() && fi.type() == ai.type();
    }
    return f.getClass() == a.getClass() && (f instanceof String || f instanceof Instant);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object f, Object a) {
    if (!comparable(f, a)) {
      return 0;
    }
    if (integral(f)) {
      return num(f).compareTo(num(a));
    }
    return Integer.signum(((Comparable) f).compareTo(a));
  }

  static boolean eq(Object f, Object a) {
    if (a == null || a instanceof VoidT || f == null) {
      return false;
    }
    if (integral(f) && integral(a)) {
      return num(f).equals(num(a));
    }
    if (f instanceof Collection<?> c && integral(a)) {
      return BigInteger.valueOf(c.size()).equals(num(a));
    }
    if (f instanceof Collection<?> fc && a instanceof Collection<?> ac) {
      return new HashSet<>(normalize(fc)).equals(new HashSet<>(normalize(ac))) && fc.size() == ac.size();
    }
    if (f instanceof Boolean || a instanceof Boolean) {
      return f.equals(a);
    }
    return f.getClass() == a.getClass() && f.equals(a);
  }

  /** Integers of any width as BigInteger so that sets compare by value. */
  private static List<Object> normalize(Collection<?> c) {
    List<Object> out = new ArrayList<>(c.size());
    for (Object o : c) {
      out.add(integral(o) ? num(o) : o);
    }
    return out;
  }

  private static boolean contains(Collection<?> set, Object element) {
    Object e = integral(element) ? num(element) : element;
    for (Object o : normalize(set)) {
      if (o.equals(e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean in(Object v, Object arg) {
    if (!(arg instanceof Collection<?> set)) {
      return false;
    }
    if (v instanceof Collection<?> c) {
      for (Object e : c) {
        if (!contains(set, e)) {
          return false;
        }
      }
      return true;
    }
    return contains(set, v);
  }

  private static boolean notIn(Object v, Collection<?> set) {
    if (v instanceof Collection<?> c) {
      for (Object e : c) {
        if (contains(set, e)) {
          return false;
        }
      }
      return true;
    }
    return !contains(set, v);
  }

  private static boolean hasAll(Collection<?> field, Collection<?> arg) {
    Set<Object> f = new HashSet<>(normalize(field));
    if (field.size() < arg.size()) {
      return false;
    }
    return f.containsAll(normalize(arg));
  }

  private static boolean hasNone(Collection<?> field, Collection<?> arg) {
    Set<Object> a = new HashSet<>(normalize(arg));
    for (Object o : normalize(field)) {
      if (a.contains(o)) {
        return false;
      }
    }
    return true;
  }
}
