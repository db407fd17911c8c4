package io.graphyne.bench.replay;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.StoreOptions;
import io.graphyne.chainstore.kv.RocksConfig;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.chain.CodecWarmup;
import io.graphyne.node.chain.PreparedTransaction;
import io.graphyne.node.generate.ChainGenerator;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.node.pipeline.BlockPipeline;
import io.graphyne.node.replay.Replayer;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.util.Hex;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code scripts/bench replay}: end-to-end replay throughput next to the pure signature-recovery
 * ceiling measured in the same process on the same signatures.
 *
 * <ol>
 *   <li>a generated chain (default 200 blocks x 1,000 transactions, mix single:70, multisig:20,
 *       hierarchy:10) is written once to {@code bench/target/replay-chain/} (reused when present);
 *       {@code --blocks FILE --genesis G} replays another file instead (e.g. the real load chain);
 *   <li>ceiling: every signature of the chain recovered with native libsecp256k1 on 1 and 2
 *       threads, digests precomputed (nothing but recovery);
 *   <li>replay: the whole file through the pipeline (decode, digests, recovery, authority checks,
 *       state, commit) from genesis with 1 and 2 recovery threads, in memory or on RocksDB
 *       ({@code --store rocksdb});
 *   <li>prints one JSON object: tx/s, signatures/s, and e2e / 2-thread-ceiling.
 * </ol>
 *
 * Args: {@code --blocks FILE --genesis G --gen-blocks N --tx-per-block K --threads 1,2 --store
 * memory|rocksdb --runs R}.
 */
public final class ReplayBench {
  private ReplayBench() {}

