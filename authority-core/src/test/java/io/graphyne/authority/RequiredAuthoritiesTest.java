package io.graphyne.authority;

import io.graphyne.testing.Vectors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Operations;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.OpWrapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Required authorities of all 78 operations: for each operation record (filled field by field,
 * every account id distinct), the fee payer is the field spec/operations.json names; the special
 * rules of §2.2; and record-based requirements equal JSON-based ones over the bitsharesjs corpus.
 */
class RequiredAuthoritiesTest {
  static final JsonNode OPS = Vectors.sharedJson("spec/operations.json").get("operations");

  /** Builds a record with every account-id field set to a distinct account. */
  static final class Filler {
    int next = 1000;
    final Map<String, ObjectId> byField = new HashMap<>();

    static final List<String> OBJECT_TYPES = List.of("", "", "account", "asset", "force_settlement",
        "committee_member", "witness", "limit_order", "call_order", "custom", "proposal", "operation_history",
        "withdraw_permission", "vesting_balance", "worker", "balance", "htlc", "custom_authority", "ticket",
        "liquidity_pool", "samet_fund", "credit_offer", "credit_deal");

    Object value(Type t, String field, String fcType, int depth) {
      Class<?> c = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
      if (c == ObjectId.class) {
        int type = OBJECT_TYPES.indexOf(fcType.replace("_id_type", ""));
        ObjectId id = new ObjectId(1, type < 0 ? 2 : type, next++);
        if (type == 2) {
          byField.putIfAbsent(field, id);
        }
        return id;
      }
      if (c == io.graphyne.protocol.StaticVariant.class) {
        return new io.graphyne.protocol.StaticVariant(0, List.of());
      }
      if (c == int.class || c == Integer.class) {
        return 0;
      }
      if (c == long.class || c == Long.class) {
        return 0L;
      }
      if (c == short.class || c == Short.class) {
        return (short) 0;
      }
      if (c == byte.class || c == Byte.class) {
        return (byte) 0;
      }
      if (c == boolean.class || c == Boolean.class) {
        return false;
      }
      if (c == String.class) {
        return "";
      }
      if (c == BigInteger.class) {
        return BigInteger.ZERO;
      }
      if (c == Instant.class) {
        return Instant.EPOCH;
      }
      if (c == Bytes.class) {
        int n = fcType.contains("sha256") || fcType.contains("blind_factor") ? 32
            : fcType.contains("ripemd160") || fcType.contains("sha1") || fcType.contains("hash160") ? 20
            : fcType.contains("signature") ? 65 : fcType.contains("vector") ? 0 : 33;
        return Bytes.zeros(n);
      }
      if (c == PublicKey.class) {
        return Net.key("filler-" + field);
      }
      if (c == Authority.class) {
        return Authority.singleKey(Net.key("filler-auth-" + field));
      }
      if (List.class.isAssignableFrom(c) || java.util.Set.class.isAssignableFrom(c)) {
        return List.of();
      }
      if (Map.class.isAssignableFrom(c)) {
        return Map.of();
      }
      if (c.isRecord() && depth < 6) {
        return build(c, depth + 1);
      }
      return null;
    }

    Object build(Class<?> c, int depth) {
      RecordComponent[] rcs = c.getRecordComponents();
      Object[] args = new Object[rcs.length];
      Class<?>[] types = new Class<?>[rcs.length];
      for (int i = 0; i < rcs.length; i++) {
        io.graphyne.protocol.Fc fc = rcs[i].getAnnotation(io.graphyne.protocol.Fc.class);
        String name = fc == null ? rcs[i].getName() : fc.name();
        boolean optional = fc != null && fc.type().startsWith("optional<");
        types[i] = rcs[i].getType();
        args[i] = optional && !types[i].isPrimitive() ? null : value(rcs[i].getGenericType(), name, fc == null ? "" : fc.type(), depth);
      }
      try {
        return c.getDeclaredConstructor(types).newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build " + c.getSimpleName() + ": " + e.getCause(), e);
      }
    }
  }

