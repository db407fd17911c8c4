package io.graphyne.authority;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link OpFields} over an operation in bitshares-core's JSON form (the object of an {@code [tag,
 * {...}]} pair). Extensions appear as objects holding only the members present.
 */
public final class JsonOpFields implements OpFields {
  private final JsonNode body;

  public JsonOpFields(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("operation body must be a JSON object");
    }
    this.body = body;
  }

  private JsonNode at(String path) {
    JsonNode n = body;
    for (String part : path.split("\\.")) {
      if (n == null || n.isNull()) {
        return null;
      }
      n = n.get(part);
    }
    return n == null || n.isNull() ? null : n;
  }

  @Override
  public ObjectId account(String path) {
    JsonNode n = at(path);
    if (n == null) {
      throw new IllegalArgumentException("operation field '" + path + "' missing");
    }
    ObjectId id = ObjectId.parse(n.asText());
    if (!id.isType(ObjectId.PROTOCOL_SPACE, ObjectId.ACCOUNT_TYPE)) {
      throw new IllegalArgumentException("operation field '" + path + "' is not an account id: " + id);
    }
    return id;
  }

  @Override
  public ObjectId id(String path) {
    JsonNode n = at(path);
    if (n == null) {
      throw new IllegalArgumentException("operation field '" + path + "' missing");
    }
    return ObjectId.parse(n.asText());
  }

  @Override
  public List<ObjectId> accounts(String path) {
    JsonNode n = at(path);
    List<ObjectId> out = new ArrayList<>();
    if (n != null) {
      for (JsonNode e : n) {
        ObjectId id = ObjectId.parse(e.asText());
        if (!id.isType(ObjectId.PROTOCOL_SPACE, ObjectId.ACCOUNT_TYPE)) {
          throw new IllegalArgumentException("'" + path + "' holds a non-account id: " + id);
        }
        out.add(id);
      }
    }
    return out;
  }

  @Override
  public PublicKey key(String path) {
    JsonNode n = at(path);
    if (n == null) {
      throw new IllegalArgumentException("operation field '" + path + "' missing");
    }
    return PublicKey.parse(n.asText(), null);
  }

  @Override
  public List<PublicKey> keys(String path) {
    JsonNode n = at(path);
    List<PublicKey> out = new ArrayList<>();
    if (n != null) {
      for (JsonNode e : n) {
        out.add(PublicKey.parse(e.asText(), null));
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
    JsonNode n = at(listPath);
    List<Authority> out = new ArrayList<>();
    if (n != null) {
      for (JsonNode e : n) {
        out.add(AccountsJson.authority(e.get(field)));
      }
    }
    return out;
  }

  /**
   * Requirements of every operation of a transaction in JSON form ({@code operations: [[tag,
   * {...}], ...]}).
   */
  public static List<OpRequirement> requirements(JsonNode tx, boolean ignoreCustomOperationRequiredAuths) {
    JsonNode ops = tx.get("operations");
    if (ops == null || !ops.isArray()) {
      throw new IllegalArgumentException("transaction JSON has no operations array");
    }
    List<OpRequirement> out = new ArrayList<>(ops.size());
    for (JsonNode pair : ops) {
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).canConvertToInt()) {
        throw new IllegalArgumentException("operations entries must be [tag, {...}]");
      }
      int tag = pair.get(0).asInt();
      out.add(RequiredAuthorities.requirement(
          tag, new JsonOpFields(pair.get(1)), pair.get(1), ignoreCustomOperationRequiredAuths));
    }
    return out;
  }
}
