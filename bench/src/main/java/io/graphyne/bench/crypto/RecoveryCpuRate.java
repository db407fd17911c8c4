package io.graphyne.bench.crypto;

import io.graphyne.crypto.Hashes;
import io.graphyne.crypto.PrivateKey;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Companion to {@link RecoveryBenchmark} for a shared machine: recoveries per CPU-second of the
 * recovering threads (thread CPU time, not wall time), measured exactly as the C reference
 * measures itself, so the Java/C ratio is not distorted by other processes on the cores.
 * Usage: {@code RecoveryCpuRate <native|java> <threads> <seconds>}; 2 s warm-up first.
 */
public final class RecoveryCpuRate {
  private RecoveryCpuRate() {}

  public static void main(String[] args) throws Exception {
    String backend = args.length > 0 ? args[0] : "native";
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
    Secp256k1 secp = Secp256k1Provider.select(backend);
    int n = RecoveryBenchmark.SIGNATURES;
    byte[][] digests = new byte[n][];
    byte[][] sigs = new byte[n][];
    Secp256k1 signer = Secp256k1Provider.select(null);
    for (int i = 0; i < n; i++) {
      digests[i] = Hashes.sha256(("bench-digest-" + i).getBytes(StandardCharsets.UTF_8));
      sigs[i] = PrivateKey.fromSeed("bench-key-" + (i % 97)).sign(digests[i], signer);
    }
    run(secp, digests, sigs, threads, 2.0); // warm-up
    double[] r = run(secp, digests, sigs, threads, seconds);
    System.out.printf(
        "backend=%s threads=%d recoveries_per_s=%.0f recoveries_per_cpu_s=%.0f%n",
        backend, threads, r[0], r[1]);
  }

  private static double[] run(Secp256k1 secp, byte[][] digests, byte[][] sigs, int threads, double seconds)
      throws InterruptedException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    AtomicLong count = new AtomicLong();
    double[] wallRate = new double[threads];
    long[] cpuNanos = new long[threads];
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread th =
          new Thread(
              () -> {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                long end = start + (long) (seconds * 1e9);
                long done = 0;
                int i = (id * 131) & (sigs.length - 1);
                long now = start;
                while (now < end) {
                  for (int k = 0; k < 64; k++) {
                    if (!secp.recover(digests[i], sigs[i]).ok()) {
                      throw new IllegalStateException("recovery failed");
                    }
                    i = (i + 1) & (sigs.length - 1);
                  }
                  done += 64;
                  now = System.nanoTime();
                }
                cpuNanos[id] = mx.getCurrentThreadCpuTime() - cpu0;
                wallRate[id] = done / ((now - start) / 1e9);
                count.addAndGet(done);
              },
              "recover-" + t);
      workers.add(th);
      th.start();
    }
    double wall = 0;
    long cpu = 0;
    for (int t = 0; t < threads; t++) {
      workers.get(t).join();
      wall += wallRate[t];
      cpu += cpuNanos[t];
    }
    return new double[] {wall, count.get() / (cpu / 1e9)};
  }
}
