package io.graphyne.node.trust;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.node.trust.TrustedNodeException.Kind;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded JSON-RPC 2.0 client for bitshares-core's HTTP endpoint ({@code POST /} or {@code /rpc}
 * with {@code {"method":"call","params":[api, method, args]}}). Every call has one deadline for
 * the whole answer (headers and body), a byte limit enforced while the body streams in, and a
 * nesting-depth limit on the JSON; every failure is a {@link TrustedNodeException}.
 */
public final class JsonRpcClient {
  /**
   * Limits of one call.
   *
   * @param timeout deadline for the whole answer (connect, headers, body)
   * @param maxResponseBytes largest body accepted
   * @param maxDepth deepest JSON nesting accepted
   */
  public record Limits(Duration timeout, int maxResponseBytes, int maxDepth) {
    /** 2 s, 4 MiB, depth 64 (a global_property_object with its fee schedule is ~30 KB, depth 8). */
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(2), 4 << 20, 64);

    public Limits {
      if (timeout.isNegative() || timeout.isZero() || maxResponseBytes < 16 || maxDepth < 4) {
        throw new IllegalArgumentException("bad limits " + timeout + " " + maxResponseBytes + " " + maxDepth);
      }
    }
  }

  private final URI uri;
  private final Limits limits;
  private final HttpClient http;
  private final ObjectMapper mapper;
  private final AtomicLong nextId = new AtomicLong(1);

  public JsonRpcClient(URI uri, Limits limits) {
    this.uri = uri;
    this.limits = limits;
    this.http = HttpClient.newBuilder().connectTimeout(limits.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    JsonFactory f = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth())
            .maxStringLength(limits.maxResponseBytes()).build())
        .build();
    this.mapper = new ObjectMapper(f)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  public URI uri() {
    return uri;
  }

  /** {@code call(api, method, args)}; returns the {@code result} member. */
  public JsonNode call(String api, String method, JsonNode args) {
    return call(api, method, args, limits.timeout());
  }

  /** The same within {@code timeout} (at most the limit's). */
  public JsonNode call(String api, String method, JsonNode args, Duration timeout) {
    Duration t = timeout.compareTo(limits.timeout()) < 0 ? timeout : limits.timeout();
    if (t.isNegative() || t.isZero()) {
      throw new TrustedNodeException(Kind.TIMEOUT, method + ": no time left");
    }
    long id = nextId.getAndIncrement();
    ObjectNode req = mapper.createObjectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", id);
    req.put("method", "call");
    ArrayNode p = req.putArray("params");
    p.add(api);
    p.add(method);
    p.add(args);
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(req);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest r = HttpRequest.newBuilder(uri).timeout(t)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(r, info -> new Bounded(limits.maxResponseBytes()));
    HttpResponse<byte[]> resp;
    try {
      resp = f.get(t.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new TrustedNodeException(Kind.TIMEOUT, method + " took more than " + t.toMillis() + " ms");
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new TrustedNodeException(Kind.INTERRUPTED, method);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof TrustedNodeException tne) {
        throw tne;
      }
      if (c instanceof HttpTimeoutException) {
        throw new TrustedNodeException(Kind.TIMEOUT, method + ": " + c.getMessage());
      }
      if (c instanceof ConnectException || c instanceof IOException) {
        Throwable inner = c.getCause() instanceof TrustedNodeException tne ? tne : null;
        if (inner != null) {
          throw (TrustedNodeException) inner;
        }
        throw new TrustedNodeException(Kind.UNREACHABLE, uri + ": " + c, c);
      }
      throw new TrustedNodeException(Kind.UNREACHABLE, uri + ": " + c, c);
    }
    if (resp.statusCode() != 200) {
      throw new TrustedNodeException(Kind.HTTP_STATUS, method + ": HTTP " + resp.statusCode());
    }
    return result(resp.body(), method, id);
  }

  /** The {@code result} of a JSON-RPC answer to request {@code id}; anything else is a typed error. */
  JsonNode result(byte[] body, String method, long id) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (StreamConstraintsException e) {
      throw new TrustedNodeException(Kind.MALFORMED, method + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new TrustedNodeException(Kind.MALFORMED, method + ": not JSON (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new TrustedNodeException(Kind.MALFORMED, method + ": answer is not a JSON object");
    }
    if (root.has("error") && !root.get("error").isNull()) {
      JsonNode err = root.get("error");
      String msg = err.path("message").asText(err.toString());
      throw new TrustedNodeException(Kind.RPC_ERROR, method + ": " + (msg.length() > 200 ? msg.substring(0, 200) + "..." : msg));
    }
    if (!root.path("id").canConvertToLong() || root.path("id").asLong() != id) {
      throw new TrustedNodeException(Kind.MALFORMED, method + ": answer id " + root.path("id") + " is not " + id);
    }
    if (!root.has("result")) {
      throw new TrustedNodeException(Kind.MALFORMED, method + ": no result");
    }
    return root.get("result");
  }

  /** Collects the body and fails as soon as it grows past the limit. */
  private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Bounded(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if (out.size() + b.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new TrustedNodeException(Kind.TOO_LARGE, "answer larger than " + max + " bytes"));
          return;
        }
        byte[] a = new byte[b.remaining()];
        b.get(a);
        out.write(a, 0, a.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }

  /** Parses untrusted JSON under this client's limits (depth, string length). */
  JsonNode parse(byte[] json) {
    try {
      return mapper.readTree(json);
    } catch (StreamConstraintsException e) {
      throw new TrustedNodeException(Kind.MALFORMED, e.getOriginalMessage());
    } catch (IOException e) {
      throw new TrustedNodeException(Kind.MALFORMED, "not JSON (" + e.getClass().getSimpleName() + ")");
    }
  }
}
