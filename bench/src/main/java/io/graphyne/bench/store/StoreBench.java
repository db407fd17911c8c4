package io.graphyne.bench.store;

import io.graphyne.chainstore.AccountRecord;
import io.graphyne.chainstore.BlockChanges;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.StateSnapshot;
import io.graphyne.chainstore.StoreOptions;
import io.graphyne.chainstore.kv.RocksConfig;
import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * {@code scripts/bench store}: a measured harness (one process, so its peak RSS is the figure):
 * inserts N accounts with random authorities into a RocksDB chain store, measures random
 * authority lookups per second (through the bounded cache with a hot set that fits, uniformly over
 * all accounts, and straight from RocksDB on a snapshot), the latency of committing a block that
 * touches 100 accounts, and the process's peak RSS (VmHWM). Prints JSON.
 *
 * <p>Options: {@code --accounts N} (1000000), {@code --lookups N} (1000000), {@code --blocks N}
 * (300), {@code --cache N} (100000 accounts), {@code --block-cache-mb N} (128), {@code --sync
 * true|false} (true), {@code --sync-every N} (1: fsync every block commit), {@code --dir D} (a temporary directory, deleted unless {@code --keep}).
 */
public final class StoreBench {
  private StoreBench() {}

  static final Bytes CHAIN = Bytes.wrap(Hashes.sha256("graphyne-store-bench".getBytes()));

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (args.length % 2 != 0) {
      opt.put(args[args.length - 1].replaceFirst("^--", ""), "true");
    }
    int accounts = Integer.parseInt(opt.getOrDefault("accounts", "1000000"));
    int lookups = Integer.parseInt(opt.getOrDefault("lookups", "1000000"));
    int blocks = Integer.parseInt(opt.getOrDefault("blocks", "300"));
    long cache = Long.parseLong(opt.getOrDefault("cache", "100000"));
    long blockCacheMb = Long.parseLong(opt.getOrDefault("block-cache-mb", "128"));
    boolean sync = Boolean.parseBoolean(opt.getOrDefault("sync", "true"));
    boolean keep = Boolean.parseBoolean(opt.getOrDefault("keep", "false"));
    int syncEvery = Integer.parseInt(opt.getOrDefault("sync-every", "1"));
    Path dir = opt.containsKey("dir") ? Path.of(opt.get("dir")) : Files.createTempDirectory("graphyne-store-bench");

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accounts", accounts);
    out.put("account_cache_entries", cache);
    out.put("rocksdb_block_cache_mb", blockCacheMb);
    out.put("sync_writes", sync);
    out.put("sync_every_blocks", syncEvery);
    out.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    RocksConfig config = RocksConfig.defaults().withBlockCacheBytes(blockCacheMb << 20).withSyncWrites(sync);
    SplittableRandom rnd = new SplittableRandom(20261121);
    PublicKey[] keyPool = new PublicKey[4096];
    for (int i = 0; i < keyPool.length; i++) {
      byte[] k = new byte[33];
      k[0] = (byte) (2 + (i & 1));
      System.arraycopy(Hashes.sha256(("bench-key-" + i).getBytes()), 0, k, 1, 32);
      keyPool[i] = PublicKey.wrap(k);
    }

    try (ChainStore store = ChainStore.openRocksDb(dir, CHAIN, config, new StoreOptions(cache, syncEvery))) {
      // 1. insert
      long blockNum = store.head().blockNum();
      int perBlock = 10_000;
      long t0 = System.nanoTime();
      for (int base = 0; base < accounts; base += perBlock) {
        blockNum++;
        try (BlockChanges b = store.beginBlock(blockNum, blockId(blockNum), new byte[64])) {
          for (int i = base; i < Math.min(accounts, base + perBlock); i++) {
            b.putAccount(randomAccount(rnd, keyPool, i, accounts));
          }
          b.setLastIrreversible(blockNum);
          b.commit();
        }
      }
      double insertSeconds = (System.nanoTime() - t0) / 1e9;
      out.put("insert_seconds", round(insertSeconds));
      out.put("insert_accounts_per_second", Math.round(accounts / insertSeconds));
      out.put("rss_mb_after_insert", rssMb("VmRSS"));

      // 2. lookups
      int hot = (int) Math.min(Math.max(1, cache / 2), accounts);
      long sink = 0;
      for (int i = 0; i < hot; i++) {
        sink += store.state().account(ObjectId.account(i)).orElseThrow().active().weightThreshold();
      }
      long hits0 = store.accountCacheStats().hitCount();
      long miss0 = store.accountCacheStats().missCount();
      t0 = System.nanoTime();
      for (int i = 0; i < lookups; i++) {
        sink += authorityWeight(store.state().account(ObjectId.account(rnd.nextInt(hot))).orElseThrow());
      }
      double s = (System.nanoTime() - t0) / 1e9;
      out.put("lookup_hot_set_accounts", hot);
      out.put("lookups_per_second_cache_hit", Math.round(lookups / s));
      out.put("cache_hit_ratio_hot", ratio(store.accountCacheStats().hitCount() - hits0, store.accountCacheStats().missCount() - miss0));

      hits0 = store.accountCacheStats().hitCount();
      miss0 = store.accountCacheStats().missCount();
      t0 = System.nanoTime();
      for (int i = 0; i < lookups; i++) {
        sink += authorityWeight(store.state().account(ObjectId.account(rnd.nextInt(accounts))).orElseThrow());
      }
      s = (System.nanoTime() - t0) / 1e9;
      out.put("lookups_per_second_uniform_through_cache", Math.round(lookups / s));
      out.put("cache_hit_ratio_uniform", ratio(store.accountCacheStats().hitCount() - hits0, store.accountCacheStats().missCount() - miss0));

      try (StateSnapshot snap = store.snapshot()) {
        t0 = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
          sink += authorityWeight(snap.account(ObjectId.account(rnd.nextInt(accounts))).orElseThrow());
        }
        s = (System.nanoTime() - t0) / 1e9;
      }
      out.put("lookups_per_second_cache_miss_rocksdb", Math.round(lookups / s));
      out.put("rss_mb_after_lookups", rssMb("VmRSS"));

