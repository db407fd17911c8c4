package io.graphyne.node.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.AccountRecord;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.DynamicProperties;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.chain.BlockResult;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.chain.MaintenanceTrust;
import io.graphyne.node.chain.PreparedBlock;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.node.trust.TrustedNodeException.Kind;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.protocol.types.Authority;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TrustedNodeTrust} against a real loopback HTTP server answering in bitshares-core's JSON
 * shape, built from the real private chain (genesis and the state after its 220 blocks): the
 * node's values are used for the maintenance it is in, and nothing else; bad answers are refused
 * with a typed error and change no state.
 */
class TrustedNodeTrustTest {
  static final Secp256k1 SECP = Secp256k1Provider.system();
  static final DateTimeFormatter FC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  static Genesis genesis;
  static List<byte[]> blocks = new ArrayList<>();
  /** Maintenance blocks of the private chain: number and time. */
  static List<long[]> maintenances = new ArrayList<>();
  static DynamicProperties head;
  static Bytes plainStateHash;
  static Map<ObjectId, AccountRecord> accounts = new HashMap<>();
  /** What the fake node says 1.2.0 / 1.2.1 (vote-derived) are: the five init accounts, threshold 3. */
  static Authority committeeActive;
  static Authority witnessActive;

  FakeCoreNode node;
  Map<String, JsonNode> objects;
  static AccountRecord nathan;
  static Authority topHolders;

  @BeforeAll
  static void replayThePrivateChain() throws Exception {
    genesis = Genesis.load(Vectors.path("private-chain/genesis.json"));
    for (String line : Vectors.lines("private-chain/blocks.hex")) {
      blocks.add(Hex.decode(line));
    }
    try (ChainStore store = ChainStore.inMemory(genesis.chainId())) {
      genesis.initialize(store);
      ChainController c = ChainController.open(store, ChainController.Options.defaults(HardforkSchedule.mainnet()));
      for (byte[] raw : blocks) {
        BlockResult r = c.pushBlock(PreparedBlock.decode(raw, genesis.chainId(), SECP));
        assertThat(r.applied()).as("%s", r).isTrue();
        DynamicProperties d = c.dynamicProperties();
        if (d.maintenanceFlag()) {
          maintenances.add(new long[] {d.headBlockNumber(), d.time()});
        }
      }
      head = c.dynamicProperties();
      plainStateHash = store.stateHash();
      for (int i = 0; i < 3; i++) {
        accounts.put(ObjectId.account(i), store.state().account(ObjectId.account(i)).orElseThrow());
      }
      Map<ObjectId, Integer> inits = new java.util.TreeMap<>();
      for (int i = 0; i < 5; i++) {
        inits.put(store.state().accountIdByName("init" + i).orElseThrow(), 1);
      }
      committeeActive = new Authority(3, inits, Map.of(), Map.of());
      nathan = store.state().accountByName("nathan").orElseThrow();
      topHolders = new Authority(2, Map.of(store.state().accountIdByName("alice").orElseThrow(), 1,
          store.state().accountIdByName("init0").orElseThrow(), 1), Map.of(), Map.of());
      witnessActive = new Authority(3, inits, Map.of(), Map.of());
    }
    assertThat(maintenances).isNotEmpty();
    assertThat(accounts.get(ObjectId.account(0)).active()).isNotEqualTo(committeeActive);
  }

  static long lastMaintenanceNum() {
    return maintenances.get(maintenances.size() - 1)[0];
  }

  static long lastMaintenanceTime() {
    return maintenances.get(maintenances.size() - 1)[1];
  }

  static JsonNode genesisParameters() throws IOException {
    return ProtocolJson.parse(new String(java.nio.file.Files.readAllBytes(Vectors.path("private-chain/genesis.json")),
        StandardCharsets.UTF_8)).get("initial_parameters");
  }

  static long genesisTime() {
    return genesis.initialTimestamp().getEpochSecond();
  }

  static final List<String> SERVED_WITNESSES = List.of("1.6.1", "1.6.2", "1.6.3", "1.6.4", "1.6.5");

  @BeforeEach
  void start() throws IOException {
    node = new FakeCoreNode();
    serve(lastMaintenanceTime(), SERVED_WITNESSES);
  }

