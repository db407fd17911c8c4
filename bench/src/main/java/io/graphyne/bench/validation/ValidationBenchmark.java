package io.graphyne.bench.validation;

import io.graphyne.bench.RealBlocks;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.validation.OperationValidator;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule T1 (stateless validate()) per transaction, as the pipeline's recovery threads run it: the
 * first {@value #N} transactions of the real load chain (bitshares-core 7.0.2 under load; its
 * first block holds the 1,000 account creations), {@value #N} of its transfer-only transactions, and
 * the private chain's transactions (transfers, account creations and updates, proposals, balance
 * claims, ...) cycled to {@value #N}. One benchmark operation = one transaction; run with
 * {@code -prof gc} for bytes allocated per transaction.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {
  static final int N = 10_000;

  Transaction[] load;
  Transaction[] mixed;
  Transaction[] transfers;

  @Setup(Level.Trial)
  public void setup() {
    List<Transaction> l = new ArrayList<>(N);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(Vectors.path("load-chain/blocks.hex.gz"))), StandardCharsets.US_ASCII))) {
      String line;
      while (l.size() < 2 * N && (line = in.readLine()) != null) {
        if (!line.isBlank()) {
          SignedBlock b = Codecs.decode(SignedBlock.class, Hex.decode(line));
          b.transactions().forEach(t -> l.add(t.transaction()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    load = l.subList(0, N).toArray(new Transaction[0]);
    List<Transaction> onlyTransfers = new ArrayList<>(N);
    for (Transaction x : l) {
      if (x.operations().stream().allMatch(op -> op instanceof TransferOperation)) {
        onlyTransfers.add(x);
      }
    }
    transfers = onlyTransfers.subList(0, N).toArray(new Transaction[0]);
    List<SignedTransaction> real = RealBlocks.transactions();
    mixed = new Transaction[N];
    for (int i = 0; i < N; i++) {
      mixed[i] = real.get(i % real.size()).transaction();
    }
    for (Transaction t : load) {
      if (OperationValidator.validate(t) != null) {
        throw new IllegalStateException("load-chain transaction fails T1: " + OperationValidator.validate(t));
      }
    }
    for (Transaction t : mixed) {
      if (OperationValidator.validate(t) != null) {
        throw new IllegalStateException("private-chain transaction fails T1: " + OperationValidator.validate(t));
      }
    }
  }

  private static int run(Transaction[] txs) {
    int invalid = 0;
    for (Transaction t : txs) {
      if (OperationValidator.validate(t) != null) {
        invalid++;
      }
    }
    return invalid;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int loadChain() {
    return run(load);
  }

  /** Transfer-only transactions of the load chain: the valid path allocates nothing. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int loadChainTransfers() {
    return run(transfers);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int privateChainMix() {
    return run(mixed);
  }
}
