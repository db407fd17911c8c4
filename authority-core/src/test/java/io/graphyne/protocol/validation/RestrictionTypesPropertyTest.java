package io.graphyne.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.authority.RestrictionPredicate;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.Pair;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.Schema;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.codec.RandomValues;
import io.graphyne.protocol.ops.CustomAuthorityCreateOperation;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.Restriction;
import io.graphyne.protocol.types.VoidT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random restriction trees (biased towards well-typed ones: plausible member indexes, the argument
 * kinds each function takes, nested attr / logical_or / variant_assert) are judged without throwing:
 * the check yields null or a problem, custom_authority_create's validate() null or a
 * {@link ValidationError}, and the evaluator a boolean that is false whenever the check refuses.
 */
class RestrictionTypesPropertyTest {
  static final int[] SUPPORTED = {0, 1, 2, 3, 5, 6, 10, 13, 14, 15, 19, 21, 32, 33, 38, 49, 50, 52};
  static final List<String> ARG_TYPES = Schema.STATIC_VARIANTS.get("restriction::argument_type");
  static final PublicKey KEY = PublicKey.fromHex("03" + "5a".repeat(32));
  static final String[] STRINGS = {"", "a", "alice", "é", "\uFFFF", "\uD83D\uDE00", "1.2.3"};

  /** A seeded generator of restriction trees. */
  static final class Trees {
    final Random rnd;

    Trees(long seed) {
      rnd = new Random(seed);
    }

    List<Restriction> list(int depth, int max) {
      int n = rnd.nextInt(max + 1);
      List<Restriction> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(restriction(depth));
      }
      return out;
    }

