package io.graphyne.authority;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphyne.protocol.Address;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads account objects as bitshares-core's {@code get_objects} / {@code get_accounts} return
 * them. Only id, name, owner, active and options.memo_key are read; everything else is ignored.
 * Input is untrusted: sizes are bounded and malformed entries give an {@link
 * IllegalArgumentException} naming the place.
 */
public final class AccountsJson {
  /** Upper bound on members per authority read from JSON (far above any chain limit). */
  public static final int MAX_MEMBERS = 1000;

  public static final int MAX_ACCOUNTS = 1_000_000;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AccountsJson() {}

  public static MapAuthorityView read(Path file) throws IOException {
    return parse(MAPPER.readTree(Files.readAllBytes(file)));
  }

  public static MapAuthorityView parse(String json) {
    try {
      return parse(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new IllegalArgumentException("accounts JSON: " + e.getMessage(), e);
    }
  }

  /**
   * An array of account objects; also accepts {@code get_full_accounts}-style pairs {@code [name,
   * {account: {...}}]} and an object with an {@code accounts} array. Null entries are skipped.
   */
  public static MapAuthorityView parse(JsonNode root) {
    JsonNode arr = root.isObject() && root.has("accounts") ? root.get("accounts") : root;
    if (!arr.isArray()) {
      throw new IllegalArgumentException("accounts JSON: expected an array of account objects");
    }
    if (arr.size() > MAX_ACCOUNTS) {
      throw new IllegalArgumentException("accounts JSON: too many accounts (" + arr.size() + ")");
    }
    List<AccountAuthorities> out = new ArrayList<>(arr.size());
    for (int i = 0; i < arr.size(); i++) {
      JsonNode a = arr.get(i);
      if (a == null || a.isNull()) {
        continue;
      }
      if (a.isArray() && a.size() == 2 && a.get(1).has("account")) {
        a = a.get(1).get("account");
      }
      try {
        out.add(account(a));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("accounts JSON [" + i + "]: " + e.getMessage(), e);
      }
    }
    return new MapAuthorityView(out);
  }

  public static AccountAuthorities account(JsonNode a) {
    ObjectId id = ObjectId.parse(text(a, "id"));
    if (!id.isType(ObjectId.PROTOCOL_SPACE, ObjectId.ACCOUNT_TYPE)) {
      throw new IllegalArgumentException("not an account id: " + id);
    }
    String name = a.hasNonNull("name") ? a.get("name").asText() : null;
    Authority owner = authority(need(a, "owner"));
    Authority active = authority(need(a, "active"));
    PublicKey memo = null;
    JsonNode opts = a.get("options");
    if (opts != null && opts.hasNonNull("memo_key")) {
      memo = PublicKey.parse(opts.get("memo_key").asText(), null);
    }
    return new AccountAuthorities(id, name, owner, active, memo);
  }

  /** {@code {weight_threshold, account_auths: [[id, w]], key_auths: [[key, w]], address_auths}}. */
  public static Authority authority(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("authority must be an object");
    }
    long threshold = need(n, "weight_threshold").asLong(-1);
    if (threshold < 0 || threshold > 0xffffffffL) {
      throw new IllegalArgumentException("weight_threshold must be a uint32");
    }
    Map<ObjectId, Integer> accounts = new LinkedHashMap<>();
    for (JsonNode p : pairs(n, "account_auths")) {
      ObjectId id = ObjectId.parse(p.get(0).asText());
      accounts.putIfAbsent(id, weight(p.get(1)));
    }
    Map<PublicKey, Integer> keys = new LinkedHashMap<>();
    for (JsonNode p : pairs(n, "key_auths")) {
      keys.putIfAbsent(PublicKey.parse(p.get(0).asText(), null), weight(p.get(1)));
    }
    Map<Address, Integer> addresses = new LinkedHashMap<>();
    for (JsonNode p : pairs(n, "address_auths")) {
      addresses.putIfAbsent(Address.parse(p.get(0).asText(), null), weight(p.get(1)));
    }
    return new Authority(threshold, accounts, keys, addresses);
  }

  private static List<JsonNode> pairs(JsonNode n, String field) {
    JsonNode arr = n.get(field);
    if (arr == null || arr.isNull()) {
      return List.of();
    }
    if (!arr.isArray() || arr.size() > MAX_MEMBERS) {
      throw new IllegalArgumentException(field + " must be an array of at most " + MAX_MEMBERS + " pairs");
    }
    List<JsonNode> out = new ArrayList<>(arr.size());
    for (JsonNode p : arr) {
      if (!p.isArray() || p.size() != 2) {
        throw new IllegalArgumentException(field + " entries must be [member, weight]");
      }
      out.add(p);
    }
    return out;
  }

  private static int weight(JsonNode w) {
    if (!w.canConvertToInt() || w.asInt() < 0 || w.asInt() > 0xffff) {
      throw new IllegalArgumentException("weight must be a uint16: " + w);
    }
    return w.asInt();
  }

  private static JsonNode need(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    return need(n, field).asText();
  }
}
