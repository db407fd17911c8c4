package io.graphyne.p2p.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Banned peers (by IP for inbound connections, by host:port for outbound ones) with an expiry.
 * Bounded: the oldest entries are evicted beyond {@link #MAX_ENTRIES}. Thread-safe.
 */
public final class BanList {
  public static final int MAX_ENTRIES = 10_000;

  /** One ban. */
  public record Ban(String key, DisconnectReason reason, Instant until) {}

  private final Clock clock;
  private final Map<String, Ban> bans = new LinkedHashMap<>();

  public BanList(Clock clock) {
    this.clock = clock;
  }

  public synchronized void ban(String key, DisconnectReason reason, Duration duration) {
    bans.remove(key);
    bans.put(key, new Ban(key, reason, clock.instant().plus(duration)));
    while (bans.size() > MAX_ENTRIES) {
      bans.remove(bans.keySet().iterator().next());
    }
  }

  public synchronized Optional<Ban> banOf(String key) {
    Ban b = bans.get(key);
    if (b == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(b.until())) {
      bans.remove(key);
      return Optional.empty();
    }
    return Optional.of(b);
  }

  public boolean isBanned(String key) {
    return banOf(key).isPresent();
  }

  public synchronized int size() {
    bans.values().removeIf(b -> !clock.instant().isBefore(b.until()));
    return bans.size();
  }
}
