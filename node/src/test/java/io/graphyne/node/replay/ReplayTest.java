package io.graphyne.node.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.StoreOptions;
import io.graphyne.chainstore.kv.RocksConfig;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.generate.ChainGenerator;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.node.pipeline.BlockPipeline;
import io.graphyne.protocol.Bytes;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay through the Disruptor pipeline: real chains, thread-count invariance, restart. */
class ReplayTest {
  static final Secp256k1 SECP = Secp256k1Provider.system();
  @TempDir static Path tmp;
  static Path genFile;
  static Genesis genGenesis;
  static ChainGenerator.Result genResult;

  @BeforeAll
  static void generate() throws IOException {
    ChainGenerator gen = new ChainGenerator(ChainGenerator.Config.of(40, 60).withAccounts(30, 8, 3).withInvalidBlocks(20), SECP);
    genGenesis = Genesis.parse(gen.genesisJson());
    genFile = tmp.resolve("gen.hex");
    try (BufferedWriter w = Files.newBufferedWriter(genFile)) {
      genResult = gen.generate(raw -> {
        try {
          w.write(Hex.encode(raw));
          w.newLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, null);
    }
  }

  static Replayer.Summary replay(ChainStore store, Genesis g, Path file, int threads, long limit) throws IOException {
    if (!store.hasGenesisState()) {
      g.initialize(store);
    }
    ChainController c = ChainController.open(store, ChainController.Options.defaults(HardforkSchedule.mainnet()));
    return new Replayer(c, SECP, new BlockPipeline.Config(threads, 1024), null, 1000).replay(file, limit);
  }

  @Test
  void privateChainThroughThePipelineWithEveryBlockAccepted() throws Exception {
    Genesis g = Genesis.load(Vectors.path("private-chain/genesis.json"));
    Bytes hash = null;
    for (int threads : new int[] {1, 3}) {
      try (ChainStore store = ChainStore.inMemory(g.chainId())) {
        Replayer.Summary s = replay(store, g, Vectors.path("private-chain/blocks.hex"), threads, -1);
        assertThat(s.blocks()).isEqualTo(220);
        assertThat(s.transactions()).isEqualTo(217);
        assertThat(s.rejected()).isEmpty();
        assertThat(s.headBlockNum()).isEqualTo(220);
        if (hash != null) {
          assertThat(s.stateHash()).isEqualTo(hash);
        }
        hash = s.stateHash();
      }
    }
  }

  @Test
  void generatedChainGivesTheSameStateHashWith1And2And4RecoveryThreads() throws Exception {
    assertThat(genResult.invalidBlocks()).isPositive();
    for (int threads : new int[] {1, 2, 4}) {
      try (ChainStore store = ChainStore.inMemory(genGenesis.chainId())) {
        Replayer.Summary s = replay(store, genGenesis, genFile, threads, -1);
        assertThat(s.stateHash()).as("%d threads", threads).isEqualTo(genResult.stateHash());
        assertThat(s.blocks()).isEqualTo(genResult.validBlocks());
        assertThat(s.transactions()).isEqualTo(genResult.transactions());
        assertThat(s.rejected().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(genResult.invalidBlocks());
        assertThat(s.rejected()).containsOnlyKeys("b4_merkle_root", "b6_witness_signature", "b8_transaction");
      }
    }
  }

  @Test
  void restartInTheMiddleResumesToTheSameStateHash() throws Exception {
    Path dir = tmp.resolve("restart-db");
    long total = Files.readAllLines(genFile).size();
    // pipelined durability: the store fsyncs in runs of blocks; the pipeline syncs when it runs dry
    try (ChainStore store = ChainStore.openRocksDb(dir, genGenesis.chainId(), RocksConfig.defaults(), StoreOptions.pipelined())) {
      Replayer.Summary first = replay(store, genGenesis, genFile, 2, total / 2);
      assertThat(first.blocks()).isPositive().isLessThan(genResult.validBlocks());
      assertThat(store.hasUnsyncedCommits()).as("synced once the pipeline ran dry").isFalse();
    }
    try (ChainStore store = ChainStore.openRocksDb(dir, genGenesis.chainId(), RocksConfig.defaults(), StoreOptions.pipelined())) {
      Replayer.Summary second = replay(store, genGenesis, genFile, 2, -1);
      assertThat(second.alreadyKnown()).isPositive();
      assertThat(second.stateHash()).isEqualTo(genResult.stateHash());
      assertThat(second.headBlockNum()).isEqualTo(genResult.headBlockNum());
    }
  }

  @Test
  void realLoadChainReplaysWithEveryTransactionAccepted() throws Exception {
    Genesis g = Genesis.load(Vectors.path("load-chain/genesis.json"));
    assertThat(g.chainId().toHex()).isEqualTo(Vectors.json("load-chain/chain.json").get("chain_id").asText());
    try (ChainStore store = ChainStore.inMemory(g.chainId())) {
      Replayer.Summary s = replay(store, g, Vectors.path("load-chain/blocks.hex.gz"), 2, -1);
      assertThat(s.rejected()).isEqualTo(Map.of());
      assertThat(s.blocks()).isEqualTo(40);
      assertThat(s.transactions()).isEqualTo(63_054);
      // per-stage CPU: 81,878 native recoveries take well over half a CPU-second (about 3 s here)
      if (java.lang.management.ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()) {
        long recoveryCpu = s.stages().stream().filter(m -> m.stage().startsWith("recover"))
            .mapToLong(BlockPipeline.StageMetrics::cpuNanos).sum();
        assertThat(recoveryCpu).as("recovery threads' CPU").isGreaterThan(500_000_000L);
        assertThat(s.stages()).allSatisfy(m -> assertThat(m.cpuNanos()).as(m.stage()).isNotNegative());
        assertThat(s.stages().stream().filter(m -> m.stage().equals("split")).findFirst().orElseThrow().cpuNanos())
            .as("decoding on the reading thread").isPositive();
      }
    }
  }
}
