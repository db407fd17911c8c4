package io.graphyne.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.testing.Vectors;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI commands of the codec issue, run in-process with captured stdout/stderr. */
class CliTest {
  private static final String PRIVATE_CHAIN = "78fc7b1b7263d887da05a13f8d5d241268c7620870f6573696bea6b5fba88f59";

  record Result(int code, String out, String err) {
    List<JsonNode> lines() {
      return out.lines().filter(l -> !l.isBlank()).map(ProtocolJson::parse).toList();
    }

    JsonNode json() {
      return ProtocolJson.parse(out);
    }
  }

  static Result run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static Result runWithStdin(String stdin, String... args) {
    InputStream old = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void txDecodeGivesIdDigestAndUnsignedBytes() {
    JsonNode t = Vectors.jsonLines("private-chain/transactions.jsonl").get(3);
    Result r = run("tx", "decode", "--hex", t.get("hex").asText(), "--chain", PRIVATE_CHAIN);
    assertThat(r.code()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("id").asText()).isEqualTo(t.get("tx_id").asText());
    assertThat(j.get("unsigned_hex").asText()).isEqualTo(t.get("hex_without_sig").asText());
    assertThat(j.get("digest").asText()).hasSize(64);
    assertThat(j.get("canonical").asBoolean()).isTrue();
    assertThat(j.get("transaction").get("operations").isArray()).isTrue();
    assertThat(j.has("validation_error")).isFalse();
  }

  @Test
  void txDecodeReportsTheFirstBrokenValidateRule() {
    // tx-011 of transactions.json proposes a transfer from 1.2.0 to 1.2.0 (python-bitshares placeholder)
    JsonNode v = null;
    for (JsonNode x : Vectors.json("transactions.json").get("vectors")) {
      if (x.get("id").asText().equals("tx-011")) {
        v = x;
      }
    }
    Result r = run("tx", "decode", "--hex", v.get("expected_signed_hex").asText());
    assertThat(r.code()).isZero();
    JsonNode e = r.json().get("validation_error");
    assertThat(e.get("operation").asText()).isEqualTo("transaction");
    assertThat(e.get("path").asText()).isEqualTo("operations[0].proposal_create.proposed_ops[0].transfer.to");
    assertThat(e.get("message").asText()).isEqualTo("from and to must differ");
  }

  @Test
  void txDecodeDigestDependsOnTheChain() {
    JsonNode v = Vectors.json("transactions.json").get("vectors").get(0);
    Result r = run("tx", "decode", "--hex", v.get("expected_signed_hex").asText());
    assertThat(r.json().get("digest").asText()).isEqualTo(v.get("derived").get("sig_digest").asText());
    Result t = run("tx", "decode", "--hex", v.get("expected_signed_hex").asText(), "--chain", "testnet");
    assertThat(t.json().get("digest").asText()).isNotEqualTo(v.get("derived").get("sig_digest").asText());
    assertThat(t.json().get("transaction").toString()).doesNotContain("\"BTS");
  }

  @Test
  void txDecodeFileIsJsonLinesAndGoesOnAfterABadLine(@TempDir Path dir) throws Exception {
    List<JsonNode> txs = Vectors.jsonLines("private-chain/transactions.jsonl").subList(0, 3);
    Path f = dir.resolve("txs.hex");
    Files.writeString(f, txs.get(0).get("hex").asText() + "\nnot-hex\n" + txs.get(1).get("hex").asText() + "\n00\n" + txs.get(2).get("hex").asText() + "\n");
    Result r = run("tx", "decode", "--file", f.toString(), "--chain", PRIVATE_CHAIN);
    List<JsonNode> lines = r.lines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).get("id").asText()).isEqualTo(txs.get(0).get("tx_id").asText());
    assertThat(lines.get(1).has("error")).isTrue();
    assertThat(lines.get(2).get("id").asText()).isEqualTo(txs.get(1).get("tx_id").asText());
    assertThat(lines.get(3).get("kind").asText()).isEqualTo("truncated");
    assertThat(lines.get(4).get("id").asText()).isEqualTo(txs.get(2).get("tx_id").asText());
    assertThat(r.code()).isEqualTo(1);
  }

  @Test
  void nonCanonicalBytesAreReported() {
    String hex = Vectors.jsonLines("private-chain/transactions.jsonl").get(0).get("hex").asText();
    // Pad the operation count varint (byte 10): 01 -> 81 00.
    String padded = hex.substring(0, 20) + "8100" + hex.substring(22);
    Result r = run("tx", "decode", "--hex", padded);
    assertThat(r.code()).isZero();
    assertThat(r.json().get("canonical").asBoolean()).isFalse();
    assertThat(r.json().get("first_non_canonical_byte").asInt()).isEqualTo(10);
    assertThat(r.json().get("canonical_hex").asText()).isEqualTo(hex);
  }

  @Test
  void txEncodeFromCliWalletJsonAndJsonLinesOnStdin() {
    JsonNode v = Vectors.json("transactions.json").get("vectors").get(0);
    Result one = runWithStdin(v.get("transaction").toString(), "tx", "encode", "-");
    assertThat(one.code()).isZero();
    assertThat(one.json().get("hex").asText()).isEqualTo(v.get("expected_signed_hex").asText());
    assertThat(one.json().get("id").asText()).isEqualTo(v.get("derived").get("txid").asText());

    List<JsonNode> corpus = Vectors.jsonLines("bitsharesjs-corpus.jsonl").subList(0, 4);
    StringBuilder sb = new StringBuilder();
    corpus.forEach(c -> sb.append(c.get("json").toString()).append('\n'));
    sb.append("{\"ref_block_num\": 1}\n");
    Result many = runWithStdin(sb.toString(), "tx", "encode", "-");
    List<JsonNode> lines = many.lines();
    assertThat(lines).hasSize(5);
    for (int i = 0; i < 4; i++) {
      assertThat(lines.get(i).get("hex").asText()).isEqualTo(corpus.get(i).get("hex").asText());
    }
    assertThat(lines.get(4).get("error").asText()).contains("missing field");
    assertThat(many.code()).isEqualTo(1);
  }

  @Test
  void blockDecodeFromHexAndFromNodeJson(@TempDir Path dir) throws Exception {
    String hex = Vectors.lines("private-chain/blocks.hex").get(1);
    Result r = run("block", "decode", "--hex", hex, "--chain", PRIVATE_CHAIN);
    JsonNode j = r.json();
    assertThat(j.get("block_num").asLong()).isEqualTo(2);
    assertThat(j.get("id").asText()).isEqualTo(Vectors.jsonLines("private-chain/block_ids.jsonl").get(1).get("block_id").asText());
    assertThat(j.get("merkle_root_ok").asBoolean()).isTrue();
    assertThat(j.get("hex").asText()).isEqualTo(hex);

    Path f = dir.resolve("block.json");
    Files.writeString(f, Vectors.jsonLines("private-chain/blocks.jsonl").get(1).get("block").toString());
    Result fromJson = run("block", "decode", "--json", f.toString());
    assertThat(fromJson.json().get("hex").asText()).isEqualTo(hex);
    assertThat(fromJson.json().get("id").asText()).isEqualTo(j.get("id").asText());
  }

  @Test
  void keyInfoInEveryForm() {
    String bts = "BTS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV";
    Result r = run("key", "info", bts);
    JsonNode j = r.json();
    assertThat(j.get("public_key").asText()).isEqualTo(bts);
    assertThat(j.get("address").asText()).isEqualTo("BTSFAbAx7yuxt725qSZvfwWqkdCwp9ZnUama");
    Result hex = run("key", "info", j.get("hex").asText(), "--chain", "testnet");
    assertThat(hex.json().get("public_key").asText()).isEqualTo("TEST6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV");

    // A WIF gives the key it belongs to (nathan's key of the private chain).
    Result wif = run("key", "info", "5KQwrPbwdL6PhXujxW37FSSQZ1JiwsST4cqQzDeyXtP79zkvFD3");
    assertThat(wif.json().get("public_key").asText()).isEqualTo(bts);

    // keys.json keys-133: bitsharesjs's PTS address of a CBA-prefixed key.
    JsonNode v = null;
    for (JsonNode k : Vectors.json("keys.json").get("vectors")) {
      if (k.get("id").asText().equals("keys-133")) {
        v = k;
      }
    }
    assertThat(v).isNotNull();
    Result pts = run("key", "info", v.get("expected").get("public_key").asText(), "--chain", PRIVATE_CHAIN, "--prefix", "CBA");
    assertThat(pts.json().get("address").asText()).isEqualTo(v.get("expected").get("bts_address").asText());
    assertThat(pts.json().get("pts_addresses").toString()).contains(v.get("expected").get("pts_address").asText());
  }

  @Test
  void errorsGoToStderrWithExitCode1() {
    Result r = run("key", "info", "nonsense");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error:");
    Result bad = run("tx", "decode", "--hex", "0102");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("truncated");
    Result chain = run("tx", "decode", "--hex", "00", "--chain", "moon");
    assertThat(chain.code()).isEqualTo(1);
    assertThat(chain.err()).contains("unknown chain");
  }
}
