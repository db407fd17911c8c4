package io.graphyne.bench.codec;

import io.graphyne.bench.RealBlocks;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.codec.Codecs;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode + canonical re-encode + every digest of a realistic block: {@code txPerBlock} real
 * transactions from the private chain made by bitshares-core (transfers, account creations and
 * updates, proposals, balance claims, ...) in one signed block. Per operation: decode the block,
 * re-encode it, compute every transaction id, the merkle root and the block id.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlockCodecBenchmark {
  @Param({"100"})
  int txPerBlock;

  byte[] blockBytes;

  @Setup(Level.Trial)
  public void setup() {
    blockBytes = RealBlocks.block(txPerBlock).toBytes();
  }

  @Benchmark
  public void decodeEncodeDigest(Blackhole bh) {
    SignedBlock b = Codecs.decode(SignedBlock.class, blockBytes);
    bh.consume(b.toBytes());
    for (ProcessedTransaction tx : b.transactions()) {
      bh.consume(tx.transaction().id());
    }
    bh.consume(b.computeMerkleRoot());
    bh.consume(b.id());
  }

  @Benchmark
  public void decodeOnly(Blackhole bh) {
    bh.consume(Codecs.decode(SignedBlock.class, blockBytes));
  }
}