      // 3. commit latency, 100 accounts per block
      long[] total = new long[blocks];
      long[] commitOnly = new long[blocks];
      for (int k = 0; k < blocks; k++) {
        blockNum++;
        long a = System.nanoTime();
        try (BlockChanges b = store.beginBlock(blockNum, blockId(blockNum), new byte[2048])) {
          for (int i = 0; i < 100; i++) {
            b.putAccount(randomAccount(rnd, keyPool, rnd.nextInt(accounts), accounts));
          }
          for (int i = 0; i < 10; i++) {
            b.addTransaction(Bytes.wrap(Arrays.copyOf(Hashes.sha256(("tx" + blockNum + ":" + i).getBytes()), 20)), i, blockNum * 3 + 60);
          }
          b.removeExpiredTransactions(blockNum * 3);
          b.setLastIrreversible(Math.max(0, blockNum - 20));
          long c = System.nanoTime();
          b.commit();
          long d = System.nanoTime();
          total[k] = d - a;
          commitOnly[k] = d - c;
        }
      }
      out.put("block_commit_blocks", blocks);
      out.put("block_apply_and_commit_ms", percentiles(total));
      out.put("block_commit_only_ms", percentiles(commitOnly));
      out.put("sink", sink % 7);

      System.gc();
      Runtime rt = Runtime.getRuntime();
      out.put("heap_used_mb_after_gc", (rt.totalMemory() - rt.freeMemory()) >> 20);
      out.put("account_cache_size", store.accountCacheSize());
      out.put("rss_mb_end", rssMb("VmRSS"));
      out.put("peak_rss_mb", rssMb("VmHWM"));
      out.put("store_dir", dir.toString());
    }
    out.put("size_on_disk_mb", sizeOnDisk(dir) >> 20);
    if (!keep && !opt.containsKey("dir")) {
      deleteTree(dir);
      out.put("store_dir", "(deleted)");
    }
    System.out.println(new com.fasterxml.jackson.databind.ObjectMapper()
        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
  }

  static Bytes blockId(long n) {
    byte[] id = Arrays.copyOf(Hashes.sha256(("bench-block-" + n).getBytes()), 20);
    id[0] = (byte) (n >>> 24);
    id[1] = (byte) (n >>> 16);
    id[2] = (byte) (n >>> 8);
    id[3] = (byte) n;
    return Bytes.wrap(id);
  }

  static AccountRecord randomAccount(SplittableRandom r, PublicKey[] keys, long id, int accounts) {
    Authority owner = Authority.singleKey(keys[r.nextInt(keys.length)]);
    Map<PublicKey, Integer> ka = new HashMap<>();
    int n = 1 + r.nextInt(2);
    for (int i = 0; i < n; i++) {
      ka.put(keys[r.nextInt(keys.length)], 1);
    }
    Map<ObjectId, Integer> aa = r.nextInt(4) == 0 ? Map.of(ObjectId.account(r.nextInt(accounts)), 1) : Map.of();
    Authority active = new Authority(1, aa, ka, Map.of());
    return new AccountRecord(ObjectId.account(id), "bench-" + id, owner, active, keys[r.nextInt(keys.length)], 0);
  }

  static long authorityWeight(AccountRecord a) {
    long w = a.active().weightThreshold();
    for (int v : a.active().keyAuths().values()) {
      w += v;
    }
    return w;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static double ratio(long hits, long misses) {
    return hits + misses == 0 ? 0 : round((double) hits / (hits + misses));
  }

  static Map<String, Double> percentiles(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("p50", round(s[s.length / 2] / 1e6));
    m.put("p99", round(s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1e6));
    m.put("max", round(s[s.length - 1] / 1e6));
    m.put("mean", round(Arrays.stream(s).average().orElse(0) / 1e6));
    return m;
  }

  /** A field of /proc/self/status in MiB (VmRSS now, VmHWM peak); -1 where unavailable. */
  static long rssMb(String field) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
      for (String l : lines) {
        if (l.startsWith(field + ":")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  static long sizeOnDisk(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
