package io.graphyne.node.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.graphyne.chainstore.AccountRecord;
import io.graphyne.chainstore.DynamicProperties;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.protocol.types.Authority;
import java.time.Instant;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback HTTP server that answers bitshares-core's {@code POST /rpc} JSON-RPC the way a
 * witness_node does ({@code {"id":N,"jsonrpc":"2.0","result":...}}) from objects a test sets, or
 * misbehaves as a test says.
 */
public final class FakeCoreNode implements AutoCloseable {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final java.time.format.DateTimeFormatter FC_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

  /** How to answer one call; null = the normal answer. */
  interface Misbehaviour {
    void answer(HttpExchange ex, String method, long id) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-core-node");
    t.setDaemon(true);
    return t;
  });
  public final Map<String, Function<JsonNode, JsonNode>> methods = new HashMap<>();
  public final AtomicInteger requests = new AtomicInteger();
  volatile Misbehaviour misbehaviour;

  public FakeCoreNode() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(pool);
    server.createContext("/rpc", this::handle);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc");
  }

  public String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      requests.incrementAndGet();
      JsonNode req = ProtocolJson.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      long id = req.path("id").asLong();
      JsonNode params = req.path("params");
      String api = params.path(0).asText();
      String method = params.path(1).asText();
      Misbehaviour m = misbehaviour;
      if (m != null) {
        m.answer(ex, method, id);
        return;
      }
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      out.put("id", id);
      out.put("jsonrpc", "2.0");
      Function<JsonNode, JsonNode> f = methods.get(method);
      if (!req.path("method").asText().equals("call") || !api.equals("database") || f == null) {
        ObjectNode err = out.putObject("error");
        err.put("code", 1);
        err.put("message", "Assert Exception: itr != _by_name.end(): no method with name '" + method + "'");
      } else {
        out.set("result", f.apply(params.path(2)));
      }
      send(ex, 200, ProtocolJson.write(out).getBytes(StandardCharsets.UTF_8));
    }
  }

  static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    }
  }

  /** get_objects over a map of objects by id (unknown ids answer null, as core does). */
  public static Function<JsonNode, JsonNode> objects(Map<String, JsonNode> byId) {
    return args -> {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode id : args.path(0)) {
        out.add(byId.getOrDefault(id.asText(), JsonNodeFactory.instance.nullNode()));
      }
      return out;
    };
  }

  public static ArrayNode strings(List<String> s) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    s.forEach(a::add);
    return a;
  }

  public static String time(long seconds) {
    return FC_TIME.format(Instant.ofEpochSecond(seconds));
  }

  /** database_api.get_dynamic_global_properties as bitshares-core 7 answers it (its node is at our head). */
  public static ObjectNode dynamicGlobals(DynamicProperties head, long maintenanceTime) {
    ObjectNode o = F.objectNode();
    o.put("id", "2.1.0");
    o.put("head_block_number", head.headBlockNumber());
    o.put("head_block_id", head.headBlockId().toHex());
    o.put("time", time(head.time()));
    o.put("current_witness", "1.6.1");
    o.put("next_maintenance_time", time(head.nextMaintenanceTime()));
    o.put("last_vote_tally_time", time(maintenanceTime));
    o.put("last_budget_time", time(maintenanceTime));
    o.put("witness_budget", 0);
    o.put("total_pob", 0);
    o.put("total_inactive", 0);
    o.put("accounts_registered_this_interval", 0);
    o.put("recently_missed_count", 0);
    o.put("current_aslot", head.currentAslot());
    o.put("recent_slots_filled", new java.math.BigInteger(1, head.recentSlotsFilled().toArray()).toString());
    o.put("dynamic_flags", 0);
    o.put("last_irreversible_block_num", head.lastIrreversibleBlockNum());
    return o;
  }

  /** database_api.get_global_properties: the genesis parameters and the five active witnesses. */
  public static ObjectNode globals(JsonNode parameters, List<String> activeWitnesses) {
    ObjectNode o = F.objectNode();
    o.put("id", "2.0.0");
    o.set("parameters", parameters);
    o.put("next_available_vote_id", 10);
    o.set("active_committee_members", strings(List.of("1.5.0", "1.5.1", "1.5.2", "1.5.3", "1.5.4")));
    o.set("active_witnesses", strings(activeWitnesses));
    return o;
  }

  /** An account_object in bitshares-core 7's JSON shape. */
  public static ObjectNode account(AccountRecord a, Authority active, String prefix, long creationTime) {
    ObjectNode o = F.objectNode();
    o.put("id", a.id().toString());
    o.put("membership_expiration_date", "1969-12-31T23:59:59");
    o.put("registrar", "1.2.0");
    o.put("referrer", "1.2.0");
    o.put("lifetime_referrer", "1.2.0");
    o.put("network_fee_percentage", 2000);
    o.put("lifetime_referrer_fee_percentage", 8000);
    o.put("referrer_rewards_percentage", 0);
    o.put("name", a.name());
    o.set("owner", ProtocolJson.toJson(a.owner(), prefix));
    o.set("active", ProtocolJson.toJson(active, prefix));
    ObjectNode opt = o.putObject("options");
    opt.put("memo_key", prefix + "1111111111111111111111111111111114T1Anm");
    opt.put("voting_account", "1.2.5");
    opt.put("num_witness", 0);
    opt.put("num_committee", 0);
    opt.putArray("votes");
    opt.putArray("extensions");
    o.put("num_committee_voted", 0);
    o.put("statistics", "2.6." + a.id().instance());
    o.putArray("whitelisting_accounts");
    o.putArray("blacklisting_accounts");
    o.putArray("whitelisted_accounts");
    o.putArray("blacklisted_accounts");
    o.set("owner_special_authority", F.arrayNode().add(0).add(F.objectNode()));
    o.set("active_special_authority", F.arrayNode().add(0).add(F.objectNode()));
    o.put("top_n_control_flags", 0);
    o.put("creation_block_num", 0);
    o.put("creation_time", time(creationTime));
    return o;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
