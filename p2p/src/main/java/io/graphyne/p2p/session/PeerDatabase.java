package io.graphyne.p2p.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Known peer endpoints with their history, persisted as JSON (like core's p2p/peers.json).
 * Outbound retries back off as core does: (failed attempts + 1) × 30 s. Bounded to {@link
 * #MAX_ENTRIES}. Thread-safe.
 */
public final class PeerDatabase {
  public static final int MAX_ENTRIES = 1000;
  private static final Duration RETRY_STEP = Duration.ofSeconds(30);

  /** One known endpoint. */
  public record Entry(String endpoint, Instant lastSeen, Instant lastAttempt, int failedAttempts) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Loads a database file; a missing file gives an empty database. */
  public static PeerDatabase load(Path file) throws IOException {
    PeerDatabase db = new PeerDatabase();
    if (!Files.exists(file)) {
      return db;
    }
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root != null && root.isArray()) {
      for (JsonNode n : root) {
        if (db.entries.size() >= MAX_ENTRIES) {
          break;
        }
        String ep = n.path("endpoint").asText("");
        if (ep.isEmpty()) {
          continue;
        }
        db.entries.put(
            ep,
            new Entry(
                ep,
                Instant.ofEpochSecond(n.path("last_seen").asLong(0)),
                Instant.ofEpochSecond(n.path("last_attempt").asLong(0)),
                n.path("failed_attempts").asInt(0)));
      }
    }
    return db;
  }

  public synchronized void save(Path file) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ArrayNode arr = m.createArrayNode();
    for (Entry e : entries.values()) {
      ObjectNode o = arr.addObject();
      o.put("endpoint", e.endpoint());
      o.put("last_seen", e.lastSeen().getEpochSecond());
      o.put("last_attempt", e.lastAttempt().getEpochSecond());
      o.put("failed_attempts", e.failedAttempts());
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    m.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), arr);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Records an endpoint heard of (address exchange or seed). */
  public synchronized void add(String endpoint, Instant seen) {
    Entry old = entries.get(endpoint);
    if (old == null) {
      if (entries.size() >= MAX_ENTRIES) {
        return;
      }
      entries.put(endpoint, new Entry(endpoint, seen, Instant.EPOCH, 0));
    } else if (seen.isAfter(old.lastSeen())) {
      entries.put(endpoint, new Entry(endpoint, seen, old.lastAttempt(), old.failedAttempts()));
    }
  }

  public synchronized void attempted(String endpoint, Instant now, boolean success) {
    Entry old = entries.getOrDefault(endpoint, new Entry(endpoint, Instant.EPOCH, Instant.EPOCH, 0));
    entries.put(
        endpoint,
        new Entry(endpoint, success ? now : old.lastSeen(), now, success ? 0 : Math.min(old.failedAttempts() + 1, 10_000)));
  }

  /** Endpoints whose retry back-off has passed, most recently seen first. */
  public synchronized List<String> candidates(Instant now, int max) {
    List<Entry> list = new ArrayList<>(entries.values());
    list.removeIf(e -> e.lastAttempt().plus(RETRY_STEP.multipliedBy(e.failedAttempts() + 1L)).isAfter(now) && e.failedAttempts() > 0);
    list.sort(Comparator.comparing(Entry::lastSeen).reversed());
    List<String> out = new ArrayList<>();
    for (Entry e : list) {
      if (out.size() >= max) {
        break;
      }
      out.add(e.endpoint());
    }
    return out;
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries.values());
  }
}
