package io.graphyne.node.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.cli.CliIo;
import io.graphyne.util.Hex;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphyne chain generate ...}: writes a valid generated chain and its genesis. */
@Command(name = "chain", description = "Chain tools.", subcommands = {ChainCommand.Generate.class})
public final class ChainCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Write a valid, schedule-correct, signed chain (plus optional invalid sibling blocks) and its genesis.json.")
  public static final class Generate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Blocks file (one hex signed block per line).")
    Path out;

    @Option(names = "--genesis-out", required = true, description = "Genesis file to write.")
    Path genesisOut;

    @Option(names = "--blocks", description = "Transfer blocks after the account set-up (default ${DEFAULT-VALUE}).")
    int blocks = 100;

    @Option(names = "--tx-per-block", description = "Transactions per transfer block (default ${DEFAULT-VALUE}).")
    int txPerBlock = 1000;

    @Option(names = "--mix", description = "Transaction mix (default ${DEFAULT-VALUE}).")
    String mix = "single:70,multisig:20,hierarchy:10";

    @Option(names = "--witnesses", description = "Witnesses (default ${DEFAULT-VALUE}).")
    int witnesses = 5;

    @Option(names = "--accounts", description = "single,multisig,companies accounts to create (default ${DEFAULT-VALUE}).")
    String accounts = "200,50,10";

    @Option(names = "--invalid-blocks", description = "Percent of heights preceded by an invalid sibling block (default ${DEFAULT-VALUE}).")
    int invalidBlocks = 0;

    @Option(names = "--genesis-time", description = "Genesis time (default ${DEFAULT-VALUE}).")
    String genesisTime = ChainGenerator.DEFAULT_GENESIS_TIME.toString();

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() throws IOException {
      String[] a = accounts.split(",");
      if (a.length != 3) {
        throw new CliIo.UserError("--accounts is single,multisig,companies");
      }
      ChainGenerator.Config cfg;
      try {
        cfg = new ChainGenerator.Config(witnesses, blocks, txPerBlock, ChainGenerator.Mix.parse(mix), Integer.parseInt(a[0].strip()),
            Integer.parseInt(a[1].strip()), Integer.parseInt(a[2].strip()), invalidBlocks, Instant.parse(genesisTime), 3, seed);
      } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
        throw new CliIo.UserError(e.getMessage());
      }
      ChainGenerator gen = new ChainGenerator(cfg, Secp256k1Provider.system());
      Files.write(genesisOut, gen.genesisJson());
      long t0 = System.nanoTime();
      ChainGenerator.Result r;
      try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
        r = gen.generate(raw -> {
          try {
            w.write(Hex.encode(raw));
            w.write('\n');
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, null);
      }
      ObjectNode o = CliIo.object();
      o.put("out", out.toString());
      o.put("genesis", genesisOut.toString());
      o.put("chain_id", r.chainId().toHex());
      o.put("blocks", r.blocks());
      o.put("valid_blocks", r.validBlocks());
      o.put("invalid_blocks", r.invalidBlocks());
      o.put("transactions", r.transactions());
      o.put("signatures", r.signatures());
      o.put("head_block_num", r.headBlockNum());
      o.put("state_hash", r.stateHash().toHex());
      o.put("mix", cfg.mix().toString());
      o.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1000.0);
      CliIo.print(spec.commandLine().getOut(), o, true);
      return 0;
    }
  }
}