  @TestFactory
  List<DynamicTest> feePayerOfEveryOperation() {
    assertThat(OPS.size()).isEqualTo(78);
    assertThat(Operations.count()).isEqualTo(RequiredAuthorities.OPERATION_COUNT);
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode spec : OPS) {
      int tag = spec.get("tag").asInt();
      tests.add(DynamicTest.dynamicTest(tag + " " + spec.get("name").asText(), () -> {
        Filler f = new Filler();
        Operation op = (Operation) f.build(Operations.classOf(tag), 0);
        assertThat(op.tag()).isEqualTo(tag);
        OpRequirement r = RecordOpFields.requirement(op, false);
        String payerField = spec.get("fee_payer").asText();
        ObjectId expected;
        if (tag == 31) {
          expected = ObjectId.account(0);
        } else if (tag == 40 || tag == 41) {
          expected = ObjectId.account(4);
        } else {
          expected = f.byField.get(payerField);
        }
        assertThat(expected).as("field " + payerField).isNotNull();
        assertThat(RequiredAuthorities.feePayer(tag, new RecordOpFields(op))).isEqualTo(expected);
        assertThat(r.active()).contains(expected);
        int extraOwner = tag == 48 ? 1 : 0;
        assertThat(r.owner()).hasSize(extraOwner);
        // with optionals absent and sets empty, only the fee payer is required (plus blind inputs/claims)
        assertThat(r.active()).containsExactly(expected);
        if (tag == 37) {
          assertThat(r.other()).containsExactly(Authority.singleKey(Net.key("filler-balance_owner_key")));
        } else {
          assertThat(r.other()).isEmpty();
        }
      }));
    }
    return tests;
  }

  static JsonNode j(String s) {
    return Net.json(s);
  }

  static OpRequirement fromJson(int tag, String body) {
    Operation op = (Operation) ProtocolJson.fromJson(Operations.classOf(tag), j(body).toString(), JsonContext.BTS);
    OpRequirement viaRecord = RecordOpFields.requirement(op, false);
    OpRequirement viaJson = RequiredAuthorities.requirement(tag, new JsonOpFields(j(body)), null, false);
    assertThat(viaRecord.active()).isEqualTo(viaJson.active());
    assertThat(viaRecord.owner()).isEqualTo(viaJson.owner());
    assertThat(viaRecord.other()).isEqualTo(viaJson.other());
    return viaRecord;
  }

  static Map<String, Object> filled(int tag) {
    Filler f = new Filler();
    Operation op = (Operation) f.build(Operations.classOf(tag), 0);
    Map<String, Object> m = new HashMap<>();
    m.put("json", ProtocolJson.toJson(op, "BTS"));
    return m;
  }

  static String with(int tag, String field, String valueJson) {
    com.fasterxml.jackson.databind.node.ObjectNode n =
        (com.fasterxml.jackson.databind.node.ObjectNode) ((JsonNode) filled(tag).get("json")).deepCopy();
    JsonNode v = j(valueJson);
    String[] path = field.split("\\.");
    com.fasterxml.jackson.databind.node.ObjectNode cur = n;
    for (int i = 0; i < path.length - 1; i++) {
      cur = cur.has(path[i]) && cur.get(path[i]).isObject()
          ? (com.fasterxml.jackson.databind.node.ObjectNode) cur.get(path[i])
          : cur.putObject(path[i]);
    }
    cur.set(path[path.length - 1], v);
    return n.toString();
  }

  @Test
  void specialRules() {
    String k1 = Net.key("r1").toString("BTS");
    String k2 = Net.key("r2").toString("BTS");
    String auth = "{\"weight_threshold\":1,\"account_auths\":[],\"key_auths\":[[\"" + k1 + "\",1]],\"address_auths\":[]}";
    // account_update: owner present -> owner required; the account stays active-required (fee payer)
    OpRequirement upd = fromJson(6, with(6, "owner", auth));
    assertThat(upd.owner()).hasSize(1);
    assertThat(upd.active()).isEqualTo(upd.owner());
    assertThat(fromJson(6, with(6, "active", auth)).owner()).isEmpty();
    // account_create with buyback: the asset issuer is active-required too
    OpRequirement create = fromJson(5, with(5, "extensions.buyback_options",
        "{\"asset_to_buy\":\"1.3.5\",\"asset_to_buy_issuer\":\"1.2.77\",\"markets\":[]}"));
    assertThat(create.active()).contains(ObjectId.account(77)).hasSize(2);
    // proposal_update: approvals and key approvals
    OpRequirement pu = fromJson(23, with(23, "active_approvals_to_add", "[\"1.2.50\",\"1.2.51\"]"));
    assertThat(pu.active()).contains(ObjectId.account(50), ObjectId.account(51)).hasSize(3);
    OpRequirement pk = fromJson(23, with(23, "key_approvals_to_remove", "[\"" + k1 + "\",\"" + k2 + "\"]"));
    assertThat(pk.other()).hasSize(1);
    assertThat(pk.other().get(0).weightThreshold()).isEqualTo(2);
    assertThat(pk.other().get(0).keyAuths()).hasSize(2).containsValues(1, 1);
    OpRequirement po = fromJson(23, with(23, "owner_approvals_to_remove", "[\"1.2.60\"]"));
    assertThat(po.owner()).containsExactly(ObjectId.account(60));
    // custom: required_auths only after HF-210
    String custom = with(35, "required_auths", "[\"1.2.90\"]");
    Operation c = (Operation) ProtocolJson.fromJson(Operations.classOf(35), custom, JsonContext.BTS);
    assertThat(RecordOpFields.requirement(c, true).active()).hasSize(1);
    assertThat(RecordOpFields.requirement(c, false).active()).hasSize(2).contains(ObjectId.account(90));
    // blind transfers: temp pays, each input owner is an "other" authority
    String inputs = "[{\"commitment\":\"" + "02".repeat(33) + "\",\"owner\":" + auth + "}]";
    OpRequirement blind = fromJson(40, with(40, "inputs", inputs));
    assertThat(blind.active()).containsExactly(ObjectId.account(4));
    assertThat(blind.other()).hasSize(1);
    OpRequirement fromBlind = fromJson(41, with(41, "inputs", inputs));
    assertThat(fromBlind.other()).hasSize(1);
  }

  /** Record-based and JSON-based requirements agree on every operation of the bitsharesjs corpus. */
  @TestFactory
  List<DynamicTest> corpusAgreement() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    List<String> lines = java.nio.file.Files.readAllLines(Vectors.shared().resolve("vectors/bitsharesjs-corpus.jsonl"));
    for (String line : lines) {
      JsonNode rec = Net.json(line);
      tests.add(DynamicTest.dynamicTest("seed " + rec.get("seed").asLong(), () -> {
        JsonContext ctx = new JsonContext(rec.get("address_prefix").asText());
        SignedTransaction tx = ProtocolJson.fromJson(SignedTransaction.class, rec.get("json"), ctx);
        JsonNode ops = rec.get("json").get("operations");
        for (int i = 0; i < ops.size(); i++) {
          Operation op = tx.transaction().operations().get(i);
          compare(op, ops.get(i));
        }
      }));
    }
    assertThat(tests).hasSize(198);
    return tests;
  }

  static void compare(Operation op, JsonNode pair) {
    for (boolean ignore : List.of(true, false)) {
      OpRequirement a = RecordOpFields.requirement(op, ignore);
      OpRequirement b = RequiredAuthorities.requirement(pair.get(0).asInt(), new JsonOpFields(pair.get(1)), null, ignore);
      assertThat(a.active()).isEqualTo(b.active());
      assertThat(a.owner()).isEqualTo(b.owner());
      assertThat(a.other()).isEqualTo(b.other());
    }
    if (op instanceof io.graphyne.protocol.ops.ProposalCreateOperation pc) {
      JsonNode proposed = pair.get(1).get("proposed_ops");
      for (int i = 0; i < pc.proposedOps().size(); i++) {
        OpWrapper w = pc.proposedOps().get(i);
        compare(w.op(), proposed.get(i).get("op"));
      }
    }
  }
}
