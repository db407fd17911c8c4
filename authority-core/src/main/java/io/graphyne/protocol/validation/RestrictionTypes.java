package io.graphyne.protocol.validation;

import io.graphyne.protocol.Fc;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.Pair;
import io.graphyne.protocol.Schema;
import io.graphyne.protocol.types.Restriction;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type-directed check bitshares-core runs when it builds a BSIP40 restriction predicate
 * ({@code get_restriction_predicate}, {@code libraries/protocol/custom_authorities/restriction_predicate.hxx}):
 * every restriction is resolved against the C++ type of the field it names, and the first one whose
 * function, argument type and field type do not fit is reported.
 *
 * <p>The field types come from the generated records' {@link Fc} annotations (bitshares-core's
 * FC_REFLECT order) and {@link Schema}; the rules are core's predicate specialisations:
 *
 * <ul>
 *   <li>{@code eq}/{@code ne}: argument of the same type, both integers (bool is not one), a container
 *       against an integer (its size), or an optional against a comparable type or {@code void_t};
 *   <li>{@code lt}/{@code le}/{@code gt}/{@code ge}: argument int64, string, time or an object id; the
 *       field of the same type or an integer (through an optional too);
 *   <li>{@code in}/{@code not_in}: a flat_set argument whose element is comparable to the field (or to an
 *       optional's value), or, for a container field, to its elements;
 *   <li>{@code has_all}/{@code has_none}: a flat_set argument whose element is comparable to the elements
 *       of the container field (or optional container);
 *   <li>{@code attr}: a non-empty restriction list on a reflected struct (optional and {@code extension<T>}
 *       unwrap; object ids are structs of one {@code unsigned_int}, public keys of one byte array);
 *   <li>{@code logical_or}: at least two non-empty branches on the same object;
 *   <li>{@code variant_assert}: a static_variant (or optional one), a tag in range and a restriction
 *       list (empty allowed) on that member's type.
 * </ul>
 *
 * <p>Pure and bounded: recursion is limited to {@link #MAX_DEPTH} restriction levels and the walk to
 * {@link #MAX_WORK} restrictions; any value, including hostile ones, yields a {@link Problem} or null.
 */
public final class RestrictionTypes {
  private RestrictionTypes() {}

  /**
   * Restriction nesting checked. Core's validate() has no limit of its own, but decoding does (fc's
   * GRAPHENE_MAX_NESTED_OBJECTS = 200 and FcReader's depth budget, each nested restriction costing
   * several levels), so no decodable list nests this deep; only hand-built values reach the bound.
   */
  public static final int MAX_DEPTH = 200;
  /** Restrictions visited in one check (the chain's own limit, counted recursively, is 10 by default). */
  public static final int MAX_WORK = 10_000;

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

  /** Argument tags ({@code restriction::argument_type}). */
  public static final int ARG_VOID = 0;
  public static final int ARG_LIST = 39;
  public static final int ARG_OR = 40;
  public static final int ARG_VARIANT_ASSERT = 41;

  /**
   * {@code restriction::restriction_count} (restriction.cpp): every restriction counts one, plus
   * the restrictions inside an attr list, each logical_or branch and a variant assertion, recursively.
   * Arguments of the wrong shape count one, as in core (which only looks at the argument's type).
   */
  public static long restrictionCount(List<Restriction> rs) {
    long n = 0;
    for (Restriction r : rs) {
      n += restrictionCount(r);
    }
    return n;
  }

  private static long restrictionCount(Restriction r) {
    if (r.argument() == null) {
      return 1;
    }
    Object arg = r.argument().value();
    switch (r.argument().tag()) {
      case ARG_LIST -> {
        return arg instanceof List<?> l ? 1 + countAll(l) : 1;
      }
      case ARG_OR -> {
        long n = 1;
        if (arg instanceof List<?> branches) {
          for (Object b : branches) {
            n += b instanceof List<?> l ? countAll(l) : 0;
          }
        }
        return n;
      }
      case ARG_VARIANT_ASSERT -> {
        return arg instanceof Pair pair && pair.second() instanceof List<?> l ? 1 + countAll(l) : 1;
      }
      default -> {
        return 1;
      }
    }
  }

  private static long countAll(List<?> l) {
    long n = 0;
    for (Object o : l) {
      n += o instanceof Restriction r ? restrictionCount(r) : 0;
    }
    return n;
  }

  /** Why core refuses to build the predicate. */
  public enum Reason {
    UNSUPPORTED_OPERATION("custom authorities do not support this operation type"),
    NON_OBJECT("restriction references a member of a non-object type"),
    MEMBER_INDEX("invalid member index for the object"),
    FUNCTION_TYPE("invalid function type on restriction"),
    ARGUMENT_FOR_FUNCTION("argument type not allowed for the restriction function"),
    INVALID_TYPES("invalid types for predicate (field and argument do not fit the function)"),
    ATTR_ARGUMENT("argument type for attribute assertion must be restriction list"),
    OR_ARGUMENT("restriction argument for logical OR function type must be list of restriction lists"),
    OR_BRANCHES("logical OR must have at least two branches"),
    EMPTY_LIST("empty attribute assertions and logical OR branches are not permitted"),
    VARIANT_ARGUMENT("argument type for variant assertion must be pair of variant tag and restriction list"),
    NON_VARIANT("invalid variant assertion on non-variant field"),
    VARIANT_TAG("variant assertion tag out of range"),
    MALFORMED("malformed restriction"),
    TOO_DEEP("restrictions nested too deeply"),
    TOO_LARGE("too many restrictions to check");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  /** The first restriction core rejects: where (relative path, e.g. {@code [0].argument[1]}) and why. */
  public record Problem(String path, Reason reason, String detail) {
    Problem under(String prefix) {
      return new Problem(prefix + path, reason, detail);
    }

    public String message() {
      return detail.isEmpty() ? reason.message() : reason.message() + ": " + detail;
    }
  }

  // ------------------------------------------------------------------------------------ the type model

  /** The shape of a C++ field type as far as the predicate rules see it. */
  public enum Kind {
    INTEGRAL, BOOL, STRING, TIME, PUBLIC_KEY, OBJECT_ID, UNSIGNED_INT, STRUCT, EXTENSION, OPTIONAL,
    VECTOR, FLAT_SET, FLAT_MAP, BYTE_ARRAY, VARIANT, OPAQUE
  }

  /**
   * A C++ type: {@code name} is canonical (aliases resolved, so two types are the same C++ type iff the
   * names are equal), {@code elem} the optional's / extension's / container's value type,
   * {@code struct} the record of a reflected struct, {@code variant} the static_variant's member names.
   */
  public record CType(Kind kind, String name, CType elem, Class<? extends Record> struct, List<String> variant) {
    public boolean integral() {
      return kind == Kind.INTEGRAL;
    }

    /** {@code is_container}: has value_type and size() (std::string and byte arrays included). */
    public boolean container() {
      return kind == Kind.VECTOR || kind == Kind.FLAT_SET || kind == Kind.FLAT_MAP || kind == Kind.STRING
          || kind == Kind.BYTE_ARRAY;
    }

    /** The container's value_type ({@code char} for std::string). */
    public CType element() {
      return elem;
    }

    /** Whether integers of this type are unsigned 64-bit (Java long holding uint64). */
    public boolean unsigned64() {
      return "uint64_t".equals(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final Set<String> INTEGRALS = Set.of("int8_t", "uint8_t", "int16_t", "uint16_t", "int32_t",
      "uint32_t", "int64_t", "uint64_t", "char", "unsigned char", "share_type", "int", "unsigned", "long");
  /** Aliases kept distinct from Schema's (share_type is fc::safe&lt;int64_t&gt;, an integer of its own). */
  private static final Map<String, String> OWN_ALIASES = Map.of(
      "fc::ecc::public_key_data", "bytes[33]",
      "weight_type", "uint16_t",
      "uint8", "uint8_t", "uint16", "uint16_t", "uint32", "uint32_t", "int64", "int64_t");
  private static final CType CHAR = new CType(Kind.INTEGRAL, "char", null, null, null);
  private static final CType UCHAR = new CType(Kind.INTEGRAL, "unsigned char", null, null, null);
  private static final CType UNSIGNED_INT = new CType(Kind.UNSIGNED_INT, "unsigned_int", null, null, null);
  private static final int MAX_TYPE_TEXT = 256;

  /** The type of a reflected record (an operation or a nested struct). */
  public static CType structType(Class<? extends Record> c) {
    return STRUCT_TYPES.get(c);
  }

  /** Per record class: its type (memoised; derived from the class alone). */
  private static final ClassValue<CType> STRUCT_TYPES = new ClassValue<>() {
    @Override
    @SuppressWarnings("unchecked")
    protected CType computeValue(Class<?> c) {
      String name = Schema.STRUCTS.entrySet().stream().filter(e -> e.getValue() == c).map(Map.Entry::getKey)
          .findFirst().orElse(c.getSimpleName());
      return new CType(Kind.STRUCT, name, null, (Class<? extends Record>) c, null);
    }
  };

  /** Per record class: its members' types in reflected order (memoised; derived from the annotations). */
  private static final ClassValue<List<CType>> STRUCT_MEMBERS = new ClassValue<>() {
    @Override
    protected List<CType> computeValue(Class<?> c) {
      RecordComponent[] rcs = c.getRecordComponents();
      List<CType> out = new ArrayList<>(rcs.length);
      for (RecordComponent rc : rcs) {
        Fc fc = rc.getAnnotation(Fc.class);
        out.add(fc == null ? new CType(Kind.OPAQUE, rc.getType().getName(), null, null, null) : parse(fc.type()));
      }
      return List.copyOf(out);
    }
  };

  /** Parses an {@link Fc#type()} / Schema type name. Unknown names become opaque types. */
  public static CType parse(String text) {
    return parse(text, 0);
  }

  private static CType parse(String raw, int depth) {
    String t = raw.strip();
    if (depth > 32 || t.length() > MAX_TYPE_TEXT) {
      return new CType(Kind.OPAQUE, t, null, null, null);
    }
    if (OWN_ALIASES.containsKey(t)) {
      return parse(OWN_ALIASES.get(t), depth + 1);
    }
    if (INTEGRALS.contains(t)) {
      return new CType(Kind.INTEGRAL, t, null, null, null);
    }
    switch (t) {
      case "bool":
        return new CType(Kind.BOOL, t, null, null, null);
      case "string":
      case "std::string":
        return new CType(Kind.STRING, "string", CHAR, null, null);
      case "time_point_sec":
      case "fc::time_point_sec":
        return new CType(Kind.TIME, "time_point_sec", null, null, null);
      case "public_key_type":
        return new CType(Kind.PUBLIC_KEY, t, null, null, null);
      case "unsigned_int":
        return UNSIGNED_INT;
      default:
        break;
    }
    if (Schema.OBJECT_ID_TYPES.containsKey(t)) {
      return new CType(Kind.OBJECT_ID, t, null, null, null);
    }
    if (t.startsWith("bytes[")) {
      return new CType(Kind.BYTE_ARRAY, t, UCHAR, null, null);
    }
    int lt = t.indexOf('<');
    if (lt > 0 && t.endsWith(">")) {
      String head = t.substring(0, lt);
      List<String> args = splitArgs(t.substring(lt + 1, t.length() - 1));
      if (args.size() == 1) {
        CType a = parse(args.get(0), depth + 1);
        switch (head) {
          case "optional":
          case "fc::optional":
            return new CType(Kind.OPTIONAL, "optional<" + a.name() + ">", a, null, null);
          case "extension":
            return new CType(Kind.EXTENSION, "extension<" + a.name() + ">", a, null, null);
          case "vector":
          case "std::vector":
            return new CType(Kind.VECTOR, "vector<" + a.name() + ">", a, null, null);
          case "flat_set":
          case "set":
            return new CType(Kind.FLAT_SET, head + "<" + a.name() + ">", a, null, null);
          default:
            break;
        }
      } else if (args.size() == 2 && (head.equals("flat_map") || head.equals("map"))) {
        String k = parse(args.get(0), depth + 1).name();
        String v = parse(args.get(1), depth + 1).name();
        CType pair = new CType(Kind.OPAQUE, "pair<" + k + "," + v + ">", null, null, null);
        return new CType(Kind.FLAT_MAP, head + "<" + k + "," + v + ">", pair, null, null);
      }
      return new CType(Kind.OPAQUE, t, null, null, null);
    }
    if (Schema.STATIC_VARIANTS.containsKey(t)) {
      return new CType(Kind.VARIANT, t, null, null, Schema.STATIC_VARIANTS.get(t));
    }
    Class<? extends Record> c = Schema.STRUCTS.get(t);
    if (c != null) {
      return new CType(Kind.STRUCT, t, null, c, null);
    }
    String alias = Schema.ALIASES.get(t);
    if (alias != null) {
      return parse(alias, depth + 1);
    }
    return new CType(Kind.OPAQUE, t, null, null, null);
  }

  private static List<String> splitArgs(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '<') {
        depth++;
      } else if (ch == '>') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  /**
   * The reflected members of a type ({@code fc::reflector<T>::native_members}), or an empty list for a
   * type that is not a reflected struct or has no members (core: "non-object type").
   */
  public static List<CType> members(CType t) {
    switch (t.kind()) {
      case STRUCT:
        return STRUCT_MEMBERS.get(t.struct());
      case OBJECT_ID:
        // object_id<S,T> is reflected with one member, instance (unsigned_int): object_id.hpp
        return List.of(UNSIGNED_INT);
      case PUBLIC_KEY:
        // FC_REFLECT(public_key_type, (key_data)); key_data is an array of 33 unsigned chars
        return List.of(new CType(Kind.BYTE_ARRAY, "bytes[33]", UCHAR, null, null));
      default:
        return List.of();
    }
  }

  /** The C++ type of each {@code restriction::argument_type} member, by tag. */
  private static final List<CType> ARGUMENT_TYPES;

  static {
    List<CType> a = new ArrayList<>();
    for (String n : Schema.STATIC_VARIANTS.get("restriction::argument_type")) {
      a.add(parse(n));
    }
    ARGUMENT_TYPES = List.copyOf(a);
  }

  /** The member types of every static_variant, parsed once. */
  private static final Map<String, List<CType>> VARIANT_MEMBERS;

  static {
    Map<String, List<CType>> m = new java.util.HashMap<>();
    Schema.STATIC_VARIANTS.forEach((k, v) -> m.put(k, v.stream().map(RestrictionTypes::parse).toList()));
    VARIANT_MEMBERS = Map.copyOf(m);
  }

  /** The type of a static_variant's member {@code which} (in range). */
  public static CType variantMember(CType variant, int which) {
    List<CType> ms = VARIANT_MEMBERS.get(variant.name());
    return ms != null ? ms.get(which) : parse(variant.variant().get(which));
  }

  /** The argument type of a tag, or null when out of range. */
  public static CType argumentType(int tag) {
    return tag >= 0 && tag < ARGUMENT_TYPES.size() ? ARGUMENT_TYPES.get(tag) : null;
  }

  // ------------------------------------------------------------------------------------ the rules

  /** {@code comparable_types<T,U>}: T is not void_t, and the same type or both integers. */
  public static boolean comparable(CType t, CType u) {
    if (isVoid(t)) {
      return false;
    }
    return t.name().equals(u.name()) || (t.integral() && u.integral());
  }

  private static boolean isVoid(CType t) {
    return "void_t".equals(t.name());
  }

  /** Whether {@code predicate_eq<F,A>} (and so {@code predicate_ne}) is valid. */
  public static boolean eqValid(CType f, CType a) {
    if (f.name().equals(a.name()) || (f.integral() && a.integral()) || (f.container() && a.integral())) {
      return true;
    }
    return f.kind() == Kind.OPTIONAL && (comparable(f.elem(), a) || isVoid(a));
  }

  /** Whether {@code predicate_compare<F,A>} (lt, le, gt, ge) is valid. */
  public static boolean compareValid(CType f, CType a) {
    if (f.name().equals(a.name()) || (f.integral() && a.integral())) {
      return true;
    }
    return f.kind() == Kind.OPTIONAL && compareValid(f.elem(), a);
  }

  /** Whether {@code predicate_in<F,flat_set<E>>} (and so {@code predicate_not_in}) is valid. */
  public static boolean inValid(CType f, CType set) {
    if (set.kind() != Kind.FLAT_SET) {
      return false;
    }
    CType e = set.elem();
    if (comparable(f, e)) {
      return true;
    }
    if (f.kind() == Kind.OPTIONAL && comparable(f.elem(), e)) {
      return true;
    }
    return f.container() && comparable(f.element(), e);
  }

  /** Whether {@code predicate_has_all<F,flat_set<E>>} (and {@code predicate_has_none}) is valid. */
  public static boolean hasAllValid(CType f, CType set) {
    if (set.kind() != Kind.FLAT_SET) {
      return false;
    }
    if (f.kind() == Kind.OPTIONAL) {
      return hasAllValid(f.elem(), set);
    }
    return f.container() && comparable(f.element(), set.elem());
  }

  /** The argument tags each comparison function accepts (core's typelists; see the class comment). */
  static boolean argumentAllowed(int func, int tag) {
    if (tag < 0) {
      return false;
    }
    return switch (func) {
      case EQ, NE -> tag <= 38; // equality_types_list: void, bool, key, sha256, comparable, list types
      case LT, LE, GT, GE -> tag == 2 || tag == 3 || tag == 4 || (tag >= 7 && tag <= 19); // comparable_types_list
      case IN, NOT_IN, HAS_ALL, HAS_NONE -> tag >= 20 && tag <= 38; // list_types_list
      default -> false;
    };
  }

  /** Whether a comparison function may apply to a field of type {@code f} with an argument of tag {@code tag}. */
  public static boolean functionValid(int func, CType f, int tag) {
    CType a = argumentType(tag);
    if (a == null || !argumentAllowed(func, tag)) {
      return false;
    }
    return switch (func) {
      case EQ, NE -> eqValid(f, a);
      case LT, LE, GT, GE -> compareValid(f, a);
      case IN, NOT_IN -> inValid(f, a);
      case HAS_ALL, HAS_NONE -> hasAllValid(f, a);
      default -> false;
    };
  }

  /** The object an attr restriction list applies to: the field itself, an optional's or an extension's value. */
  public static CType attrTarget(CType f) {
    return f.kind() == Kind.OPTIONAL || f.kind() == Kind.EXTENSION ? f.elem() : f;
  }

  /** The static_variant a variant_assert applies to, or null when the field is not one (or an optional one). */
  public static CType variantOf(CType f) {
    CType v = f.kind() == Kind.OPTIONAL ? f.elem() : f;
    return v.kind() == Kind.VARIANT ? v : null;
  }

  /**
   * Whether a Java value is the representation the codec gives a comparison argument of this type (core
   * gets this by construction; hand-built values may not).
   */
  static boolean valueFits(CType t, Object o, int depth) {
    if (o == null) {
      return false;
    }
    switch (t.kind()) {
      case INTEGRAL:
        return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte
            || o instanceof java.math.BigInteger;
      case BOOL:
        return o instanceof Boolean;
      case STRING:
        return o instanceof String;
      case TIME:
        return o instanceof java.time.Instant;
      case PUBLIC_KEY:
        return o instanceof io.graphyne.protocol.PublicKey;
      case OBJECT_ID: {
        int[] st = Schema.OBJECT_ID_TYPES.get(t.name());
        return o instanceof io.graphyne.protocol.ObjectId id && id.space() == st[0] && id.type() == st[1];
      }
      case FLAT_SET:
        if (depth > 0 || !(o instanceof java.util.Collection<?> c)) {
          return false;
        }
        for (Object e : c) {
          if (!valueFits(t.elem(), e, depth + 1)) {
            return false;
          }
        }
        return true;
      default:
        if (isVoid(t)) {
          return o instanceof io.graphyne.protocol.types.VoidT;
        }
        return o instanceof io.graphyne.protocol.Bytes; // fc::sha256
    }
  }

  // ------------------------------------------------------------------------------------ the walk

  /**
   * {@code get_restriction_predicate(rs, operation_type)}: null when core builds the predicate, else the
   * first problem. The top-level list may be empty.
   */
  public static Problem checkOperation(long operationType, List<Restriction> rs) {
    if (operationType < 0 || operationType >= Operations.count() || !OperationValidator.caaSupported((int) operationType)) {
      return new Problem("", Reason.UNSUPPORTED_OPERATION, Long.toString(operationType));
    }
    return check(structType(Operations.classOf((int) operationType).asSubclass(Record.class)), rs, true);
  }

  /** Checks a restriction list against an object type ({@code restrictions_to_predicate<Object>}). */
  public static Problem check(CType object, List<?> rs, boolean allowEmpty) {
    return new Walk().list(object, rs, allowEmpty, 0);
  }

  /** Paths are built only on the way out of an error, so the valid path allocates next to nothing. */
  private static final class Walk {
    int work;

    Problem list(CType object, List<?> rs, boolean allowEmpty, int depth) {
      if (depth > MAX_DEPTH) {
        return new Problem("", Reason.TOO_DEEP, "");
      }
      if (!allowEmpty && rs.isEmpty()) {
        return new Problem("", Reason.EMPTY_LIST, "");
      }
      for (int i = 0; i < rs.size(); i++) {
        Problem e;
        if (++work > MAX_WORK) {
          e = new Problem("", Reason.TOO_LARGE, "");
        } else if (!(rs.get(i) instanceof Restriction r)) {
          e = new Problem("", Reason.MALFORMED, "not a restriction");
        } else {
          e = one(object, r, depth);
        }
        if (e != null) {
          return e.under("[" + i + "]");
        }
      }
      return null;
    }

    Problem one(CType object, Restriction r, int depth) {
      int tag = r.argument() == null ? -1 : r.argument().tag();
      Object arg = r.argument() == null ? null : r.argument().value();
      if (r.restrictionType() == LOGICAL_OR) {
        if (tag != ARG_OR || !(arg instanceof List<?> branches)) {
          return new Problem(".argument", Reason.OR_ARGUMENT, "");
        }
        if (branches.size() < 2) {
          return new Problem(".argument", Reason.OR_BRANCHES, "");
        }
        for (int b = 0; b < branches.size(); b++) {
          Problem e = branches.get(b) instanceof List<?> branch
              ? list(object, branch, false, depth + 1)
              : new Problem("", Reason.MALFORMED, "not a restriction list");
          if (e != null) {
            return e.under(".argument[" + b + "]");
          }
        }
        return null;
      }
      List<CType> members = members(object);
      if (members.isEmpty()) {
        return new Problem("", Reason.NON_OBJECT, object.name());
      }
      if (r.memberIndex() < 0 || r.memberIndex() >= members.size()) {
        return new Problem(".member_index", Reason.MEMBER_INDEX,
            Long.toUnsignedString(r.memberIndex()) + " for " + object.name() + " (" + members.size() + " members)");
      }
      CType field = members.get((int) r.memberIndex());
      long func = r.restrictionType();
      if (func == ATTR) {
        if (tag != ARG_LIST || !(arg instanceof List<?> l)) {
          return new Problem(".argument", Reason.ATTR_ARGUMENT, "");
        }
        Problem e = list(attrTarget(field), l, false, depth + 1);
        return e == null ? null : e.under(".argument");
      }
      if (func == VARIANT_ASSERT) {
        if (tag != ARG_VARIANT_ASSERT || !(arg instanceof Pair pair)) {
          return new Problem(".argument", Reason.VARIANT_ARGUMENT, "");
        }
        CType v = variantOf(field);
        if (v == null) {
          return new Problem("", Reason.NON_VARIANT, field.name());
        }
        if (!(pair.first() instanceof Number n) || !(pair.second() instanceof List<?> l)) {
          return new Problem(".argument", Reason.MALFORMED, "variant assertion argument");
        }
        long which = n.longValue();
        if (which < 0 || which >= v.variant().size()) {
          return new Problem(".argument", Reason.VARIANT_TAG, which + " for " + v.name());
        }
        Problem e = list(variantMember(v, (int) which), l, true, depth + 1);
        return e == null ? null : e.under(".argument");
      }
      if (func < 0 || func > VARIANT_ASSERT) {
        return new Problem(".restriction_type", Reason.FUNCTION_TYPE, Long.toUnsignedString(func));
      }
      if (!argumentAllowed((int) func, tag)) {
        return new Problem(".argument", Reason.ARGUMENT_FOR_FUNCTION,
            "function " + func + ", argument " + (argumentType(tag) == null ? "tag " + tag : argumentType(tag).name()));
      }
      if (!valueFits(argumentType(tag), arg, 0)) {
        return new Problem(".argument", Reason.MALFORMED, "argument value is not a " + argumentType(tag).name());
      }
      if (!functionValid((int) func, field, tag)) {
        return new Problem("", Reason.INVALID_TYPES,
            "function " + func + " on " + field.name() + " with " + argumentType(tag).name());
      }
      return null;
    }
  }
}
