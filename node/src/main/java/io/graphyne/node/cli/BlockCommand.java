package io.graphyne.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.config.ChainPreset;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
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
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code graphyne block decode}: a signed block, its id, number and merkle root check. */
@Command(
    name = "block",
    description = "Decode signed blocks.",
    mixinStandardHelpOptions = true,
    subcommands = {BlockCommand.Decode.class})
public final class BlockCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Source {
    @Option(names = "--hex", paramLabel = "HEX", description = "A signed block as hex.")
    String hex;

    @Option(names = "--file", paramLabel = "FILE", description = "One hex block per line (- for stdin); prints JSON Lines.")
    String file;

    @Option(names = "--json", paramLabel = "FILE", description = "A block as bitshares-core's get_block returns it (or JSON Lines).")
    String json;
  }

  public static ObjectNode describe(SignedBlock block, ChainPreset chain, Codecs.Checked<SignedBlock> checked) {
    JsonContext ctx = new JsonContext(chain.addressPrefix());
    ObjectNode out = CliIo.object();
    out.set("block", ProtocolJson.toJson(block, ctx));
    out.put("id", block.id().toHex());
    out.put("block_num", block.blockNum());
    Bytes root = block.computeMerkleRoot();
    out.put("merkle_root", root.toHex());
    out.put("merkle_root_ok", root.equals(block.header().transactionMerkleRoot()));
    SignatureReports.addSignee(out, block, chain, Secp256k1Provider.system());
    out.put("hex", Hex.encode(block.toBytes()));
    if (checked != null) {
      out.put("canonical", checked.canonical());
      if (!checked.canonical()) {
        out.put("first_non_canonical_byte", checked.firstDifference());
      }
    }
    return out;
  }

  static ObjectNode describeHex(String hex, ChainPreset chain) {
    Codecs.Checked<SignedBlock> c = Codecs.decodeChecked(SignedBlock.class, TxCommand.parseHex(hex));
    return describe(c.value(), chain, c);
  }

  @Command(name = "decode", mixinStandardHelpOptions = true, description = "Decode a signed block: JSON, id, number, computed merkle root, signee and transaction signers.")
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
        CliIo.print(out, describeHex(source.hex, preset), pretty);
        return 0;
      }
      int failures =
          source.file != null
              ? CliIo.eachLine(source.file, out, line -> describeHex(line, preset))
              : CliIo.eachJson(CliIo.readText(source.json), out, pretty, d ->
                  describe(ProtocolJson.fromJson(SignedBlock.class, d, chain.json()), preset, null));
      return failures == 0 ? 0 : 1;
    }
  }
}
