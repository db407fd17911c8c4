package io.graphyne.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.config.ChainPreset;
import io.graphyne.crypto.Base58;
import io.graphyne.crypto.PrivateKey;
import io.graphyne.protocol.Address;
import io.graphyne.protocol.PublicKey;
import io.graphyne.util.Hex;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code graphyne key info}: a key in every form bitshares-core uses. */
@Command(
    name = "key",
    description = "Inspect keys and addresses.",
    mixinStandardHelpOptions = true,
    subcommands = {KeyCommand.Info.class})
public final class KeyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static PublicKey parseKey(String text) {
    String t = text.strip();
    if (t.length() == 66 && Hex.isHex(t)) {
      return PublicKey.fromHex(t);
    }
    try {
      return PublicKey.parse(t, null);
    } catch (IllegalArgumentException notPublic) {
      try {
        return PrivateKey.fromWif(t).publicKey();
      } catch (IllegalArgumentException notWif) {
        throw new CliIo.UserError(
            "not a public key (PREFIX + Base58 or 33-byte hex) or WIF private key: " + t);
      }
    }
  }

  public static ObjectNode describe(PublicKey key, ChainPreset chain) {
    String prefix = chain.addressPrefix();
    ObjectNode out = CliIo.object();
    out.put("public_key", key.toString(prefix));
    out.put("hex", key.toHex());
    out.put("address", key.address().toString(prefix));
    ObjectNode pts = out.putObject("pts_addresses");
    for (boolean compressed : new boolean[] {true, false}) {
      for (int version : new int[] {56, 0}) {
        byte[] raw = Address.ptsAddress(key, compressed, version);
        ObjectNode p = pts.putObject((compressed ? "compressed" : "uncompressed") + "_v" + version);
        p.put("pts", Base58.encode(raw));
        p.put("address", Address.fromPts(raw).toString(prefix));
      }
    }
    return out;
  }

  @Command(name = "info", mixinStandardHelpOptions = true, description = "Print a key with the chain's prefix, its address and its legacy PTS addresses.")
  static final class Info implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ChainOptions chain;

    @Parameters(paramLabel = "KEY", description = "Public key text (any prefix), WIF private key, or 33-byte hex.")
    String key;

    @Option(names = "--pretty", description = "Indent the JSON.")
    boolean pretty;

    @Override
    public Integer call() {
      CliIo.print(spec.commandLine().getOut(), describe(parseKey(key), chain.preset()), pretty);
      return 0;
    }
  }
}
