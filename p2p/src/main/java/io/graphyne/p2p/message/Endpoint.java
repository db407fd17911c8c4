package io.graphyne.p2p.message;

import io.graphyne.protocol.codec.FcReader;
import io.graphyne.protocol.codec.FcWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * fc::ip::endpoint: IPv4 address as the uint32 numeric value (a.b.c.d sent as d,c,b,a) and a
 * uint16 port, 6 bytes on the wire.
 */
public record Endpoint(int address, int port) {
  public static final Endpoint NONE = new Endpoint(0, 0);

  public Endpoint {
    if (port < 0 || port > 0xffff) {
      throw new IllegalArgumentException("port " + port);
    }
  }

  public static Endpoint read(FcReader r) {
    int a = r.i32();
    int p = r.u16();
    return new Endpoint(a, p);
  }

  public void write(FcWriter w) {
    w.i32(address).u16(port);
  }

  public static Endpoint of(InetSocketAddress sa) {
    InetAddress a = sa.getAddress();
    int v = 0;
    if (a instanceof Inet4Address) {
      byte[] b = a.getAddress();
      v = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }
    return new Endpoint(v, sa.getPort());
  }

  public static Endpoint parse(String hostPort) {
    int c = hostPort.lastIndexOf(':');
    String[] parts = hostPort.substring(0, c).split("\\.");
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 endpoint: " + hostPort);
    }
    int v = 0;
    for (String p : parts) {
      int o = Integer.parseInt(p);
      if (o < 0 || o > 255) {
        throw new IllegalArgumentException("not an IPv4 endpoint: " + hostPort);
      }
      v = v << 8 | o;
    }
    return new Endpoint(v, Integer.parseInt(hostPort.substring(c + 1)));
  }

  public String host() {
    return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
  }

  @Override
  public String toString() {
    return host() + ":" + port;
  }
}
