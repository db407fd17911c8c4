package io.graphyne.chainstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.Bytes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that is writing blocks with SIGKILL at random moments, then checks that the
 * store opens, its head is a completely written block no older than the last acknowledged one,
 * its indexes verify, and its state hash equals a replay of the same blocks into a fresh in-memory
 * store. {@code -Dgraphyne.crash.kills=N} (default 20), {@code -Dgraphyne.crash.seed=S}.
 */
class CrashDurabilityIT {
  static final int ACCOUNT_SPACE = 300;
  static final long LIB_LAG = 25;

  @TempDir Path tmp;

  @Test
  void survivesRandomSigkills() throws Exception {
    int kills = Integer.getInteger("graphyne.crash.kills", 20);
    long seed = Long.getLong("graphyne.crash.seed", System.nanoTime());
    System.out.println("CrashDurabilityIT seed=" + seed + " kills=" + kills);
    SplittableRandom rnd = new SplittableRandom(seed);
    RandomChain chain = new RandomChain(seed, ACCOUNT_SPACE, LIB_LAG);
    Path dir = tmp.resolve("db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    List<Long> heads = new ArrayList<>();
    try (ChainStore replica = ChainStore.inMemory(RandomChain.CHAIN_ID)) {
      for (int kill = 0; kill < kills; kill++) {
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, CrashWriter.class.getName(),
                dir.toString(), Long.toString(seed), "120000")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        AtomicLong acked = new AtomicLong(-1);
        java.util.Deque<String> tail = new java.util.concurrent.ConcurrentLinkedDeque<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
          try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
              tail.addLast(line);
              if (tail.size() > 12) {
                tail.pollFirst();
              }
              String[] parts = line.split(" ");
              if (parts.length == 2 && (parts[0].equals("READY") || parts[0].equals("C") || parts[0].equals("P"))) {
                acked.set(Long.parseLong(parts[1]));
                ready.countDown();
              }
            }
          } catch (java.io.IOException ignored) {
            // the child died
          }
        }, "crash-child-reader");
        reader.start();
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("child started").isTrue();
        Thread.sleep(20 + rnd.nextInt(900));
        // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the
        // child's stdout and drop acknowledgements still in the pipe.
        p.toHandle().destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(p.exitValue()).as("child was killed, did not exit").isEqualTo(137);

        try (ChainStore store = ChainStore.openRocksDb(dir, RandomChain.CHAIN_ID, CrashWriter.CONFIG, StoreOptions.defaults())) {
          Head head = store.head();
          heads.add(head.blockNum());
          assertThat(Math.abs(head.blockNum() - acked.get()))
              .as("head %d vs last acknowledged %d; child's last lines %s", head.blockNum(), acked.get(), tail).isLessThanOrEqualTo(1);
          if (head.blockNum() > 0) {
            assertThat(head.blockId()).isEqualTo(chain.blockId(head.blockNum()));
            assertThat(store.state().block(head.blockNum()))
                .hasValueSatisfying(raw -> assertThat(raw).isEqualTo(chain.rawBlock(head.blockNum())));
            assertThat(store.state().block(head.blockNum() + 1)).isEmpty();
          }
          assertThat(store.verify().problems()).as("indexes after kill %d", kill).isEmpty();
          while (replica.head().blockNum() > head.blockNum()) {
            replica.popBlock();
          }
          while (replica.head().blockNum() < head.blockNum()) {
            chain.apply(replica, replica.head().blockNum() + 1);
          }
          Bytes expected = replica.stateHash();
          assertThat(store.stateHash()).as("state hash at %d after kill %d", head.blockNum(), kill).isEqualTo(expected);
        }
      }
    }
    System.out.println("CrashDurabilityIT heads after each kill: " + heads);
    assertThat(heads.get(heads.size() - 1)).isGreaterThan(0);
  }
}
