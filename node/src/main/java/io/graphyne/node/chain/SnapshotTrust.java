package io.graphyne.node.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.chainstore.GlobalProperties;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.protocol.types.Authority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link MaintenanceTrust} read from a snapshot file: what a trusted full node reported after
 * the maintenance blocks of the chain ({@code get_objects} of 2.0.0 and 1.2.0-1.2.2). Format:
 *
 * <pre>
 * {"source": "node X at 2026-11-21", "maintenance": [
 *   {"block": 1, "active_witnesses": ["1.6.1", "1.6.2"],
 *    "active_authorities": {"1.2.0": {"weight_threshold": 1, "account_auths": [["1.2.6", 1]], "key_auths": [], "address_auths": []}}}
 * ]}
 * </pre>
 *
 * A maintenance block without an entry is not covered: the controller keeps the last known values
 * or, with {@link ChainController.Options#witnessSetFromProduction()}, learns the set from
 * production. Everything the file says is cross-checked by production: a witness the file leaves
 * out can no longer produce (B7).
 */
public final class SnapshotTrust implements MaintenanceTrust {
  private final String source;
  private final NavigableMap<Long, Snapshot> byBlock;

  private SnapshotTrust(String source, NavigableMap<Long, Snapshot> byBlock) {
    this.source = source;
    this.byBlock = byBlock;
  }

  public static SnapshotTrust load(Path file, String addressPrefix) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), addressPrefix, file.toString());
  }

  /** Parses the snapshot JSON; malformed input gives IllegalArgumentException or DecodeException. */
  public static SnapshotTrust parse(String json, String addressPrefix, String name) {
    JsonNode root = ProtocolJson.parse(json);
    JsonNode list = root.path("maintenance");
    if (!list.isArray()) {
      throw new IllegalArgumentException("snapshot needs a \"maintenance\" array");
    }
    JsonContext ctx = new JsonContext(addressPrefix);
    NavigableMap<Long, Snapshot> out = new TreeMap<>();
    for (JsonNode e : list) {
      if (!e.path("block").canConvertToLong()) {
        throw new IllegalArgumentException("maintenance entry without a block number");
      }
      List<ObjectId> active = new ArrayList<>();
      for (JsonNode w : e.path("active_witnesses")) {
        ObjectId id = ObjectId.parse(w.asText());
        if (!id.isType(ObjectId.PROTOCOL_SPACE, ObjectId.WITNESS_TYPE)) {
          throw new IllegalArgumentException("not a witness id: " + id);
        }
        active.add(id);
      }
      Map<ObjectId, Authority> auths = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = e.path("active_authorities").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> a = it.next();
        auths.put(ObjectId.parse(a.getKey()), ProtocolJson.fromJson(Authority.class, a.getValue(), ctx));
      }
      out.put(e.get("block").asLong(), new Snapshot(active, auths));
    }
    return new SnapshotTrust(root.path("source").asText(name), out);
  }

  @Override
  public Optional<Snapshot> afterMaintenance(long blockNum, Instant blockTime, GlobalProperties current) {
    return Optional.ofNullable(byBlock.get(blockNum));
  }

  @Override
  public String source() {
    return "snapshot " + source;
  }
}
