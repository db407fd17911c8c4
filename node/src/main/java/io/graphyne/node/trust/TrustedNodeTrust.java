package io.graphyne.node.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.graphyne.chainstore.GlobalProperties;
import io.graphyne.node.chain.MaintenanceTrust;
import io.graphyne.node.trust.TrustedNodeException.Kind;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.protocol.types.Authority;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MaintenanceTrust} that asks configured bitshares-core full nodes over their JSON-RPC
 * HTTP API ({@code database.get_dynamic_global_properties}, {@code get_global_properties},
 * {@code get_objects(["1.2.0","1.2.1","1.2.2"])}, and for top-holder accounts {@code
 * get_objects} of the special-authority objects 2.14.0-2.14.99 and of the accounts they name).
 *
 * <p>The API knows only the node's <em>current</em> state, so an answer is used only for the
 * maintenance the node is in right now: the node's {@code last_vote_tally_time} (bitshares-core
 * &ge; 6; {@code last_budget_time} on older nodes; both are the timestamp of the node's last
 * maintenance block) must equal the maintenance block's timestamp. For every older maintenance (a
 * replay of history) and for one the node has not reached yet, it answers empty, and the
 * controller falls back to learning the set from production.
 *
 * <p>Threading: {@link #afterMaintenance} runs on the chain's state thread. It uses a cached answer
 * and calls the node synchronously only when the cache cannot cover the maintenance (the node was
 * behind it), at most once per {@code refreshInterval} after a success and once per {@code
 * retryAfterFailure} after a failure; the HTTP calls of one answer share one deadline, {@link
 * JsonRpcClient.Limits#timeout()} (2 s by default), per configured node. A live maintenance block
 * (timestamp within a minute of the clock) the node has not applied yet is waited for up to {@link
 * Timing#catchUp()} (3 s by default), asking every 250 ms. So a live maintenance block waits a few
 * seconds at most, and a replay of history calls the node once. Failures are typed ({@link TrustedNodeException}),
 * logged once per kind at WARN (then DEBUG) and never reach the chain thread.
 *
 * <p>Chain: on first contact every node is asked {@code database.get_chain_id}; a node on another
 * chain is refused for good ({@link Kind#WRONG_CHAIN}, logged once) and its answers are never
 * asked for or used. A node whose chain id could not be asked yet is asked again next time.
 *
 * <p>Several nodes: every usable node is asked each time; an answer is used only when all nodes
 * that answered and are in that maintenance agree on every value (active witnesses, the active
 * authorities of 1.2.0-1.2.2, the top-holder active and owner authorities). A disagreement is
 * {@link Kind#DISAGREEMENT}, logged at WARN naming the node that disagreed, counted, and the
 * maintenance is not covered (the controller falls back to learning from production). A node that
 * cannot be reached (or answers badly) does not block the others: the reachable nodes decide, and
 * the answer is logged with how many of the configured nodes took part. That is the availability
 * a bitshares-core operator expects from several API nodes (one node restarting must not stall the
 * light node), while a lie still needs every reachable node to tell it.
 */
public final class TrustedNodeTrust implements MaintenanceTrust {
  private static final Logger LOG = LoggerFactory.getLogger(TrustedNodeTrust.class);

  /** The accounts whose active authority is vote-derived (spec/authority.md §1.4). */
  public static final List<ObjectId> VOTE_DERIVED_ACCOUNTS =
      List.of(ObjectId.parse("1.2.0"), ObjectId.parse("1.2.1"), ObjectId.parse("1.2.2"));
  /** Most special-authority objects (2.14.x) asked for; top-holder accounts are rare. */
  public static final int MAX_SPECIAL_AUTHORITIES = 100;
  /** bitshares-core's GRAPHENE_MAX_... bound: no chain has more active witnesses than this. */
  public static final int MAX_ACTIVE_WITNESSES = 1001;

  /**
   * Timing of the cache.
   *
   * @param refreshInterval least time between calls after a success
   * @param retryAfterFailure least time between calls after a failure
   * @param catchUp how long to wait for a node that has not applied a maintenance block yet, when
   *     the block is live (its timestamp within a minute of the clock): the node and we receive it
   *     at about the same time
   */
  public record Timing(Duration refreshInterval, Duration retryAfterFailure, Duration catchUp) {
    public static final Timing DEFAULT = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(3));

    public Timing(Duration refreshInterval, Duration retryAfterFailure) {
      this(refreshInterval, retryAfterFailure, Duration.ZERO);
    }
  }

  /** How often a node that is catching up is asked again. */
  static final long CATCH_UP_POLL_MILLIS = 250;

  /**
   * What a node said about its current maintenance.
   *
   * @param fetchedAtMillis wall-clock time of the answer
   * @param headBlockNumber the node's head
   * @param maintenanceTime timestamp (seconds) of the node's last maintenance block
   * @param nextMaintenanceTime the node's next maintenance time (seconds)
   */
  public record Answer(long fetchedAtMillis, long headBlockNumber, long maintenanceTime, long nextMaintenanceTime,
      List<ObjectId> activeWitnesses, Map<ObjectId, Authority> activeAuthorities, Map<ObjectId, Authority> ownerAuthorities) {
    public Answer {
      activeWitnesses = List.copyOf(activeWitnesses);
      activeAuthorities = Map.copyOf(activeAuthorities);
      ownerAuthorities = Map.copyOf(ownerAuthorities);
    }

    public Answer(long fetchedAtMillis, long headBlockNumber, long maintenanceTime, long nextMaintenanceTime,
        List<ObjectId> activeWitnesses, Map<ObjectId, Authority> activeAuthorities) {
      this(fetchedAtMillis, headBlockNumber, maintenanceTime, nextMaintenanceTime, activeWitnesses, activeAuthorities, Map.of());
    }

    /** The same vote-derived values (the witness set as a set, as core's flat_set holds it). */
    public boolean sameValues(Answer o) {
      return new TreeSet<>(activeWitnesses).equals(new TreeSet<>(o.activeWitnesses))
          && activeAuthorities.equals(o.activeAuthorities) && ownerAuthorities.equals(o.ownerAuthorities);
    }

    /** The first value that differs from {@code o}'s, for the log. */
    String difference(Answer o) {
      if (!new TreeSet<>(activeWitnesses).equals(new TreeSet<>(o.activeWitnesses))) {
        return "active witnesses " + new TreeSet<>(activeWitnesses) + " vs " + new TreeSet<>(o.activeWitnesses);
      }
      for (String which : List.of("active", "owner")) {
        Map<ObjectId, Authority> a = which.equals("active") ? activeAuthorities : ownerAuthorities;
        Map<ObjectId, Authority> b = which.equals("active") ? o.activeAuthorities : o.ownerAuthorities;
        TreeSet<ObjectId> ids = new TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        for (ObjectId id : ids) {
          if (!java.util.Objects.equals(a.get(id), b.get(id))) {
            return id + "." + which + " " + a.get(id) + " vs " + b.get(id);
          }
        }
      }
      return "none";
    }
  }

  /**
   * One round of asking every usable node.
   *
   * @param answers the well-formed answers, by node, in configuration order
   * @param errors the nodes that failed this round and why
   */
  public record Round(Map<URI, Answer> answers, Map<URI, TrustedNodeException> errors) {
    public Round {
      answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
      errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /**
     * No node of this round reached the maintenance at {@code t}: worth asking again. (Once one
     * has, older maintenances, a replay of history, never ask again, even if a node failed.)
     */
    boolean behind(long t) {
      return answers.values().stream().allMatch(a -> a.maintenanceTime() < t);
    }

    /** Some answering node has not applied block {@code blockNum} (the maintenance block at {@code t}) yet. */
    boolean lagging(long t, long blockNum) {
      return answers.values().stream().anyMatch(a -> a.maintenanceTime() < t && a.headBlockNumber() < blockNum);
    }
  }

  /** One configured node and whether it is on our chain (null: not asked yet). */
  private static final class Node {
    final JsonRpcClient client;
    Boolean onOurChain;

    Node(JsonRpcClient client) {
      this.client = client;
    }
  }

  private final List<Node> nodes;
  private final Bytes chainId;
  private final JsonContext ctx;
  private final Clock clock;
  private final Timing timing;
  private final Duration timeout;
  private final Set<Kind> warned = EnumSet.noneOf(Kind.class);
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong disagreements = new AtomicLong();
  private volatile Answer cached;
  private volatile Round round;
  private volatile TrustedNodeException lastError;
  private long lastAttemptMillis = Long.MIN_VALUE / 2;
  private boolean lastAttemptFailed;

  /**
   * @param nodes the nodes' JSON-RPC URIs (distinct)
   * @param chainId our chain's id: a node answering another to {@code get_chain_id} is refused
   */
  public TrustedNodeTrust(List<URI> nodes, Bytes chainId, String addressPrefix, JsonRpcClient.Limits limits, Timing timing,
      Clock clock) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no trusted node");
    }
    if (new HashSet<>(nodes).size() != nodes.size()) {
      throw new IllegalArgumentException("a trusted node is given twice: " + nodes);
    }
    if (chainId.length() != 32) {
      throw new IllegalArgumentException("a chain id has 32 bytes, not " + chainId.length());
    }
    this.nodes = nodes.stream().map(u -> new Node(new JsonRpcClient(u, limits))).toList();
    this.chainId = chainId;
    this.ctx = new JsonContext(addressPrefix);
    this.clock = clock;
    this.timing = timing;
    this.timeout = limits.timeout();
  }

  /** Nodes given as {@code host:port} (HTTP, path {@code /rpc}) with default limits. */
  public static TrustedNodeTrust of(List<String> hostPorts, Bytes chainId, String addressPrefix) {
    List<URI> uris = new ArrayList<>();
    for (String hp : hostPorts) {
      uris.add(URI.create("http://" + hp.strip() + "/rpc"));
    }
    return new TrustedNodeTrust(uris, chainId, addressPrefix, JsonRpcClient.Limits.DEFAULT, Timing.DEFAULT, Clock.systemUTC());
  }

  @Override
  public synchronized Optional<Snapshot> afterMaintenance(long blockNum, Instant blockTime, GlobalProperties current) {
    long t = blockTime.getEpochSecond();
    Round r = round;
    long now = clock.millis();
    long wait = (lastAttemptFailed ? timing.retryAfterFailure() : timing.refreshInterval()).toMillis();
    if ((r == null || r.behind(t)) && now - lastAttemptMillis >= wait) {
      lastAttemptMillis = now;
      r = ask();
      round = r;
      lastAttemptFailed = r.answers().isEmpty();
    }
    long catchUpEnd = now + timing.catchUp().toMillis();
    // the last round with answers: a round failing in between (say, a node running the maintenance
    // while answering) does not end the wait
    Round good = r != null && !r.answers().isEmpty() ? r : null;
    while (good != null && good.lagging(t, blockNum)
        && Math.abs(clock.millis() - blockTime.toEpochMilli()) < 60_000 && clock.millis() + CATCH_UP_POLL_MILLIS < catchUpEnd) {
      // live: a node has not applied this maintenance block yet
      try {
        Thread.sleep(CATCH_UP_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      lastAttemptMillis = clock.millis();
      r = ask();
      round = r;
      lastAttemptFailed = r.answers().isEmpty();
      if (!r.answers().isEmpty()) {
        good = r;
      }
    }
    Optional<Answer> a = r == null ? Optional.empty() : decide(r, blockNum, t);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    cached = a.get();
    return Optional.of(new Snapshot(a.get().activeWitnesses(), a.get().activeAuthorities(), a.get().ownerAuthorities()));
  }

  /**
   * The answer for the maintenance at {@code t}: the nodes of this round that are in it must all
   * agree; none in it, or any disagreement, is "not covered".
   */
  private Optional<Answer> decide(Round r, long blockNum, long t) {
    Map<URI, Answer> covering = new LinkedHashMap<>();
    r.answers().forEach((u, a) -> {
      if (a.maintenanceTime() == t) {
        covering.put(u, a);
      }
    });
    if (covering.isEmpty()) {
      LOG.atDebug().log("trusted nodes do not cover maintenance block {} at {} (their maintenances: {})", blockNum,
          Instant.ofEpochSecond(t), r.answers().values().stream().map(a -> Instant.ofEpochSecond(a.maintenanceTime())).toList());
      return Optional.empty();
    }
    var first = covering.entrySet().iterator().next();
    for (var e : covering.entrySet()) {
      if (!e.getValue().sameValues(first.getValue())) {
        TrustedNodeException d = new TrustedNodeException(Kind.DISAGREEMENT, "maintenance block " + blockNum + ": " + e.getKey()
            + " disagrees with " + first.getKey() + " on " + e.getValue().difference(first.getValue()));
        disagreements.incrementAndGet();
        lastError = d;
        LOG.warn("{}; the maintenance is not covered by the trusted nodes", d.getMessage());
        return Optional.empty();
      }
    }
    if (covering.size() < nodes.size()) {
      LOG.atInfo().log("maintenance block {}: {} active witnesses from {} of {} trusted nodes ({}); the others: {}", blockNum,
          first.getValue().activeWitnesses().size(), covering.size(), nodes.size(), covering.keySet(), others(r, covering.keySet()));
    } else {
      LOG.atInfo().log("maintenance block {}: {} active witnesses from {}", blockNum, first.getValue().activeWitnesses().size(), source());
    }
    return Optional.of(first.getValue());
  }

  private List<String> others(Round r, Set<URI> used) {
    List<String> out = new ArrayList<>();
    for (Node n : nodes) {
      URI u = n.client.uri();
      if (used.contains(u)) {
        continue;
      }
      if (Boolean.FALSE.equals(n.onOurChain)) {
        out.add(u + " refused (another chain)");
      } else if (r.errors().containsKey(u)) {
        out.add(u + " " + r.errors().get(u).kind().name().toLowerCase(java.util.Locale.ROOT));
      } else if (r.answers().containsKey(u)) {
        out.add(u + " in the maintenance at " + Instant.ofEpochSecond(r.answers().get(u).maintenanceTime()));
      }
    }
    return out;
  }

  private void note(URI node, TrustedNodeException e) {
    failures.incrementAndGet();
    lastError = e;
    if (e.kind() == Kind.WRONG_CHAIN || warned.add(e.kind())) {
      LOG.warn("trusted node {} unusable ({}); maintenances no trusted node covers keep the last known set or are learned from production. Further {} errors at DEBUG",
          node, e.getMessage(), e.kind());
    } else {
      LOG.atDebug().log("trusted node {}: {}", node, e.getMessage());
    }
  }

  /**
   * Asks every node that is not refused: its chain id on first contact, then its answer. Never
   * throws: failures are in the round (and noted).
   */
  public Round ask() {
    Map<URI, Answer> answers = new LinkedHashMap<>();
    Map<URI, TrustedNodeException> errors = new LinkedHashMap<>();
    for (Node n : nodes) {
      if (Boolean.FALSE.equals(n.onOurChain)) {
        continue;
      }
      URI u = n.client.uri();
      calls.incrementAndGet();
      try {
        if (n.onOurChain == null) {
          checkChain(n);
        }
        answers.put(u, fetch(n.client));
      } catch (TrustedNodeException e) {
        errors.put(u, e);
        note(u, e);
      } catch (RuntimeException e) {
        TrustedNodeException te = new TrustedNodeException(Kind.MALFORMED, e.toString(), e);
        errors.put(u, te);
        note(u, te);
      }
    }
    return new Round(answers, errors);
  }

  /** {@code get_chain_id}: a node on another chain is refused for good. */
  private void checkChain(Node n) {
    JsonNode id = n.client.call("database", "get_chain_id", JsonNodeFactory.instance.arrayNode());
    String hex = id == null ? "" : id.asText("");
    if (id == null || !id.isTextual() || hex.length() != 64 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      throw new TrustedNodeException(Kind.MALFORMED, "get_chain_id: not a chain id: "
          + (hex.length() > 80 ? hex.substring(0, 80) + "..." : String.valueOf(id)));
    }
    if (!hex.equalsIgnoreCase(chainId.toHex())) {
      n.onOurChain = false;
      throw new TrustedNodeException(Kind.WRONG_CHAIN, n.client.uri() + " is on chain " + hex.toLowerCase(java.util.Locale.ROOT)
          + ", not " + chainId.toHex() + "; it is never asked again");
    }
    n.onOurChain = true;
  }

  /** One answer from one node: four calls sharing one deadline (the client's timeout). */
  private Answer fetch(JsonRpcClient c) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode dyn = c.call("database", "get_dynamic_global_properties", f.arrayNode(), left(deadline));
    JsonNode glob = c.call("database", "get_global_properties", f.arrayNode(), left(deadline));
    var ids = f.arrayNode();
    VOTE_DERIVED_ACCOUNTS.forEach(id -> ids.add(id.toString()));
    JsonNode accounts = c.call("database", "get_objects", f.arrayNode().add(ids), left(deadline));
    // top-holder accounts: the special-authority objects 2.14.x name them
    var sids = f.arrayNode();
    for (int i = 0; i < MAX_SPECIAL_AUTHORITIES; i++) {
      sids.add("2.14." + i);
    }
    List<ObjectId> special = specialAccounts(c.call("database", "get_objects", f.arrayNode().add(sids), left(deadline)));
    JsonNode specialObjects = null;
    if (!special.isEmpty()) {
      var aids = f.arrayNode();
      special.forEach(id -> aids.add(id.toString()));
      specialObjects = c.call("database", "get_objects", f.arrayNode().add(aids), left(deadline));
    }
    JsonNode dyn2 = c.call("database", "get_dynamic_global_properties", f.arrayNode(), left(deadline));
    Answer a = parse(dyn, glob, accounts, dyn2, ctx, clock.millis());
    Map<ObjectId, Authority> auths = new LinkedHashMap<>(a.activeAuthorities());
    auths.putAll(topHolderActives(special, specialObjects, ctx));
    Map<ObjectId, Authority> owners = topHolderOwners(special, specialObjects, ctx);
    return new Answer(a.fetchedAtMillis(), a.headBlockNumber(), a.maintenanceTime(), a.nextMaintenanceTime(), a.activeWitnesses(), auths,
        owners);
  }

  /** The accounts named by special-authority objects (nulls are deleted or absent objects). */
  static List<ObjectId> specialAccounts(JsonNode objects) {
    if (objects == null || !objects.isArray() || objects.size() > MAX_SPECIAL_AUTHORITIES) {
      throw new TrustedNodeException(Kind.MALFORMED, "special authority objects are not a list");
    }
    List<ObjectId> out = new ArrayList<>();
    for (JsonNode o : objects) {
      if (o == null || o.isNull()) {
        continue;
      }
      ObjectId id = objectId(o.path("account"));
      if (!id.isType(ObjectId.PROTOCOL_SPACE, ObjectId.ACCOUNT_TYPE)) {
        throw new TrustedNodeException(Kind.MALFORMED, "special authority of a non-account " + id);
      }
      if (!out.contains(id) && !VOTE_DERIVED_ACCOUNTS.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * The active authorities of accounts whose active authority is a top-holders special authority
   * ({@code active_special_authority} = {@code [1, {...}]}).
   */
  static Map<ObjectId, Authority> topHolderActives(List<ObjectId> ids, JsonNode objects, JsonContext ctx) {
    return topHolderAuthorities(ids, objects, ctx, "active");
  }

  /**
   * The owner authorities of accounts whose owner authority is a top-holders special authority
   * ({@code owner_special_authority} = {@code [1, {...}]}; bitshares-core {@code
   * update_top_n_authorities} sets {@code owner} from the top holders exactly as it sets {@code
   * active}).
   */
  static Map<ObjectId, Authority> topHolderOwners(List<ObjectId> ids, JsonNode objects, JsonContext ctx) {
    return topHolderAuthorities(ids, objects, ctx, "owner");
  }

  private static Map<ObjectId, Authority> topHolderAuthorities(List<ObjectId> ids, JsonNode objects, JsonContext ctx, String which) {
    Map<ObjectId, Authority> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    if (objects == null || !objects.isArray() || objects.size() != ids.size()) {
      throw new TrustedNodeException(Kind.MALFORMED, "get_objects of the top-holder accounts answered the wrong count");
    }
    for (int i = 0; i < ids.size(); i++) {
      JsonNode a = objects.get(i);
      if (a == null || !a.isObject() || !ids.get(i).toString().equals(a.path("id").asText())) {
        throw new TrustedNodeException(Kind.MALFORMED, "get_objects entry " + i + " is not account " + ids.get(i));
      }
      if (a.path(which + "_special_authority").path(0).asInt(0) == 1) {
        try {
          out.put(ids.get(i), ProtocolJson.fromJson(Authority.class, a.path(which), ctx));
        } catch (RuntimeException e) {
          throw new TrustedNodeException(Kind.MALFORMED, ids.get(i) + "." + which + ": " + e.getMessage());
        }
      }
    }
    return out;
  }

  private static Duration left(long deadlineNanos) {
    return Duration.ofNanos(deadlineNanos - System.nanoTime());
  }

  /**
   * Reads an answer from the results of get_dynamic_global_properties (asked before and after the
   * others, to notice a maintenance in between), get_global_properties and get_objects of
   * 1.2.0-1.2.2; anything not in bitshares-core's shape is a {@link Kind#MALFORMED} error.
   */
  static Answer parse(JsonNode dyn, JsonNode glob, JsonNode accounts, JsonNode dyn2, JsonContext ctx, long nowMillis) {
    if (dyn == null || glob == null || accounts == null || dyn2 == null) {
      throw new TrustedNodeException(Kind.MALFORMED, "missing result");
    }
    long maint = maintenanceTime(dyn);
    if (maintenanceTime(dyn2) != maint) {
      throw new TrustedNodeException(Kind.MALFORMED, "the node ran a maintenance while answering; ask again");
    }
    if (!dyn.path("id").asText().equals("2.1.0") || !glob.path("id").asText().equals("2.0.0")) {
      throw new TrustedNodeException(Kind.MALFORMED, "expected objects 2.1.0 and 2.0.0");
    }
    JsonNode aw = glob.path("active_witnesses");
    if (!aw.isArray() || aw.isEmpty() || aw.size() > MAX_ACTIVE_WITNESSES) {
      throw new TrustedNodeException(Kind.MALFORMED, "active_witnesses is not a list of 1.." + MAX_ACTIVE_WITNESSES);
    }
    List<ObjectId> active = new ArrayList<>();
    for (JsonNode w : aw) {
      ObjectId id = objectId(w);
      if (!id.isType(ObjectId.PROTOCOL_SPACE, ObjectId.WITNESS_TYPE) || active.contains(id)) {
        throw new TrustedNodeException(Kind.MALFORMED, "not a distinct witness id: " + w);
      }
      active.add(id);
    }
    if (!accounts.isArray() || accounts.size() != VOTE_DERIVED_ACCOUNTS.size()) {
      throw new TrustedNodeException(Kind.MALFORMED, "get_objects answered " + accounts.size() + " objects, not 3");
    }
    Map<ObjectId, Authority> auths = new LinkedHashMap<>();
    for (int i = 0; i < VOTE_DERIVED_ACCOUNTS.size(); i++) {
      JsonNode a = accounts.get(i);
      ObjectId want = VOTE_DERIVED_ACCOUNTS.get(i);
      if (a == null || !a.isObject() || !want.toString().equals(a.path("id").asText())) {
        throw new TrustedNodeException(Kind.MALFORMED, "get_objects entry " + i + " is not account " + want);
      }
      try {
        auths.put(want, ProtocolJson.fromJson(Authority.class, a.path("active"), ctx));
      } catch (RuntimeException e) {
        throw new TrustedNodeException(Kind.MALFORMED, want + ".active: " + e.getMessage());
      }
    }
    long head = dyn.path("head_block_number").asLong(-1);
    if (head < 0) {
      throw new TrustedNodeException(Kind.MALFORMED, "no head_block_number");
    }
    return new Answer(nowMillis, head, maint, time(dyn, "next_maintenance_time"), active, auths);
  }

  /** {@code last_vote_tally_time} (bitshares-core 6+), else {@code last_budget_time}. */
  private static long maintenanceTime(JsonNode dyn) {
    return time(dyn, dyn.has("last_vote_tally_time") ? "last_vote_tally_time" : "last_budget_time");
  }

  private static long time(JsonNode o, String field) {
    JsonNode v = o.path(field);
    if (!v.isTextual() || v.asText().length() > 32) {
      throw new TrustedNodeException(Kind.MALFORMED, "no " + field);
    }
    try {
      return LocalDateTime.parse(v.asText()).toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new TrustedNodeException(Kind.MALFORMED, field + " is not a time: " + v.asText());
    }
  }

  private static ObjectId objectId(JsonNode v) {
    if (!v.isTextual() || v.asText().length() > 40) {
      throw new TrustedNodeException(Kind.MALFORMED, "not an object id: " + v);
    }
    try {
      return ObjectId.parse(v.asText());
    } catch (RuntimeException e) {
      throw new TrustedNodeException(Kind.MALFORMED, "not an object id: " + v.asText());
    }
  }

  /** The last answer used for a maintenance, if any. */
  public Optional<Answer> cached() {
    return Optional.ofNullable(cached);
  }

  /** The last round of answers, if any. */
  public Optional<Round> lastRound() {
    return Optional.ofNullable(round);
  }

  /** Maintenances not covered because the nodes in them disagreed. */
  public long disagreements() {
    return disagreements.get();
  }

  /** The nodes refused for being on another chain. */
  public List<URI> refused() {
    return nodes.stream().filter(n -> Boolean.FALSE.equals(n.onOurChain)).map(n -> n.client.uri()).toList();
  }

  /** The last failure, if any. */
  public Optional<TrustedNodeException> lastError() {
    return Optional.ofNullable(lastError);
  }

  public long failures() {
    return failures.get();
  }

  /** Answers attempted, over all nodes (each is five or six HTTP calls, plus get_chain_id on first contact). */
  public long fetches() {
    return calls.get();
  }

  @Override
  public String source() {
    return "trusted node " + String.join(",", nodes.stream().map(n -> n.client.uri().toString()).toList());
  }
}
