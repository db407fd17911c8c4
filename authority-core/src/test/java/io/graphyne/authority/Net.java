package io.graphyne.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small account graph for scenario tests: named keys (private key = sha256("scenario/" + label),
 * or sha256(label) for the core test keys test-1..test-4), accounts with ascending ids from 1.2.100,
 * real compact signatures over a digest and recovery of the signer keys.
 */
final class Net {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Map<String, AccountAuthorities> accounts = new LinkedHashMap<>();
  private long next = 100;
  byte[] digest = Hashes.sha256("scenario transaction".getBytes(StandardCharsets.UTF_8));

  static String seed(String label) {
    return label.matches("test-\\d") ? label : "scenario/" + label;
  }

  static PublicKey key(String label) {
    return TestCrypto.publicKey(seed(label));
  }

  /** Members: alternating member (key label "k:x", account name, ObjectId or PublicKey) and weight. */
  Authority auth(long threshold, Object... members) {
    Map<ObjectId, Integer> acc = new LinkedHashMap<>();
    Map<PublicKey, Integer> keys = new LinkedHashMap<>();
    for (int i = 0; i < members.length; i += 2) {
      Object m = members[i];
      int w = (Integer) members[i + 1];
      if (m instanceof PublicKey k) {
        keys.put(k, w);
      } else if (m instanceof ObjectId id) {
        acc.put(id, w);
      } else if (m instanceof String s && s.startsWith("k:")) {
        keys.put(key(s.substring(2)), w);
      } else {
        acc.put(id((String) m), w);
      }
    }
    return new Authority(threshold, acc, keys, Map.of());
  }

  /** An account whose owner and active are one key labelled after it. */
  ObjectId single(String name) {
    return create(name, auth(1, "k:" + name, 1), auth(1, "k:" + name, 1));
  }

  /** An account with separate owner key name+"-o" and active key name+"-a". */
  ObjectId split(String name) {
    return create(name, auth(1, "k:" + name + "-o", 1), auth(1, "k:" + name + "-a", 1));
  }

  ObjectId create(String name, Authority owner, Authority active) {
    return put(ObjectId.account(next++), name, owner, active);
  }

  ObjectId put(ObjectId id, String name, Authority owner, Authority active) {
    accounts.put(name, new AccountAuthorities(id, name, owner, active, null));
    return id;
  }

  void setActive(String name, Authority active) {
    AccountAuthorities a = accounts.get(name);
    accounts.put(name, new AccountAuthorities(a.id(), name, a.owner(), active, null));
  }

  void setOwner(String name, Authority owner) {
    AccountAuthorities a = accounts.get(name);
    accounts.put(name, new AccountAuthorities(a.id(), name, owner, a.active(), null));
  }

  ObjectId id(String name) {
    AccountAuthorities a = accounts.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no account " + name);
    }
    return a.id();
  }

  MapAuthorityView view() {
    return new MapAuthorityView(accounts.values());
  }

  static JsonNode json(String s) {
    try {
      return MAPPER.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A transfer from the account. */
  OpRequirement transfer(String from) {
    return op(0, "{\"from\":\"" + id(from) + "\",\"to\":\"1.2.5\"}");
  }

  OpRequirement op(int tag, String body) {
    JsonNode j = json(body);
    return RequiredAuthorities.requirement(tag, new JsonOpFields(j), j, false);
  }

  /** account_update of an account with a new owner. */
  OpRequirement ownerUpdate(String account) {
    return op(6, "{\"account\":\"" + id(account) + "\",\"owner\":{\"weight_threshold\":1}}");
  }

  /** Real signatures by the labelled keys over the digest, recovered back to keys. */
  List<PublicKey> sign(String... labels) {
    return signOver(digest, labels);
  }

  static List<PublicKey> signOver(byte[] digest, String... labels) {
    List<PublicKey> out = new ArrayList<>();
    for (String l : labels) {
      out.add(TestCrypto.recover(digest, TestCrypto.sign(digest, seed(l))));
    }
    return out;
  }

  Verdict check(List<OpRequirement> ops, CheckParams p, String... signers) {
    return AuthorityChecker.verify(ops, sign(signers), view(), p);
  }

  Verdict check(OpRequirement op, String... signers) {
    return check(List.of(op), CheckParams.defaults(), signers);
  }

  static String outcome(Verdict v) {
    return v.valid() ? "OK" : v.error().jsonName();
  }
}
