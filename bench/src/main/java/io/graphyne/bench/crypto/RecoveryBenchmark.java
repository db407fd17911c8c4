package io.graphyne.bench.crypto;

import io.graphyne.crypto.Hashes;
import io.graphyne.crypto.PrivateKey;
import io.graphyne.crypto.Recovery;
import io.graphyne.crypto.RecoveryFailure;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Public-key recoveries per second from fc-canonical compact signatures (the node's hot path):
 * native libsecp256k1 (JNI) against the BouncyCastle fallback, on 1 and 2 threads, one at a time
 * and through the batch API. {@code scripts/bench crypto} runs it next to a C reference.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dslf4j.internal.verbosity=ERROR")
public class RecoveryBenchmark {
  static final int SIGNATURES = 1024;
  static final int BATCH = 64;

  /** Signatures over distinct digests by distinct keys, made once per trial. */
  @State(Scope.Benchmark)
  public static class Data {
    @Param({"native", "java"})
    public String backend;

    Secp256k1 secp;
    byte[][] digests;
    byte[][] signatures;

    @Setup(Level.Trial)
    public void setUp() {
      secp = Secp256k1Provider.select(backend);
      Secp256k1 signer = Secp256k1Provider.select(null);
      digests = new byte[SIGNATURES][];
      signatures = new byte[SIGNATURES][];
      for (int i = 0; i < SIGNATURES; i++) {
        PrivateKey key = PrivateKey.fromSeed("bench-key-" + (i % 97));
        digests[i] = Hashes.sha256(("bench-digest-" + i).getBytes(StandardCharsets.UTF_8));
        signatures[i] = key.sign(digests[i], signer);
        if (!secp.recover(digests[i], signatures[i]).ok()) {
          throw new IllegalStateException("benchmark signature does not recover");
        }
      }
    }
  }

  /** Each thread walks the signatures from its own position. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
    final byte[] keys = new byte[BATCH * Secp256k1.PUBLIC_KEY_SIZE];
    final RecoveryFailure[] failures = new RecoveryFailure[BATCH];

    @Setup(Level.Iteration)
    public void setUp() {
      next = (int) (Thread.currentThread().getId() * 131 % SIGNATURES);
    }
  }

  private static Recovery one(Data d, Cursor c) {
    int i = c.next;
    c.next = (i + 1) & (SIGNATURES - 1);
    return d.secp.recover(d.digests[i], d.signatures[i]);
  }

  private static int batch(Data d, Cursor c) {
    int from = c.next & -BATCH; // SIGNATURES is a multiple of BATCH
    c.next = (from + BATCH) & (SIGNATURES - 1);
    return d.secp.recoverBatch(d.digests, d.signatures, from, BATCH, c.keys, c.failures, true);
  }

  @Benchmark
  @Threads(1)
  public Recovery recover1Thread(Data d, Cursor c) {
    return one(d, c);
  }

  @Benchmark
  @Threads(2)
  public Recovery recover2Threads(Data d, Cursor c) {
    return one(d, c);
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BATCH)
  public int recoverBatch1Thread(Data d, Cursor c) {
    return batch(d, c);
  }

  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(BATCH)
  public int recoverBatch2Threads(Data d, Cursor c) {
    return batch(d, c);
  }
}
