package io.graphyne.config.node;

import java.util.Objects;

/** A TCP endpoint {@code host:port} (port 0 = any free port). */
public record HostPort(String host, int port) {
  public HostPort {
    Objects.requireNonNull(host);
    if (host.isEmpty() || host.length() > 253) {
      throw new IllegalArgumentException("bad host '" + host + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** Parses {@code host:port} (IPv6 as {@code [addr]:port}). */
  public static HostPort parse(String s) {
    String v = s.strip();
    int colon = v.lastIndexOf(':');
    if (colon <= 0 || colon == v.length() - 1) {
      throw new IllegalArgumentException("expected host:port, got '" + s + "'");
    }
    String host = v.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(v.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in '" + s + "'");
    }
    return new HostPort(host, port);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
