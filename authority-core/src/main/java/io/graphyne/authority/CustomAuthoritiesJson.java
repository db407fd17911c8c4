package io.graphyne.authority;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.protocol.types.Restriction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads custom authority objects (1.17.x) as bitshares-core's {@code get_objects} returns them:
 * id, account, enabled, valid_from, valid_to, operation_type, auth, and restrictions as
 * {@code [[index, restriction], ...]} (a flat_map) or a plain list of restrictions.
 */
public final class CustomAuthoritiesJson {
  public static final int MAX_OBJECTS = 100_000;

  private CustomAuthoritiesJson() {}

  public static List<CustomAuthority> parse(JsonNode root, JsonContext ctx) {
    if (!root.isArray() || root.size() > MAX_OBJECTS) {
      throw new IllegalArgumentException("custom authorities JSON: expected an array of at most " + MAX_OBJECTS + " objects");
    }
    List<CustomAuthority> out = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      JsonNode o = root.get(i);
      if (o == null || o.isNull()) {
        continue;
      }
      try {
        out.add(one(o, ctx));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("custom authorities JSON [" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  static CustomAuthority one(JsonNode o, JsonContext ctx) {
    ObjectId id = ObjectId.parse(need(o, "id").asText());
    if (!id.isType(1, 17)) {
      throw new IllegalArgumentException("not a custom authority id: " + id);
    }
    ObjectId account = ObjectId.parse(need(o, "account").asText());
    List<Restriction> rs = new ArrayList<>();
    JsonNode r = o.get("restrictions");
    if (r != null && r.isArray()) {
      for (JsonNode e : r) {
        JsonNode value = e.isArray() && e.size() == 2 && e.get(0).isNumber() ? e.get(1) : e;
        rs.add(ProtocolJson.fromJson(Restriction.class, value, ctx));
      }
    }
    return new CustomAuthority(
        id,
        account,
        need(o, "enabled").asBoolean(),
        time(need(o, "valid_from").asText()),
        time(need(o, "valid_to").asText()),
        need(o, "operation_type").asInt(),
        AccountsJson.authority(need(o, "auth")),
        rs);
  }

  static Instant time(String s) {
    return s.endsWith("Z") ? Instant.parse(s) : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
  }

  private static JsonNode need(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field '" + f + "'");
    }
    return v;
  }
}
