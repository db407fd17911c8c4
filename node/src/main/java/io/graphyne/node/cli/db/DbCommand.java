package io.graphyne.node.cli.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.Head;
import io.graphyne.chainstore.StoreOptions;
import io.graphyne.chainstore.StoreVerifier;
import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.RocksConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code graphyne db info|verify|compact --data-dir D}: offline tools for the chain store. */
@Command(
    name = "db",
    description = "Inspect, verify and compact the chain database (offline: stop the node first).",
    subcommands = {DbCommand.Info.class, DbCommand.Verify.class, DbCommand.Compact.class})
public final class DbCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The data directory option shared by every db subcommand. */
  public static final class DataDir {
    @Option(names = "--data-dir", required = true, description = "Node data directory (or the chainstore directory itself).")
    Path dataDir;

    Path storeDir() {
      return ChainStore.storeDirectory(dataDir);
    }

    ChainStore open() {
      return ChainStore.openRocksDb(storeDir(), null, RocksConfig.defaults(), StoreOptions.defaults());
    }
  }

  static void print(CommandLine.Model.CommandSpec spec, Object value) {
    try {
      spec.commandLine().getOut().println(JSON.writeValueAsString(value));
      spec.commandLine().getOut().flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Total size of the files under {@code dir}; files that vanish meanwhile (compaction) count 0. */
  static long sizeOnDisk(Path dir) {
    long[] total = new long[1];
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          total[0] += attrs.size();
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total[0];
  }

  @Command(name = "info", description = "Chain id, schema, head, LIB, record counts, size on disk and state hash.")
  static final class Info implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin DataDir data;

    @Override
    public Integer call() {
      try (ChainStore store = data.open()) {
        Head head = store.head();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("store_dir", data.storeDir().toAbsolutePath().toString());
        out.put("engine", store.kv().engine());
        out.put("chain_id", store.chainId().toHex());
        out.put("schema_version", store.schemaVersion());
        out.put("head_block_num", head.blockNum());
        out.put("head_block_id", head.blockId().toHex());
        out.put("last_irreversible_block_num", head.lastIrreversibleBlockNum());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<Column, Long> e : store.counts().entrySet()) {
          counts.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
        }
        out.put("counts", counts);
        out.put("size_on_disk_bytes", sizeOnDisk(data.storeDir()));
        out.put("state_hash", store.stateHash().toHex());
        print(spec, out);
      }
      return 0;
    }
  }

  @Command(name = "verify", description = "Re-check every index against the primary records; exit 1 on problems.")
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin DataDir data;

    @Override
    public Integer call() {
      try (ChainStore store = data.open()) {
        long start = System.nanoTime();
        StoreVerifier.Report report = store.verify();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", report.ok());
        out.put("head_block_num", store.head().blockNum());
        out.put("checked", report.checked());
        out.put("problem_count", report.problemCount());
        List<Map<String, String>> problems = report.problems().stream()
            .map(p -> Map.of("kind", p.kind().name(), "detail", p.detail()))
            .toList();
        out.put("problems", problems);
        out.put("seconds", (System.nanoTime() - start) / 1e9);
        print(spec, out);
        if (!report.ok()) {
          spec.commandLine().getErr().println("error: " + report.problemCount() + " index problems found");
          return 1;
        }
      }
      return 0;
    }
  }

  @Command(name = "compact", description = "Run a full RocksDB compaction.")
  static final class Compact implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin DataDir data;

    @Override
    public Integer call() {
      long before = sizeOnDisk(data.storeDir());
      long start = System.nanoTime();
      try (ChainStore store = data.open()) {
        store.compact();
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("size_before_bytes", before);
      out.put("size_after_bytes", sizeOnDisk(data.storeDir()));
      out.put("seconds", (System.nanoTime() - start) / 1e9);
      print(spec, out);
      return 0;
    }
  }
}
