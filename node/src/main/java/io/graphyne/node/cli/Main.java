package io.graphyne.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code graphyne} command line: every command prints JSON on stdout, errors on stderr. */
@Command(
    name = "graphyne",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A lightweight validating node for Graphene blockchains (BitShares).",
    subcommands = {
      CommandLine.HelpCommand.class,
      TxCommand.class,
      BlockCommand.class,
      KeyCommand.class,
      io.graphyne.node.cli.authority.AuthorityCommand.class,
      io.graphyne.node.cli.db.DbCommand.class,
      io.graphyne.node.cli.p2p.P2pCommand.class,
      io.graphyne.node.replay.ReplayCommand.class,
      io.graphyne.node.generate.ChainCommand.class,
      io.graphyne.node.run.RunCommand.class,
      io.graphyne.node.devnet.DevnetCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (0 ok, 1 error, 2 usage). */
  public static int run(String... args) {
    CommandLine cl = commandLine();
    return cl.execute(args);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
          cmd.getErr().println("error: " + msg);
          cmd.getErr().flush();
          return 1;
        });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Version from the jar manifest when packaged. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"graphyne " + (v == null ? "development build" : v)};
    }
  }
}
