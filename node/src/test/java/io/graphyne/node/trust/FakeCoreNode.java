package io.graphyne.node.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.graphyne.protocol.json.ProtocolJson;
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
final class FakeCoreNode implements AutoCloseable {
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
  final Map<String, Function<JsonNode, JsonNode>> methods = new HashMap<>();
  final AtomicInteger requests = new AtomicInteger();
  volatile Misbehaviour misbehaviour;

  FakeCoreNode() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(pool);
    server.createContext("/rpc", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rpc");
  }

  String hostPort() {
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
  static Function<JsonNode, JsonNode> objects(Map<String, JsonNode> byId) {
    return args -> {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode id : args.path(0)) {
        out.add(byId.getOrDefault(id.asText(), JsonNodeFactory.instance.nullNode()));
      }
      return out;
    };
  }

  static ArrayNode strings(List<String> s) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    s.forEach(a::add);
    return a;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