  public static void main(String[] args) throws Exception {
    Path blocks = null;
    Path genesisPath = null;
    int genBlocks = 200;
    int txPerBlock = 1000;
    String threadList = "1,2";
    String storeKind = "memory";
    int ring = BlockPipeline.DEFAULT_RING_SIZE;
    int runs = 4; // the first ones warm the JIT up (it still compiles ~0.9 CPU-s in the second); the best is reported, every run's time listed
    for (int i = 0; i < args.length; i += 2) {
      String v = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--blocks" -> blocks = Path.of(v);
        case "--genesis" -> genesisPath = Path.of(v);
        case "--gen-blocks" -> genBlocks = Integer.parseInt(v);
        case "--tx-per-block" -> txPerBlock = Integer.parseInt(v);
        case "--threads" -> threadList = v;
        case "--store" -> storeKind = v;
        case "--runs" -> runs = Integer.parseInt(v);
        case "--ring" -> ring = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Secp256k1 secp = Secp256k1Provider.select("native");
    CodecWarmup.ensure();
    if (blocks == null) {
      Path dir = Path.of("bench/target/replay-chain-" + genBlocks + "x" + txPerBlock);
      blocks = dir.resolve("blocks.hex");
      genesisPath = dir.resolve("genesis.json");
      if (!Files.isRegularFile(blocks) || !Files.isRegularFile(genesisPath)) {
        Files.createDirectories(dir);
        System.err.printf("replay bench: generating %d blocks x %d transactions ...%n", genBlocks, txPerBlock);
        ChainGenerator gen = new ChainGenerator(ChainGenerator.Config.of(genBlocks, txPerBlock), secp);
        Path tmp = dir.resolve("blocks.hex.tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
          gen.generate(raw -> {
            try {
              w.write(Hex.encode(raw));
              w.newLine();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }, null);
        }
        Files.write(genesisPath, gen.genesisJson());
        Files.move(tmp, blocks, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Genesis genesis = Genesis.load(genesisPath);

    // ---- ceiling: recovery only --------------------------------------------------------------
    List<byte[][]> work = new ArrayList<>(); // {digest, sig}
    long txCount = 0;
    try (BufferedReader in = Replayer.open(blocks)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        SignedBlock b = Codecs.decode(SignedBlock.class, Hex.decode(line.strip()));
        for (ProcessedTransaction t : b.transactions()) {
          txCount++;
          PreparedTransaction p = PreparedTransaction.digest(t, genesis.chainId());
          for (Bytes s : t.signed().signatures()) {
            work.add(new byte[][] {p.sigDigest(), s.unsafeArray()});
          }
        }
      }
    }
    StringBuilder json = new StringBuilder("{");
    json.append(String.format(Locale.ROOT, "\"file\":\"%s\",\"transactions_in_file\":%d,\"signatures_in_file\":%d,\"cores\":%d,\"store\":\"%s\"",
        blocks, txCount, work.size(), Runtime.getRuntime().availableProcessors(), storeKind));
    // The host's speed drifts (a shared VM: the same pass varies by several percent from minute to
    // minute), so the ceiling is measured again before every replay run, on the same thread count
    // and on 2 threads, and both are reported as best and median. The ratio the target is about,
    // vs_2t_ceiling, is best replay over best 2-thread ceiling: the conservative pairing.
    List<Double> ceiling2All = new ArrayList<>();
    for (String ts : threadList.split(",")) {
      int threads = Integer.parseInt(ts.strip());
      double best = Double.MAX_VALUE;
      Replayer.Summary last = null;
      double bestCpu = 0;
      List<Double> allSeconds = new ArrayList<>();
      List<Double> ceilingAll = new ArrayList<>();
      List<Double> roundRatios = new ArrayList<>();
      List<Double> ceilingCpuRates = new ArrayList<>();
      double bestGcSeconds = 0;
      java.util.Map<String, Double> bestThreadCpu = java.util.Map.of();
      long bestFaults = 0;
      long bestGcCount = 0;
      for (int r = 0; r < runs; r++) {
        settle();
        long c0 = cpuNanos();
        double rate = recoveryRate(secp, work, threads);
        ceilingCpuRates.add(work.size() / ((cpuNanos() - c0) / 1e9));
        ceilingAll.add(rate);
        if (threads == 2) {
          ceiling2All.add(rate);
        } else {
          settle();
          ceiling2All.add(recoveryRate(secp, work, 2));
        }
        System.err.printf("ceiling: %d thread(s) %.0f signatures/s%n", threads, rate);
        long cpu0 = cpuNanos();
        Path dbDir = null;
        ChainStore store;
        if (storeKind.equals("rocksdb")) {
          dbDir = Files.createTempDirectory("graphyne-replay-bench");
          store = ChainStore.openRocksDb(dbDir, genesis.chainId(), RocksConfig.defaults(), StoreOptions.pipelined());
        } else {
          store = ChainStore.inMemory(genesis.chainId());
        }
        try {
          genesis.initialize(store);
          ChainController c = ChainController.open(store, ChainController.Options.defaults(HardforkSchedule.mainnet()));
          settle();
          long[] gc0 = gcTotals();
          java.util.Map<String, Double> tc0 = threadCpu();
          long faults0 = minorFaults();
          Replayer.Summary s = new Replayer(c, secp, new BlockPipeline.Config(threads, ring), System.err, 5000).replay(blocks, -1);
          if (!s.rejected().isEmpty()) {
            throw new IllegalStateException("replay rejected blocks: " + s.rejected());
          }
          long[] gc1 = gcTotals();
          long faults = minorFaults() - faults0;
          java.util.Map<String, Double> tc = threadCpu();
          tc.replaceAll((k, v) -> v - tc0.getOrDefault(k, 0.0));
          // the pipeline's threads have ended by now: their CPU comes from its stage metrics
          for (BlockPipeline.StageMetrics m : s.stages()) {
            String g = m.stage().startsWith("recover") ? "recovery" : m.stage().equals("split") ? "split (in reader)" : m.stage();
            tc.merge(g, m.cpuNanos() / 1e9, Double::sum);
          }
          tc.replaceAll((k, v) -> Math.round(v * 1000) / 1000.0);
          allSeconds.add(s.seconds());
          // paired with the 2-thread pass measured just before it (the host's speed drifts by tens
          // of percent within minutes, so a best-against-best pairing mixes different periods)
          roundRatios.add(s.signatures() / s.seconds() / ceiling2All.get(ceiling2All.size() - 1));
          System.err.printf("  run %d: %.3f s, cpu by thread group %s, minor page faults %d%n", r, s.seconds(), tc, faults);
          if (s.seconds() < best) {
            best = s.seconds();
            bestThreadCpu = tc;
            bestFaults = faults;
            bestCpu = (cpuNanos() - cpu0) / 1e9;
            bestGcCount = gc1[0] - gc0[0];
            bestGcSeconds = (gc1[1] - gc0[1]) / 1e3;
          }
          last = s;
        } finally {
          store.close();
          if (dbDir != null) {
            try (Stream<Path> w = Files.walk(dbDir)) {
              w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
          }
        }
      }
      double tps = last.transactions() / best;
      double sps = last.signatures() / best;
      double ceilingBest = max(ceilingAll);
      double ceiling2Best = max(ceiling2All);
      // the median leaves out the first run (JIT warm-up) when there are at least three
      double medianSps = last.signatures() / median(allSeconds.size() >= 3 ? allSeconds.subList(1, allSeconds.size()) : allSeconds);
      System.err.printf("replay: %d recovery thread(s) %.2fs %.0f tx/s %.0f signatures/s (%.3f of the best 2-thread ceiling %.0f)%n",
          threads, best, tps, sps, sps / ceiling2Best, ceiling2Best);
      json.append(String.format(Locale.ROOT,
          ",\"recovery_ceiling_%dt\":{\"sig_per_s_best\":%.0f,\"sig_per_s_median\":%.0f,\"sig_per_cpu_s_best\":%.0f,\"passes\":%s}",
          threads, ceilingBest, median(ceilingAll), max(ceilingCpuRates), list(ceilingAll, "%.0f")));
      json.append(String.format(Locale.ROOT,
          ",\"replay_%dt\":{\"cpu_seconds\":%.3f,\"sig_per_cpu_s\":%.0f,\"seconds\":%.3f,\"blocks\":%d,\"transactions\":%d,\"signatures\":%d,\"tx_per_s\":%.0f,\"sig_per_s\":%.0f,\"sig_per_s_median_after_warmup\":%.0f,%s\"vs_2t_ceiling\":%.3f,\"vs_2t_ceiling_median\":%.3f,\"gc_pauses\":%d,\"gc_seconds\":%.3f,\"state_hash\":\"%s\"}",
          threads, bestCpu, last.signatures() / bestCpu, best, last.blocks(), last.transactions(), last.signatures(), tps, sps, medianSps,
          threads == 2 ? "" : String.format(Locale.ROOT, "\"vs_%dt_ceiling\":%.3f,", threads, sps / ceilingBest),
          sps / ceiling2Best, medianSps / median(ceiling2All), bestGcCount, bestGcSeconds, last.stateHash().toHex()));
      // where the time went: busy seconds per pipeline stage (split = decoding on the reading thread)
      StringBuilder st = new StringBuilder();
      for (BlockPipeline.StageMetrics m : last.stages()) {
        st.append(st.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.3f", m.stage(), m.busyNanos() / 1e9));
        System.err.printf("  stage %-10s %8.3f s busy, %d events%n", m.stage(), m.busyNanos() / 1e9, m.events());
      }
      StringBuilder tcj = new StringBuilder();
      for (java.util.Map.Entry<String, Double> e : new java.util.TreeMap<>(bestThreadCpu).entrySet()) {
        tcj.append(tcj.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"%s\":%.3f", e.getKey(), e.getValue()));
      }
      List<Double> warm = roundRatios.size() >= 3 ? roundRatios.subList(1, roundRatios.size()) : roundRatios;
      System.err.printf("  each round's replay over the 2-thread pass just before it: %s (median after the first %.3f)%n",
          list(roundRatios, "%.3f"), median(warm));
      json.insert(json.length() - 1, ",\"vs_2t_ceiling_by_round\":" + list(roundRatios, "%.3f")
          + ",\"vs_2t_ceiling_by_round_median_after_first\":" + String.format(Locale.ROOT, "%.3f", median(warm))
          + ",\"stage_busy_seconds\":{" + st + "},\"cpu_seconds_by_thread_group\":{" + tcj
          + "},\"minor_page_faults\":" + bestFaults + ",\"runs_seconds\":" + list(allSeconds, "%.3f"));
    }
    json.append(String.format(Locale.ROOT, ",\"recovery_ceiling_2t_all_passes\":%s", list(ceiling2All, "%.0f")));
    json.append(String.format(Locale.ROOT, ",\"load_average\":\"%s\"", loadAverage()));
    json.append('}');
    System.out.println(json);
  }

  static double max(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static String list(List<Double> xs, String fmt) {
    StringBuilder b = new StringBuilder("[");
    for (double x : xs) {
      b.append(b.length() == 1 ? "" : ",").append(String.format(Locale.ROOT, fmt, x));
    }
    return b.append(']').toString();
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  /**
   * Before every measured pass (ceiling or replay): a full collection, so that the garbage of the
   * previous pass (a whole in-memory store after a replay) is not collected inside the next one's
   * timing. Both kinds of pass are treated alike; what a replay allocates itself is still
   * collected during it (reported as gc_pauses / gc_seconds).
   */
  static void settle() {
    System.gc();
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {collections, milliseconds} summed over the JVM's collectors. */
  static long[] gcTotals() {
    long n = 0;
    long ms = 0;
    for (java.lang.management.GarbageCollectorMXBean b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, b.getCollectionCount());
      ms += Math.max(0, b.getCollectionTime());
    }
    return new long[] {n, ms};
  }

  /**
   * CPU seconds (user + system) of this process's live threads by group, read from /proc (Linux;
   * empty elsewhere): reader (the main thread), gc, jit, other. Threads that ended are not
   * counted: a replay's pipeline threads have ended when it returns, so their CPU comes from the
   * pipeline's own stage metrics instead.
   */
  static java.util.Map<String, Double> threadCpu() {
    java.util.Map<String, Double> out = new java.util.HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return out;
    }
    double tick = 100.0; // USER_HZ on Linux
    try (Stream<Path> ts = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) ts::iterator) {
        String stat;
        try {
          stat = Files.readString(t.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        String[] f = stat.substring(close + 2).split(" ");
        double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick; // utime, stime
        String group = name.startsWith("GC Thread") || name.startsWith("VM Thread") ? "gc"
            : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "jit"
            : name.equals("java") || name.equals("main") ? "reader"
            : "other";
        out.merge(group, cpu, Double::sum);
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /** Minor page faults of this process so far (Linux), -1 elsewhere. */
  static long minorFaults() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[7]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU time of this process (all threads: recovery, apply, GC, JIT). */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Signatures recovered per second (wall clock) with {@code threads} threads sharing the list. */
  static double recoveryRate(Secp256k1 secp, List<byte[][]> work, int threads) throws InterruptedException {
    int n = work.size();
    Thread[] ts = new Thread[threads];
    long[] failures = new long[threads];
    long t0 = System.nanoTime();
    for (int k = 0; k < threads; k++) {
      final int id = k;
      ts[k] = new Thread(() -> {
        for (int i = id; i < n; i += threads) {
          byte[][] w = work.get(i);
          if (!secp.recover(w[0], w[1]).ok()) {
            failures[id]++;
          }
        }
      });
      ts[k].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    for (long f : failures) {
      if (f > 0) {
        throw new IllegalStateException("recovery failures in the chain");
      }
    }
    return n / s;
  }
}
