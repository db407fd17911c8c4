package io.graphyne.node.replay;

import io.graphyne.crypto.Secp256k1;
import io.graphyne.node.chain.BlockResult;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.chain.Reason;
import io.graphyne.node.pipeline.BlockPipeline;
import io.graphyne.protocol.Bytes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * Replays a file of blocks (one hex-encoded signed block per line, the format {@code p2p serve}
 * reads; {@code .gz} files are decompressed) through the {@link BlockPipeline} into a {@link
 * ChainController}, printing a progress line every few seconds and returning a summary.
 */
public final class Replayer {
  /** Longest line accepted: a 2 MB block as hex plus slack. */
  public static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

  /** The final summary; {@code rejected} counts blocks by reason (malformed lines included). */
  public record Summary(long blocks, long transactions, long signatures, Map<String, Long> rejected, long alreadyKnown,
      long forkStored, Bytes stateHash, double seconds, long headBlockNum, long lastIrreversibleBlockNum, int threads,
      java.util.List<BlockPipeline.StageMetrics> stages) {}

  private final ChainController chain;
  private final Secp256k1 secp;
  private final BlockPipeline.Config config;
  private final PrintStream progress;
  private final long progressMillis;

  public Replayer(ChainController chain, Secp256k1 secp, BlockPipeline.Config config, PrintStream progress, long progressMillis) {
    this.chain = chain;
    this.secp = secp;
    this.config = config;
    this.progress = progress;
    this.progressMillis = progressMillis;
  }

  public static BufferedReader open(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(openStream(file), StandardCharsets.US_ASCII), 1 << 20);
  }

  /** The file's bytes ({@code .gz} decompressed). */
  public static InputStream openStream(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  /** Replays at most {@code limit} lines (all when negative). */
  public Summary replay(Path file, long limit) throws IOException {
    Map<Reason, Long> reasons = new EnumMap<>(Reason.class);
    AtomicLong lastBlock = new AtomicLong();
    long start = System.nanoTime();
    try (HexLineReader in = new HexLineReader(openStream(file), MAX_LINE_CHARS);
        BlockPipeline pipeline = new BlockPipeline(chain, secp, config, r -> {
          synchronized (reasons) {
            reasons.merge(r.reason(), 1L, Long::sum);
          }
          if (r.applied()) {
            lastBlock.set(r.blockNum());
          }
        }).start()) {
      long lines = 0;
      long nextProgress = System.currentTimeMillis() + progressMillis;
      long[] last = {0, 0, 0, System.nanoTime()};
      HexLineReader.Line line;
      while ((limit < 0 || lines < limit) && (line = in.next()) != null) {
        lines++;
        // a line that is not hex is submitted as undecodable bytes: the pipeline refuses it as MALFORMED
        pipeline.submitBlock(line.malformed() == null ? line.bytes() : new byte[] {(byte) 0xff});
        if (progress != null && System.currentTimeMillis() >= nextProgress) {
          printProgress(pipeline, lastBlock.get(), last, reasons);
          nextProgress = System.currentTimeMillis() + progressMillis;
        }
      }
      pipeline.drain();
      if (pipeline.failure() != null) {
        throw new IllegalStateException("pipeline failed", pipeline.failure());
      }
      BlockPipeline.Metrics m = pipeline.metrics();
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Long> rejected = new TreeMap<>();
      long known;
      long fork;
      synchronized (reasons) {
        reasons.forEach((k, v) -> {
          if (!k.accepted()) {
            rejected.put(k.jsonName(), v);
          }
        });
        known = reasons.getOrDefault(Reason.ALREADY_KNOWN, 0L);
        fork = reasons.getOrDefault(Reason.FORK_STORED, 0L);
      }
      ChainController.HeadInfo h = chain.head();
      return new Summary(m.blocks(), m.transactions(), m.signatures(), rejected, known, fork, chain.store().stateHash(),
          seconds, h.blockNum(), h.lastIrreversibleBlockNum(), config.recoveryThreads(), m.stages());
    }
  }

  private void printProgress(BlockPipeline p, long block, long[] last, Map<Reason, Long> reasons) {
    BlockPipeline.Metrics m = p.metrics();
    long now = System.nanoTime();
    double dt = (now - last[3]) / 1e9;
    String rej;
    synchronized (reasons) {
      StringBuilder sb = new StringBuilder();
      reasons.forEach((k, v) -> {
        if (!k.accepted()) {
          sb.append(sb.length() == 0 ? "" : ",").append(k.jsonName()).append('=').append(v);
        }
      });
      rej = sb.length() == 0 ? "none" : sb.toString();
    }
    progress.printf("replay block %d | %.1f blocks/s | %.0f tx/s | %.0f sig/s | rejected %s | ring free %d%n", block,
        (m.blocks() - last[0]) / dt, (m.transactions() - last[1]) / dt, (m.signatures() - last[2]) / dt, rej,
        m.remainingCapacity());
    progress.flush();
    last[0] = m.blocks();
    last[1] = m.transactions();
    last[2] = m.signatures();
    last[3] = now;
  }
}
