package io.graphyne.p2p.session;

import io.graphyne.protocol.Bytes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a P2P node. Defaults follow bitshares-core (spec/p2p.md §4.6, §5).
 *
 * @param chainId the chain we are on (hello.chain_id)
 * @param listenPort 0 = do not accept inbound connections; -1 = listen on an ephemeral port; else the TCP
 *     port to bind on listenHost
 * @param inactivityTimeout A = 10 × block interval: silence after which an active peer is dropped
 * @param handshakeTimeout how long a connection may stay handshaking without traffic
 * @param requestTimeout how long an item-ids or items request may stay unanswered
 * @param banDuration how long a misbehaving peer stays banned
 * @param peerDatabase where known peer addresses are persisted (empty = not persisted)
 */
public record P2pConfig(
    Bytes chainId,
    String userAgent,
    String listenHost,
    int listenPort,
    int maxPeers,
    int desiredPeers,
    List<String> seeds,
    Duration inactivityTimeout,
    Duration handshakeTimeout,
    Duration requestTimeout,
    Duration banDuration,
    int maxBlocksPerFetch,
    Optional<Path> peerDatabase) {

  public static final String DEFAULT_USER_AGENT = "Graphyne/0.1";
  public static final int PROTOCOL_VERSION = 106;

  public P2pConfig {
    Objects.requireNonNull(chainId);
    if (chainId.length() != 32) {
      throw new IllegalArgumentException("chain id must be 32 bytes");
    }
    seeds = List.copyOf(seeds);
    if (maxBlocksPerFetch < 1 || maxBlocksPerFetch > 2000) {
      throw new IllegalArgumentException("maxBlocksPerFetch out of range");
    }
  }

  /** Core's defaults: 20 desired / 200 max peers, 30 s inactivity, 5 s handshake, 6 s requests. */
  public static P2pConfig defaults(Bytes chainId) {
    return new P2pConfig(
        chainId, DEFAULT_USER_AGENT, "0.0.0.0", 0, 200, 20, List.of(),
        Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(6), Duration.ofHours(1),
        200, Optional.empty());
  }

  public P2pConfig withListen(String host, int port) {
    return new P2pConfig(chainId, userAgent, host, port, maxPeers, desiredPeers, seeds, inactivityTimeout,
        handshakeTimeout, requestTimeout, banDuration, maxBlocksPerFetch, peerDatabase);
  }

  public P2pConfig withSeeds(List<String> s) {
    return new P2pConfig(chainId, userAgent, listenHost, listenPort, maxPeers, desiredPeers, s, inactivityTimeout,
        handshakeTimeout, requestTimeout, banDuration, maxBlocksPerFetch, peerDatabase);
  }

  public P2pConfig withMaxPeers(int max, int desired) {
    return new P2pConfig(chainId, userAgent, listenHost, listenPort, max, desired, seeds, inactivityTimeout,
        handshakeTimeout, requestTimeout, banDuration, maxBlocksPerFetch, peerDatabase);
  }

  public P2pConfig withTimeouts(Duration inactivity, Duration handshake, Duration request) {
    return new P2pConfig(chainId, userAgent, listenHost, listenPort, maxPeers, desiredPeers, seeds, inactivity,
        handshake, request, banDuration, maxBlocksPerFetch, peerDatabase);
  }

  public P2pConfig withBanDuration(Duration d) {
    return new P2pConfig(chainId, userAgent, listenHost, listenPort, maxPeers, desiredPeers, seeds, inactivityTimeout,
        handshakeTimeout, requestTimeout, d, maxBlocksPerFetch, peerDatabase);
  }

  public P2pConfig withPeerDatabase(Path p) {
    return new P2pConfig(chainId, userAgent, listenHost, listenPort, maxPeers, desiredPeers, seeds, inactivityTimeout,
        handshakeTimeout, requestTimeout, banDuration, maxBlocksPerFetch, Optional.ofNullable(p));
  }

  public P2pConfig withUserAgent(String ua) {
    return new P2pConfig(chainId, ua, listenHost, listenPort, maxPeers, desiredPeers, seeds, inactivityTimeout,
        handshakeTimeout, requestTimeout, banDuration, maxBlocksPerFetch, peerDatabase);
  }
}
