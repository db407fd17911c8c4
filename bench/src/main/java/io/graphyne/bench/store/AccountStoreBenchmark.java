package io.graphyne.bench.store;

import io.graphyne.chainstore.AccountRecord;
import io.graphyne.chainstore.BlockChanges;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.StateSnapshot;
import io.graphyne.chainstore.StoreOptions;
import io.graphyne.chainstore.kv.RocksConfig;
import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH companion of {@link StoreBench} on a smaller store: authority lookups through the account
 * cache (hot set that fits) versus straight from RocksDB (snapshot, uniform over all accounts), and
 * applying + committing a block that rewrites 100 random accounts.
 * Run: {@code scripts/bench store-jmh [jmh options]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AccountStoreBenchmark {
  @Param({"200000"})
  int accounts;

  @Param({"50000"})
  int cacheEntries;

  Path dir;
  ChainStore store;
  StateSnapshot snapshot;
  PublicKey[] keys;
  SplittableRandom rnd = new SplittableRandom(7);
  long blockNum;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("graphyne-store-jmh");
    store = ChainStore.openRocksDb(dir, StoreBench.CHAIN, RocksConfig.defaults(), new StoreOptions(cacheEntries));
    keys = new PublicKey[4096];
    for (int i = 0; i < keys.length; i++) {
      byte[] k = new byte[33];
      k[0] = 2;
      System.arraycopy(Hashes.sha256(("jmh-key-" + i).getBytes()), 0, k, 1, 32);
      keys[i] = PublicKey.wrap(k);
    }
    for (int base = 0; base < accounts; base += 10_000) {
      blockNum++;
      try (BlockChanges b = store.beginBlock(blockNum, StoreBench.blockId(blockNum), new byte[64])) {
        for (int i = base; i < Math.min(accounts, base + 10_000); i++) {
          b.putAccount(StoreBench.randomAccount(rnd, keys, i, accounts));
        }
        b.setLastIrreversible(blockNum);
        b.commit();
      }
    }
    for (int i = 0; i < cacheEntries / 2; i++) {
      store.state().account(ObjectId.account(i));
    }
    snapshot = store.snapshot();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    snapshot.close();
    store.close();
    StoreBench.deleteTree(dir);
  }

  @Benchmark
  public long lookupCacheHit() {
    AccountRecord a = store.state().account(ObjectId.account(rnd.nextInt(cacheEntries / 2))).orElseThrow();
    return StoreBench.authorityWeight(a);
  }

  @Benchmark
  public long lookupRocksDbMiss() {
    AccountRecord a = snapshot.account(ObjectId.account(rnd.nextInt(accounts))).orElseThrow();
    return StoreBench.authorityWeight(a);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long commitBlockOf100Accounts() {
    blockNum++;
    try (BlockChanges b = store.beginBlock(blockNum, StoreBench.blockId(blockNum), new byte[2048])) {
      for (int i = 0; i < 100; i++) {
        b.putAccount(StoreBench.randomAccount(rnd, keys, rnd.nextInt(accounts), accounts));
      }
      b.setLastIrreversible(Math.max(0, blockNum - 20));
      return b.commit().blockNum();
    }
  }
}