  void serve(long maintenanceTime, List<String> witnesses) throws IOException {
    ObjectNode dyn = FakeCoreNode.dynamicGlobals(head, maintenanceTime);
    ObjectNode glob = FakeCoreNode.globals(genesisParameters(), witnesses);
    objects = new HashMap<>();
    objects.put("1.2.0", FakeCoreNode.account(accounts.get(ObjectId.account(0)), committeeActive, "TEST", genesisTime()));
    objects.put("1.2.1", FakeCoreNode.account(accounts.get(ObjectId.account(1)), witnessActive, "TEST", genesisTime()));
    objects.put("1.2.2", FakeCoreNode.account(accounts.get(ObjectId.account(2)), committeeActive, "TEST", genesisTime()));
    serve(node, dyn, glob, objects);
  }

  static void serve(FakeCoreNode n, JsonNode dyn, JsonNode glob, Map<String, JsonNode> objects) {
    n.methods.put("get_chain_id", args -> F.textNode(genesis.chainId().toHex()));
    n.methods.put("get_dynamic_global_properties", args -> dyn);
    n.methods.put("get_global_properties", args -> glob);
    n.methods.put("get_objects", FakeCoreNode.objects(objects));
  }

  @AfterEach
  void stop() {
    node.close();
  }

  static TrustedNodeTrust trust(URI uri, Duration timeout, int maxBytes) {
    return trust(List.of(uri), timeout, maxBytes);
  }

  static TrustedNodeTrust trust(List<URI> uris, Duration timeout, int maxBytes) {
    return new TrustedNodeTrust(uris, genesis.chainId(), "TEST", new JsonRpcClient.Limits(timeout, maxBytes, 32),
        new TrustedNodeTrust.Timing(Duration.ZERO, Duration.ofSeconds(30)), Clock.systemUTC());
  }

  static ChainStore replay(MaintenanceTrust t, boolean learn, List<BlockResult> results) {
    ChainStore store = ChainStore.inMemory(genesis.chainId());
    genesis.initialize(store);
    ChainController c = ChainController.open(store,
        ChainController.Options.defaults(HardforkSchedule.mainnet()).withTrust(t).withWitnessSetFromProduction(learn));
    for (byte[] raw : blocks) {
      results.add(c.pushBlock(PreparedBlock.decode(raw, genesis.chainId(), SECP)));
    }
    return store;
  }

  @Test
  void theNodesValuesAreUsedForTheMaintenanceItIsIn() {
    // nathan's active authority is controlled by its top holders (special authority 2.14.0)
    ObjectNode special = F.objectNode();
    special.put("id", "2.14.0");
    special.put("account", nathan.id().toString());
    ObjectNode nathanObject = FakeCoreNode.account(nathan, topHolders, "TEST", genesisTime());
    ObjectNode top = F.objectNode();
    top.put("asset", "1.3.0");
    top.put("num_top_holders", 2);
    nathanObject.set("active_special_authority", F.arrayNode().add(1).add(top));
    objects.put("2.14.0", special);
    objects.put(nathan.id().toString(), nathanObject);
    TrustedNodeTrust t = trust(node.uri(), Duration.ofSeconds(2), 1 << 20);
    List<BlockResult> results = new ArrayList<>();
    try (ChainStore store = replay(t, true, results)) {
      assertThat(results).allMatch(BlockResult::applied);
      assertThat(store.state().account(ObjectId.account(0)).orElseThrow().active()).isEqualTo(committeeActive);
      assertThat(store.state().account(ObjectId.account(1)).orElseThrow().active()).isEqualTo(witnessActive);
      assertThat(store.state().account(ObjectId.account(2)).orElseThrow().active()).isEqualTo(committeeActive);
      assertThat(store.state().account(nathan.id()).orElseThrow().active()).isEqualTo(topHolders);
      assertThat(store.state().globalProperties().orElseThrow().activeWitnesses())
          .containsExactlyElementsOf(SERVED_WITNESSES.stream().map(ObjectId::parse).toList());
    }
    // one answer (chain id on first contact, then six calls: dynamic, global, 1.2.0-2, 2.14.x, nathan, dynamic),
    // cached for every older maintenance
    assertThat(t.fetches()).isEqualTo(1);
    assertThat(node.requests.get()).isEqualTo(7);
    assertThat(t.failures()).isZero();
    assertThat(t.cached().orElseThrow().maintenanceTime()).isEqualTo(lastMaintenanceTime());
    assertThat(t.cached().orElseThrow().headBlockNumber()).isEqualTo(220);
  }

