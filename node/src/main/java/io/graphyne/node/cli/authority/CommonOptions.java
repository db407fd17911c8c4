package io.graphyne.node.cli.authority;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.authority.AccountsJson;
import io.graphyne.authority.CheckParams;
import io.graphyne.authority.HardforkSchedule;
import io.graphyne.authority.MapAuthorityView;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** Options shared by the authority commands: accounts file, time, depth, chain. */
public final class CommonOptions {
  static final long MAX_INPUT_BYTES = 256L << 20;

  @Option(names = "--accounts", required = true, paramLabel = "FILE",
      description = "JSON array of account objects as get_objects / get_accounts return them")
  Path accounts;

  @Option(names = "--time", paramLabel = "ISO",
      description = "head block time that picks the hardfork rules (default: now)")
  String time;

  @Option(names = "--max-depth", defaultValue = "2", paramLabel = "N",
      description = "max_authority_depth (default: ${DEFAULT-VALUE})")
  int maxDepth;

  @picocli.CommandLine.Mixin io.graphyne.node.cli.ChainOptions chain;

  @Option(names = "--hardforks", paramLabel = "SCHEDULE",
      description = "hardfork schedule: mainnet, testnet or all-active (default: testnet for the testnet preset, else mainnet)")
  String hardforks;

  @Option(names = "--custom-authorities", paramLabel = "FILE",
      description = "BSIP40 custom authority objects (1.17.x) as get_objects returns them; used once BSIP40 is active")
  Path customAuthorities;

  Instant headTime() {
    if (time == null || time.isBlank()) {
      return Instant.now();
    }
    try {
      return Instant.parse(time);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(time).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("--time must be ISO-8601, e.g. 2024-01-01T00:00:00Z: " + time);
      }
    }
  }

  boolean testnet() {
    return chain.preset().name().equals("testnet");
  }

  Bytes chainId() {
    return chain.preset().chainId();
  }

  String prefix() {
    return chain.preset().addressPrefix();
  }

  HardforkSchedule schedule() {
    if (hardforks != null) {
      return HardforkSchedule.byName(hardforks);
    }
    return testnet() ? HardforkSchedule.testnet() : HardforkSchedule.mainnet();
  }

  HardforkSchedule.Rules rules() {
    return schedule().at(headTime());
  }

  CheckParams params() {
    if (maxDepth < 0 || maxDepth > 255) {
      throw new IllegalArgumentException("--max-depth must be 0..255");
    }
    CheckParams p = CheckParams.forTransaction(rules(), maxDepth);
    if (customAuthorities != null) {
      try {
        p = p.withCustomAuthorities(new io.graphyne.authority.CustomAuthorities(
            io.graphyne.authority.CustomAuthoritiesJson.parse(readJson(customAuthorities), new JsonContext(prefix())),
            headTime(), rules()));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return p;
  }

  MapAuthorityView view() throws IOException {
    return AccountsJson.parse(readJson(accounts));
  }

  static JsonNode readJson(Path p) throws IOException {
    if (Files.size(p) > MAX_INPUT_BYTES) {
      throw new IllegalArgumentException(p + " is larger than " + MAX_INPUT_BYTES + " bytes");
    }
    return ProtocolJson.parse(Files.readString(p));
  }

  /** A signed transaction in bitshares-core's JSON form (or an object holding it under "tx"). */
  SignedTransaction readTx(Path p) throws IOException {
    JsonNode n = readJson(p);
    if (n.isObject() && n.has("tx") && n.get("tx").isObject()) {
      n = n.get("tx");
    }
    return ProtocolJson.fromJson(SignedTransaction.class, n, new JsonContext(prefix()));
  }
}