    /** Mostly a restriction that fits {@code object}'s field types, sometimes a random one. */
    Restriction restriction(RestrictionTypes.CType object, int depth) {
      List<RestrictionTypes.CType> members = RestrictionTypes.members(object);
      if (members.isEmpty() || rnd.nextInt(8) == 0) {
        return restriction(depth);
      }
      int index = rnd.nextInt(members.size());
      RestrictionTypes.CType field = members.get(index);
      List<int[]> candidates = new ArrayList<>();
      for (int func = 0; func < 10; func++) {
        for (int tag = 0; tag < 39; tag++) {
          if (RestrictionTypes.functionValid(func, field, tag)) {
            candidates.add(new int[] {func, tag});
          }
        }
      }
      if (depth < 4 && !RestrictionTypes.members(RestrictionTypes.attrTarget(field)).isEmpty()) {
        for (int i = 0; i < 20; i++) {
          candidates.add(new int[] {RestrictionTypes.ATTR, 39});
        }
      }
      if (depth < 4 && RestrictionTypes.variantOf(field) != null) {
        for (int i = 0; i < 20; i++) {
          candidates.add(new int[] {RestrictionTypes.VARIANT_ASSERT, 41});
        }
      }
      if (depth < 4 && rnd.nextInt(10) == 0) {
        List<List<Restriction>> branches = List.of(List.of(restriction(object, depth + 1)),
            List.of(restriction(object, depth + 1)));
        return new Restriction(rnd.nextInt(3), RestrictionTypes.LOGICAL_OR, new StaticVariant(40, branches), List.of());
      }
      if (candidates.isEmpty()) {
        return restriction(depth);
      }
      int[] c = candidates.get(rnd.nextInt(candidates.size()));
      Object arg;
      if (c[0] == RestrictionTypes.ATTR) {
        List<Restriction> nested = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
          nested.add(restriction(RestrictionTypes.attrTarget(field), depth + 1));
        }
        arg = nested;
      } else if (c[0] == RestrictionTypes.VARIANT_ASSERT) {
        RestrictionTypes.CType v = RestrictionTypes.variantOf(field);
        int which = rnd.nextInt(v.variant().size());
        RestrictionTypes.CType m = RestrictionTypes.parse(v.variant().get(which));
        List<Restriction> nested = new ArrayList<>();
        for (int i = rnd.nextInt(2); i > 0; i--) {
          nested.add(restriction(m, depth + 1));
        }
        arg = new Pair((long) which, nested);
      } else {
        arg = value(c[1], depth);
      }
      return new Restriction(index, c[0], new StaticVariant(c[1], arg), List.of());
    }

    List<Restriction> list(RestrictionTypes.CType object, int max) {
      int n = rnd.nextInt(max + 1);
      List<Restriction> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(restriction(object, 0));
      }
      return out;
    }

    List<Restriction> forOperation(long type, int max) {
      return type < Operations.count()
          ? list(RestrictionTypes.structType(Operations.classOf((int) type).asSubclass(Record.class)), max)
          : list(0, max);
    }

    Restriction restriction(int depth) {
      long member = rnd.nextInt(20) == 0 ? rnd.nextLong() : rnd.nextInt(10);
      int func = rnd.nextInt(30) == 0 ? 13 + rnd.nextInt(3) : rnd.nextInt(13);
      if (depth >= 4 && func >= 10) {
        func = rnd.nextInt(10);
      }
      int tag = rnd.nextInt(6) == 0 ? rnd.nextInt(42) : fittingTag(func);
      if (depth >= 4 && tag >= 39) {
        tag = 2;
      }
      return new Restriction(member, func, new StaticVariant(tag, value(tag, depth)), List.of());
    }

    int fittingTag(int func) {
      return switch (func) {
        case 0, 1 -> rnd.nextInt(39);
        case 2, 3, 4, 5 -> new int[] {2, 3, 4, 7, 8, 11, 12, 17}[rnd.nextInt(8)];
        case 6, 7, 8, 9 -> 20 + rnd.nextInt(19);
        case 10 -> 39;
        case 11 -> 40;
        case 12 -> 41;
        default -> rnd.nextInt(42);
      };
    }

    Object value(int tag, int depth) {
      if (tag >= 20 && tag <= 38) {
        TreeSet<Object> set = new TreeSet<>();
        int n = rnd.nextInt(4);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          Object e = value(tag - 19, depth);
          if (set.add(e.toString())) {
            out.add(e);
          }
        }
        return out;
      }
      return switch (tag) {
        case 0 -> new VoidT();
        case 1 -> rnd.nextBoolean();
        case 2 -> rnd.nextInt(4) == 0 ? rnd.nextLong() : (long) rnd.nextInt(300) - 3;
        case 3 -> STRINGS[rnd.nextInt(STRINGS.length)];
        case 4 -> Instant.ofEpochSecond(rnd.nextInt() & 0xFFFFFFFFL);
        case 5 -> KEY;
        case 6 -> Bytes.zeros(32);
        case 39 -> list(depth + 1, 3);
        case 40 -> {
          List<List<Restriction>> branches = new ArrayList<>();
          for (int i = rnd.nextInt(4); i > 0; i--) {
            branches.add(list(depth + 1, 2));
          }
          yield branches;
        }
        case 41 -> new Pair((long) rnd.nextInt(6) - 1, list(depth + 1, 2));
        default -> {
          int[] st = Schema.OBJECT_ID_TYPES.get(ARG_TYPES.get(tag));
          yield new ObjectId(st[0], st[1], rnd.nextInt(20));
        }
      };
    }

    long operationType() {
      return rnd.nextInt(10) == 0 ? rnd.nextInt(80) : SUPPORTED[rnd.nextInt(SUPPORTED.length)];
    }
  }

  static CustomAuthorityCreateOperation create(long opType, List<Restriction> rs) {
    Authority auth = new Authority(1, Map.of(), Map.of(KEY, 1), Map.of());
    return new CustomAuthorityCreateOperation(new Asset(0, ObjectId.asset(0)), ObjectId.account(10), true,
        Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-02-01T00:00:00Z"), opType, auth, rs, List.of());
  }

  @Property(tries = 3000)
  void randomTreesYieldAProblemOrNothingAndTheEvaluatorAgrees(@ForAll long seed) {
    Trees g = new Trees(seed);
    long type = g.operationType();
    List<Restriction> rs = g.forOperation(type, 4);
    RestrictionTypes.Problem p = RestrictionTypes.checkOperation(type, rs);
    ValidationError e = OperationValidator.validate(create(type, rs));
    assertThat(e == null).isEqualTo(p == null);
    if (e != null) {
      assertThat(e.operation()).isEqualTo("custom_authority_create");
      assertThat(e.message()).isNotBlank();
    }
    if (type < Operations.count()) {
      Operation op = new RandomValues(seed).of(Operations.classOf((int) type));
      boolean accepted = RestrictionPredicate.accepts(op, rs);
      // the evaluator type-checks against the record it is given (operation support is the validator's rule)
      if (RestrictionTypes.check(RestrictionTypes.structType(op.getClass().asSubclass(Record.class)), rs, true) != null) {
        assertThat(accepted).isFalse();
      }
    }
  }

  @Property(tries = 1000)
  void mutatedEncodedRestrictionsDecodeAndAreJudgedOrFailTyped(@ForAll long seed) {
    Trees g = new Trees(seed);
    long type = g.operationType();
    byte[] bytes = Codecs.encode(create(type, g.forOperation(type, 3)));
    for (int i = 1 + g.rnd.nextInt(3); i > 0; i--) {
      bytes[g.rnd.nextInt(bytes.length)] ^= (byte) (1 << g.rnd.nextInt(8));
    }
    CustomAuthorityCreateOperation op;
    try {
      op = Codecs.decode(CustomAuthorityCreateOperation.class, bytes);
    } catch (DecodeException e) {
      return;
    }
    ValidationError e = OperationValidator.validate(op);
    if (e != null) {
      assertThat(e.message()).isNotBlank();
    }
    if (op.operationType() >= 0 && op.operationType() < Operations.count()) {
      Operation target = new RandomValues(seed).of(Operations.classOf((int) op.operationType()));
      boolean accepted = RestrictionPredicate.accepts(target, op.restrictions());
      if (RestrictionTypes.check(RestrictionTypes.structType(target.getClass().asSubclass(Record.class)),
          op.restrictions(), true) != null) {
        assertThat(accepted).isFalse();
      }
    }
  }

  /** The generator is not vacuous: it produces both restrictions core accepts and ones it refuses. */
  @Example
  void generatorReachesBothOutcomes() {
    int accepted = 0;
    int nonEmptyAccepted = 0;
    java.util.EnumSet<RestrictionTypes.Reason> reasons = java.util.EnumSet.noneOf(RestrictionTypes.Reason.class);
    for (long s = 0; s < 5000; s++) {
      Trees g = new Trees(s);
      long type = g.operationType();
      List<Restriction> rs = g.forOperation(type, 2);
      RestrictionTypes.Problem p = RestrictionTypes.checkOperation(type, rs);
      if (p == null) {
        accepted++;
        if (!rs.isEmpty()) {
          nonEmptyAccepted++;
        }
      } else {
        reasons.add(p.reason());
      }
    }
    assertThat(nonEmptyAccepted).isGreaterThan(100);
    assertThat(accepted).isLessThan(5000);
    assertThat(reasons).contains(RestrictionTypes.Reason.INVALID_TYPES, RestrictionTypes.Reason.MEMBER_INDEX,
        RestrictionTypes.Reason.ARGUMENT_FOR_FUNCTION, RestrictionTypes.Reason.NON_OBJECT,
        RestrictionTypes.Reason.UNSUPPORTED_OPERATION, RestrictionTypes.Reason.EMPTY_LIST);
  }
}