  @Test
  void olderMaintenancesAndOnesTheNodeHasNotReachedAreNotCovered() {
    TrustedNodeTrust t = trust(node.uri(), Duration.ofSeconds(2), 1 << 20);
    var gp = (io.graphyne.chainstore.GlobalProperties) null;
    long m = lastMaintenanceTime();
    assertThat(t.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(m), gp)).isPresent();
    // history: the API cannot tell what the set was then
    assertThat(t.afterMaintenance(1, Instant.ofEpochSecond(m - 600), gp)).isEmpty();
    assertThat(t.fetches()).isEqualTo(1);
    // a maintenance the node has not applied yet: asked again (it may have caught up), still not covered
    assertThat(t.afterMaintenance(lastMaintenanceNum() + 200, Instant.ofEpochSecond(m + 600), gp)).isEmpty();
    assertThat(t.fetches()).isEqualTo(2);
    assertThat(t.failures()).isZero();
  }

  @Test
  void aLiveMaintenanceTheNodeHasNotAppliedYetIsWaitedForBriefly() throws IOException {
    long now = Instant.now().getEpochSecond();
    long num = head.headBlockNumber() + 1;
    DynamicProperties before = new DynamicProperties(num - 1, head.headBlockId(), now - 3, 0, now, false, 0, head.recentSlotsFilled());
    DynamicProperties after = new DynamicProperties(num, head.headBlockId(), now, 0, now + 600, true, 0, head.recentSlotsFilled());
    serve(lastMaintenanceTime(), SERVED_WITNESSES);
    long applied = System.currentTimeMillis() + 700;
    ObjectNode old = FakeCoreNode.dynamicGlobals(before, now - 600);
    ObjectNode fresh = FakeCoreNode.dynamicGlobals(after, now);
    node.methods.put("get_dynamic_global_properties", args -> System.currentTimeMillis() < applied ? old : fresh);
    TrustedNodeTrust t = new TrustedNodeTrust(List.of(node.uri()), genesis.chainId(), "TEST", new JsonRpcClient.Limits(Duration.ofSeconds(2), 1 << 20, 32),
        new TrustedNodeTrust.Timing(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(3)), Clock.systemUTC());
    Optional<MaintenanceTrust.Snapshot> s = t.afterMaintenance(num, Instant.ofEpochSecond(now), null);
    assertThat(s).isPresent();
    assertThat(t.fetches()).isGreaterThan(1);
    // a node that does not catch up within the wait: not covered, and the wait is bounded
    node.methods.put("get_dynamic_global_properties", args -> old);
    TrustedNodeTrust slow = new TrustedNodeTrust(List.of(node.uri()), genesis.chainId(), "TEST", new JsonRpcClient.Limits(Duration.ofSeconds(2), 1 << 20, 32),
        new TrustedNodeTrust.Timing(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMillis(800)), Clock.systemUTC());
    long start = System.nanoTime();
    assertThat(slow.afterMaintenance(num, Instant.ofEpochSecond(now), null)).isEmpty();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
  }

  record Bad(String name, Kind kind, FakeCoreNode.Misbehaviour how) {}

  static FakeCoreNode.Misbehaviour answer(int status, Function<Long, String> body) {
    return (ex, method, id) -> FakeCoreNode.send(ex, status, body.apply(id).getBytes(StandardCharsets.UTF_8));
  }

  List<Bad> badAnswers() {
    return List.of(
        new Bad("not JSON", Kind.MALFORMED, answer(200, id -> "<html>502 Bad Gateway</html>")),
        new Bad("oversized", Kind.TOO_LARGE, answer(200, id -> "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"result\":\"" + "x".repeat(100_000) + "\"}")),
        new Bad("deeply nested", Kind.MALFORMED, answer(200, id -> "{\"id\":" + id + ",\"result\":" + "[".repeat(500) + "]".repeat(500) + "}")),
        new Bad("HTTP 500", Kind.HTTP_STATUS, answer(500, id -> "internal error")),
        new Bad("JSON-RPC error", Kind.RPC_ERROR, answer(200, id -> "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"error\":{\"code\":1,\"message\":\"database_api not enabled\"}}")),
        new Bad("wrong id", Kind.MALFORMED, answer(200, id -> "{\"id\":" + (id + 7) + ",\"jsonrpc\":\"2.0\",\"result\":{}}")),
        new Bad("result of the wrong shape", Kind.MALFORMED, answer(200, id -> "{\"id\":" + id + ",\"jsonrpc\":\"2.0\",\"result\":[1,2,3]}")),
        new Bad("slow headers", Kind.TIMEOUT, (ex, method, id) -> {
          sleep(1500);
          FakeCoreNode.send(ex, 200, "{}".getBytes(StandardCharsets.UTF_8));
        }),
        new Bad("slow body", Kind.TIMEOUT, (ex, method, id) -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream o = ex.getResponseBody()) {
            for (int i = 0; i < 30; i++) {
              o.write(' ');
              o.flush();
              sleep(100);
            }
          } catch (IOException ignored) {
            // the client hung up, as it should
          }
        }));
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void badAnswersAreRefusedWithATypedErrorAndAskedAgainOnlyAfterTheBackOff() {
    for (Bad b : badAnswers()) {
      node.misbehaviour = b.how();
      TrustedNodeTrust t = trust(node.uri(), Duration.ofMillis(600), 64 * 1024);
      long start = System.nanoTime();
      Optional<MaintenanceTrust.Snapshot> s = t.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(lastMaintenanceTime()), null);
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(s).as(b.name()).isEmpty();
      assertThat(t.lastError()).as(b.name()).map(TrustedNodeException::kind).contains(b.kind());
      assertThat(t.failures()).as(b.name()).isEqualTo(1);
      assertThat(ms).as(b.name() + " bounded by the timeout").isLessThan(1_500);
      // within the back-off the node is not asked again
      assertThat(t.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(lastMaintenanceTime()), null)).isEmpty();
      assertThat(t.fetches()).as(b.name()).isEqualTo(1);
    }
  }

  @Test
  void malformedObjectsAreRefused() throws IOException {
    // a witness list holding an account id
    serve(lastMaintenanceTime(), List.of("1.6.1", "1.2.5"));
    TrustedNodeTrust t = trust(node.uri(), Duration.ofSeconds(2), 1 << 20);
    assertThat(t.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(lastMaintenanceTime()), null)).isEmpty();
    assertThat(t.lastError().orElseThrow().kind()).isEqualTo(Kind.MALFORMED);
    // get_objects answering null for an unknown object
    serve(lastMaintenanceTime(), SERVED_WITNESSES);
    node.methods.put("get_objects", FakeCoreNode.objects(Map.of()));
    TrustedNodeTrust t2 = trust(node.uri(), Duration.ofSeconds(2), 1 << 20);
    assertThat(t2.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(lastMaintenanceTime()), null)).isEmpty();
    assertThat(t2.lastError().orElseThrow().getMessage()).contains("1.2.0");
  }

  @Test
  void anUnreachableNodeIsTypedAndTheFailingSourceChangesNoState() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    TrustedNodeTrust dead = trust(URI.create("http://127.0.0.1:" + port + "/rpc"), Duration.ofSeconds(1), 1 << 20);
    assertThat(dead.afterMaintenance(1, Instant.ofEpochSecond(lastMaintenanceTime()), null)).isEmpty();
    assertThat(dead.lastError().orElseThrow().kind()).isEqualTo(Kind.UNREACHABLE);
    // a replay with a source that always fails ends in exactly the state of a replay without one
    node.misbehaviour = answer(200, id -> "{\"id\":" + id + ",\"result\":" + "[".repeat(100) + "]".repeat(100) + "}");
    TrustedNodeTrust broken = trust(node.uri(), Duration.ofSeconds(1), 1 << 20);
    List<BlockResult> results = new ArrayList<>();
    try (ChainStore store = replay(broken, false, results)) {
      assertThat(results).allMatch(BlockResult::applied);
      assertThat(store.stateHash()).isEqualTo(plainStateHash);
    }
    assertThat(broken.failures()).isPositive();
  }

  // ---- chain id, owner special authorities, several nodes --------------------------------------

  @Test
  void aNodeOnAnotherChainIsRefusedForGoodAndNeverUsed() {
    node.methods.put("get_chain_id", args -> F.textNode("4018d7844c78f6a6c41c6a552b898022310fc5dec06da467ee7905a8dad512c8"));
    TrustedNodeTrust t = trust(node.uri(), Duration.ofSeconds(2), 1 << 20);
    long m = lastMaintenanceTime();
    assertThat(t.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(m), null)).isEmpty();
    assertThat(t.lastError().orElseThrow().kind()).isEqualTo(Kind.WRONG_CHAIN);
    assertThat(t.lastError().orElseThrow().getMessage()).contains("4018d784").contains(genesis.chainId().toHex());
    assertThat(t.refused()).containsExactly(node.uri());
    assertThat(node.requests.get()).as("only get_chain_id was asked").isEqualTo(1);
    // a replay with it: no answer is ever asked for, and the state is that of a replay without it
    List<BlockResult> results = new ArrayList<>();
    try (ChainStore store = replay(t, false, results)) {
      assertThat(results).allMatch(BlockResult::applied);
      assertThat(store.stateHash()).isEqualTo(plainStateHash);
    }
    assertThat(node.requests.get()).isEqualTo(1);
    assertThat(t.failures()).isEqualTo(1);
    // a chain id that is not one is a malformed answer, and the node is asked again later
    node.methods.put("get_chain_id", args -> F.numberNode(7));
    TrustedNodeTrust t2 = trust(node.uri(), Duration.ofSeconds(2), 1 << 20);
    assertThat(t2.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(m), null)).isEmpty();
    assertThat(t2.lastError().orElseThrow().kind()).isEqualTo(Kind.MALFORMED);
    assertThat(t2.refused()).isEmpty();
  }

  @Test
  void anOwnerTopHoldersSpecialAuthorityIsTaken() {
    // nathan's owner (not its active) is controlled by its top holders (update_top_n_authorities, is_owner)
    ObjectNode special = F.objectNode();
    special.put("id", "2.14.0");
    special.put("account", nathan.id().toString());
    ObjectNode nathanObject = FakeCoreNode.account(nathan, nathan.active(), "TEST", genesisTime());
    nathanObject.set("owner", ProtocolJson.toJson(topHolders, "TEST"));
    ObjectNode top = F.objectNode();
    top.put("asset", "1.3.0");
    top.put("num_top_holders", 2);
    nathanObject.set("owner_special_authority", F.arrayNode().add(1).add(top));
    objects.put("2.14.0", special);
    objects.put(nathan.id().toString(), nathanObject);
    TrustedNodeTrust t = trust(node.uri(), Duration.ofSeconds(2), 1 << 20);
    assertThat(nathan.owner()).isNotEqualTo(topHolders);
    List<BlockResult> results = new ArrayList<>();
    try (ChainStore store = replay(t, true, results)) {
      assertThat(results).allMatch(BlockResult::applied);
      AccountRecord after = store.state().account(nathan.id()).orElseThrow();
      assertThat(after.owner()).isEqualTo(topHolders);
      assertThat(after.active()).isEqualTo(nathan.active());
    }
    assertThat(t.cached().orElseThrow().ownerAuthorities()).containsOnlyKeys(nathan.id());
    assertThat(t.cached().orElseThrow().activeAuthorities()).doesNotContainKey(nathan.id());
  }

  /** A second node serving the same chain; {@code witnesses} its active set. */
  FakeCoreNode second(List<String> witnesses) throws IOException {
    FakeCoreNode n = new FakeCoreNode();
    serve(n, FakeCoreNode.dynamicGlobals(head, lastMaintenanceTime()), FakeCoreNode.globals(genesisParameters(), witnesses), objects);
    return n;
  }

  @Test
  void twoAgreeingNodesAreUsed() throws IOException {
    try (FakeCoreNode other = second(SERVED_WITNESSES)) {
      TrustedNodeTrust t = trust(List.of(node.uri(), other.uri()), Duration.ofSeconds(2), 1 << 20);
      Optional<MaintenanceTrust.Snapshot> s =
          t.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(lastMaintenanceTime()), null);
      assertThat(s).isPresent();
      assertThat(s.get().activeWitnesses()).containsExactlyElementsOf(SERVED_WITNESSES.stream().map(ObjectId::parse).toList());
      assertThat(s.get().activeAuthorities().get(ObjectId.account(0))).isEqualTo(committeeActive);
      assertThat(t.lastRound().orElseThrow().answers()).containsOnlyKeys(node.uri(), other.uri());
      assertThat(node.requests.get()).isEqualTo(6);
      assertThat(other.requests.get()).isEqualTo(6);
      assertThat(t.fetches()).isEqualTo(2);
      assertThat(t.disagreements()).isZero();
      assertThat(t.failures()).isZero();
    }
  }

  @Test
  void twoDisagreeingNodesCoverNothingAndTheDisagreementIsTypedAndNamed() throws IOException {
    List<String> otherSet = List.of("1.6.1", "1.6.2", "1.6.3", "1.6.4", "1.6.6");
    ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(TrustedNodeTrust.class);
    var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    appender.start();
    log.addAppender(appender);
    try (FakeCoreNode other = second(otherSet)) {
      TrustedNodeTrust t = trust(List.of(node.uri(), other.uri()), Duration.ofSeconds(2), 1 << 20);
      assertThat(t.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(lastMaintenanceTime()), null)).isEmpty();
      assertThat(t.disagreements()).isEqualTo(1);
      assertThat(appender.list).anySatisfy(ev -> {
        assertThat(ev.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        assertThat(ev.getFormattedMessage()).contains("disagreement").contains(other.uri().toString());
      });
      TrustedNodeException e = t.lastError().orElseThrow();
      assertThat(e.kind()).isEqualTo(Kind.DISAGREEMENT);
      assertThat(e.getMessage()).contains(other.uri().toString()).contains("active witnesses").contains("1.6.6");
      // a replay with them learns the set from production instead, and applies every block
      TrustedNodeTrust r = trust(List.of(node.uri(), other.uri()), Duration.ofSeconds(2), 1 << 20);
      List<BlockResult> results = new ArrayList<>();
      try (ChainStore store = replay(r, true, results)) {
        assertThat(results).allMatch(BlockResult::applied);
        assertThat(store.state().account(ObjectId.account(0)).orElseThrow().active()).isNotEqualTo(committeeActive);
      }
      assertThat(r.disagreements()).isEqualTo(1);
      assertThat(r.cached()).isEmpty();
    } finally {
      log.detachAppender(appender);
    }
    // a disagreement on an authority is as much one as on the witness set
    try (FakeCoreNode other = new FakeCoreNode()) {
      Map<String, JsonNode> otherObjects = new HashMap<>(objects);
      otherObjects.put("1.2.1", FakeCoreNode.account(accounts.get(ObjectId.account(1)),
          new Authority(2, witnessActive.accountAuths(), Map.of(), Map.of()), "TEST", genesisTime()));
      serve(other, FakeCoreNode.dynamicGlobals(head, lastMaintenanceTime()), FakeCoreNode.globals(genesisParameters(), SERVED_WITNESSES),
          otherObjects);
      TrustedNodeTrust t = trust(List.of(node.uri(), other.uri()), Duration.ofSeconds(2), 1 << 20);
      assertThat(t.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(lastMaintenanceTime()), null)).isEmpty();
      assertThat(t.lastError().orElseThrow().getMessage()).contains(other.uri().toString()).contains("1.2.1.active");
    }
  }

  @Test
  void oneNodeDownAndOneUpTheReachableOneDecides() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI dead = URI.create("http://127.0.0.1:" + port + "/rpc");
    TrustedNodeTrust t = trust(List.of(dead, node.uri()), Duration.ofSeconds(1), 1 << 20);
    Optional<MaintenanceTrust.Snapshot> s = t.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(lastMaintenanceTime()), null);
    assertThat(s).isPresent();
    assertThat(s.get().activeWitnesses()).hasSize(SERVED_WITNESSES.size());
    assertThat(t.lastRound().orElseThrow().errors().get(dead).kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(t.lastRound().orElseThrow().answers()).containsOnlyKeys(node.uri());
    assertThat(t.failures()).isEqualTo(1);
    // a replay of history with them: asked once (the round covers every older maintenance), the dead node not again
    TrustedNodeTrust r = trust(List.of(dead, node.uri()), Duration.ofSeconds(1), 1 << 20);
    List<BlockResult> results = new ArrayList<>();
    try (ChainStore store = replay(r, true, results)) {
      assertThat(results).allMatch(BlockResult::applied);
      assertThat(store.state().account(ObjectId.account(0)).orElseThrow().active()).isEqualTo(committeeActive);
    }
    assertThat(r.fetches()).as("one round: one attempt per node").isEqualTo(2);
    assertThat(r.failures()).isEqualTo(1);
    // a node in another (older) maintenance does not block the one in it either
    try (FakeCoreNode behind = new FakeCoreNode()) {
      serve(behind, FakeCoreNode.dynamicGlobals(head, lastMaintenanceTime() - 3600), FakeCoreNode.globals(genesisParameters(),
          List.of("1.6.1", "1.6.2", "1.6.3", "1.6.4", "1.6.6")), objects);
      TrustedNodeTrust t2 = trust(List.of(behind.uri(), node.uri()), Duration.ofSeconds(1), 1 << 20);
      assertThat(t2.afterMaintenance(lastMaintenanceNum(), Instant.ofEpochSecond(lastMaintenanceTime()), null)).isPresent();
      assertThat(t2.disagreements()).isZero();
    }
    // the same node given twice is a configuration error
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> trust(List.of(node.uri(), node.uri()), Duration.ofSeconds(1), 1 << 20))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
