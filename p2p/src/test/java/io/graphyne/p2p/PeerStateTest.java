package io.graphyne.p2p;

import io.graphyne.testing.Vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.p2p.chain.MemoryChain;
import io.graphyne.p2p.message.BlockIds;
import io.graphyne.p2p.session.BanList;
import io.graphyne.p2p.session.DisconnectReason;
import io.graphyne.p2p.session.PeerDatabase;
import io.graphyne.protocol.Bytes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ban expiry, the peer database, and the synopsis / block-id answers of §4.3. */
class PeerStateTest {
  static MemoryChain chain;

  @BeforeAll
  static void load() throws Exception {
    chain = MemoryChain.load(Vectors.path("private-chain/blocks.hex"));
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void bansExpire() {
    MutableClock clock = new MutableClock();
    BanList bans = new BanList(clock);
    bans.ban("10.0.0.1", DisconnectReason.OVERSIZE_FRAME, Duration.ofMinutes(10));
    assertThat(bans.banOf("10.0.0.1")).hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo(DisconnectReason.OVERSIZE_FRAME));
    assertThat(bans.isBanned("10.0.0.2")).isFalse();
    clock.now = clock.now.plus(Duration.ofMinutes(9));
    assertThat(bans.isBanned("10.0.0.1")).isTrue();
    clock.now = clock.now.plus(Duration.ofMinutes(1));
    assertThat(bans.isBanned("10.0.0.1")).isFalse();
    assertThat(bans.size()).isZero();
  }

  @Test
  void banListIsBounded() {
    BanList bans = new BanList(new MutableClock());
    for (int i = 0; i < BanList.MAX_ENTRIES + 50; i++) {
      bans.ban("h" + i, DisconnectReason.FLOODING, Duration.ofHours(1));
    }
    assertThat(bans.size()).isEqualTo(BanList.MAX_ENTRIES);
    assertThat(bans.isBanned("h0")).isFalse();
    assertThat(bans.isBanned("h" + (BanList.MAX_ENTRIES + 49))).isTrue();
  }

  @Test
  void peerDatabasePersistsAndBacksOff(@TempDir Path dir) throws Exception {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    PeerDatabase db = new PeerDatabase();
    db.add("1.2.3.4:1776", t);
    db.add("5.6.7.8:1776", t.plusSeconds(5));
    db.attempted("1.2.3.4:1776", t.plusSeconds(10), false);
    assertThat(db.candidates(t.plusSeconds(20), 10)).containsExactly("5.6.7.8:1776");
    // (1 failure + 1) x 30 s later it may be retried
    assertThat(db.candidates(t.plusSeconds(71), 10)).containsExactly("5.6.7.8:1776", "1.2.3.4:1776");
    Path f = dir.resolve("p2p/peers.json");
    db.save(f);
    PeerDatabase back = PeerDatabase.load(f);
    assertThat(back.entries()).isEqualTo(db.entries().stream().map(e -> new PeerDatabase.Entry(
        e.endpoint(), Instant.ofEpochSecond(e.lastSeen().getEpochSecond()), Instant.ofEpochSecond(e.lastAttempt().getEpochSecond()),
        e.failedAttempts())).toList());
    assertThat(PeerDatabase.load(dir.resolve("missing.json")).size()).isZero();
  }

  @Test
  void synopsisFollowsTheHalvingRule() {
    // spec §4.3 example: LIB = 1, head = 10 -> blocks 1, 6, 9, 10
    MemoryChain ten = new MemoryChain();
    for (int i = 1; i <= 10; i++) {
      ten.append(chain.blockOf(i), io.graphyne.p2p.chain.BlockHeaders.parse(chain.blockOf(i).unsafeArray()));
    }
    assertThat(ten.synopsis(1)).extracting(BlockIds::num).containsExactly(1L, 6L, 9L, 10L);
    assertThat(ten.synopsis()).extracting(BlockIds::num).containsExactly(10L);
    assertThat(new MemoryChain().synopsis()).isEmpty();
    // the real node's synopsis for LIB 656, head 659 was 656, 658, 659; the same rule on our data:
    assertThat(chain.synopsis(217)).extracting(BlockIds::num).containsExactly(217L, 219L, 220L);
  }

  @Test
  void blockIdsAfterASynopsis() {
    ChainAccess.IdsAfter all = chain.blockIdsAfter(List.of(), 2000);
    assertThat(all.ids()).hasSize(220);
    assertThat(BlockIds.num(all.ids().get(0))).isEqualTo(1);
    assertThat(all.remaining()).isZero();
    ChainAccess.IdsAfter some = chain.blockIdsAfter(List.of(), 100);
    assertThat(some.ids()).hasSize(100);
    assertThat(some.remaining()).isEqualTo(120);
    // starts with the newest synopsis entry we know, inclusive
    ChainAccess.IdsAfter after = chain.blockIdsAfter(List.of(chain.idOf(5), chain.idOf(50), Bytes.fromHex("ff".repeat(20))), 10);
    assertThat(after.ids()).extracting(BlockIds::num).containsExactly(50L, 51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L, 59L);
    assertThat(after.remaining()).isEqualTo(161);
    // head only: that single id, nothing remaining (the in-sync confirmation)
    assertThat(chain.blockIdsAfter(List.of(chain.idOf(220)), 2000).ids()).containsExactly(chain.idOf(220));
    // nothing recognised: empty
    assertThat(chain.blockIdsAfter(List.of(Bytes.fromHex("ee".repeat(20))), 2000).ids()).isEmpty();
  }
}
