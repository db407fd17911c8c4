package io.graphyne.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.protocol.validation.OperationValidator;
import io.graphyne.protocol.validation.ValidationError;
import io.graphyne.config.ChainPreset;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.util.Hex;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code graphyne tx decode|encode}: signed transactions between bytes and JSON. */
@Command(
    name = "tx",
    description = "Decode and encode signed transactions.",
    mixinStandardHelpOptions = true,
    subcommands = {TxCommand.Decode.class, TxCommand.Encode.class})
public final class TxCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Source {
    @Option(names = "--hex", paramLabel = "HEX", description = "A signed transaction as hex.")
    String hex;

    @Option(names = "--file", paramLabel = "FILE", description = "A file with one hex transaction per line (- for stdin); prints JSON Lines.")
    String file;
  }

  /**
   * The decode result of one transaction: transaction JSON, id, digest, unsigned bytes, and
   * {@code validation_error} when it fails rule T1 (stateless validate()).
   */
  public static ObjectNode describe(byte[] bytes, ChainPreset chain) {
    Codecs.Checked<SignedTransaction> c = Codecs.decodeChecked(SignedTransaction.class, bytes);
    SignedTransaction tx = c.value();
    JsonContext ctx = new JsonContext(chain.addressPrefix());
    ObjectNode out = CliIo.object();
    out.set("transaction", ProtocolJson.toJson(tx, ctx));
    out.put("id", tx.id().toHex());
    out.put("digest", tx.sigDigest(chain.chainId()).toHex());
    out.put("unsigned_hex", Hex.encode(tx.transaction().toBytes()));
    SignatureReports.addSigners(out, tx, chain, Secp256k1Provider.system());
    out.put("canonical", c.canonical());
    if (!c.canonical()) {
      out.put("first_non_canonical_byte", c.firstDifference());
      out.put("canonical_hex", Hex.encode(c.canonicalBytes()));
    }
    ValidationError invalid = OperationValidator.validate(tx.transaction());
    if (invalid != null) {
      ObjectNode v = out.putObject("validation_error");
      v.put("operation", invalid.operation());
      v.put("path", invalid.path());
      v.put("message", invalid.message());
    }
    return out;
  }

  @Command(name = "decode", mixinStandardHelpOptions = true, description = "Decode a signed transaction: JSON, id, signing digest, unsigned bytes, signers (recovered for --chain).")
  static final class Decode implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ChainOptions chain;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--pretty", description = "Indent the JSON.")
    boolean pretty;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      ChainPreset preset = chain.preset();
      if (source.hex != null) {
        byte[] bytes = parseHex(source.hex);
        CliIo.print(out, describe(bytes, preset), pretty);
        return 0;
      }
      return CliIo.eachLine(source.file, out, line -> describe(parseHex(line), preset)) == 0 ? 0 : 1;
    }
  }

  @Command(name = "encode", mixinStandardHelpOptions = true, description = "Encode bitshares-core JSON of a signed transaction (or JSON Lines): hex, id, signing digest.")
  static final class Encode implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ChainOptions chain;

    @Option(names = "--json", paramLabel = "FILE", description = "JSON file (- for stdin).")
    String json;

    @Parameters(arity = "0..1", paramLabel = "-", description = "Read from standard input.")
    String dash;

    @Override
    public Integer call() {
      String from = json != null ? json : dash;
      if (from == null) {
        throw new CliIo.UserError("give --json FILE or - for standard input");
      }
      PrintWriter out = spec.commandLine().getOut();
      ChainPreset preset = chain.preset();
      JsonContext ctx = chain.json();
      int failures =
          CliIo.eachJson(CliIo.readText(from), out, false, d -> {
            SignedTransaction tx = ProtocolJson.fromJson(SignedTransaction.class, d, ctx);
            ObjectNode o = CliIo.object();
            o.put("hex", Hex.encode(tx.toBytes()));
            o.put("id", tx.id().toHex());
            o.put("digest", tx.sigDigest(preset.chainId()).toHex());
            return o;
          });
      return failures == 0 ? 0 : 1;
    }
  }

  static byte[] parseHex(String hex) {
    try {
      return Hex.decode(hex);
    } catch (IllegalArgumentException e) {
      throw new CliIo.UserError("not hex: " + e.getMessage());
    }
  }
}
