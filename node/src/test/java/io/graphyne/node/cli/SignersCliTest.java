package io.graphyne.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.testing.Vectors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** "signers" in {@code tx decode} and "signee" in {@code block decode}, with per-signature errors. */
class SignersCliTest {
  private static final String CHAIN = "78fc7b1b7263d887da05a13f8d5d241268c7620870f6573696bea6b5fba88f59";
  private static final String NATHAN = "BTS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV";

  private static JsonNode run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    return ProtocolJson.parse(out.toString());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The signed hex with its signature list replaced (count byte + 65-byte signatures). */
  private static String withSignatures(JsonNode tx, String... sigs) {
    StringBuilder sb = new StringBuilder(tx.get("hex_without_sig").asText());
    sb.append(String.format("%02x", sigs.length));
    for (String s : sigs) {
      sb.append(s);
    }
    return sb.toString();
  }

  private static String signatureOf(JsonNode tx) {
    String hex = tx.get("hex").asText();
    return hex.substring(hex.length() - 130);
  }

  @Test
  void signersOfAPrivateChainTransaction() {
    JsonNode tx = Vectors.jsonLines("private-chain/transactions.jsonl").get(0);
    JsonNode j = run("tx", "decode", "--hex", tx.get("hex").asText(), "--chain", CHAIN);
    assertThat(texts(j.get("signers"))).containsExactly(NATHAN);
    assertThat(j.has("signature_errors")).isFalse();
    // Under another chain id the same signature recovers some other key.
    JsonNode other = run("tx", "decode", "--hex", tx.get("hex").asText());
    assertThat(texts(other.get("signers"))).hasSize(1).doesNotContain(NATHAN);
  }

  @Test
  void multiSignatureTransactionsListEverySigner() {
    for (JsonNode tx : Vectors.jsonLines("private-chain/transactions.jsonl")) {
      String hex = tx.get("hex").asText();
      String unsigned = tx.get("hex_without_sig").asText();
      int count = Integer.parseInt(hex.substring(unsigned.length(), unsigned.length() + 2), 16);
      if (count >= 2) {
        JsonNode j = run("tx", "decode", "--hex", hex, "--chain", CHAIN);
        assertThat(j.get("signers")).hasSize(count);
        assertThat(j.has("duplicate_signers")).isFalse();
        return;
      }
    }
    throw new AssertionError("no multi-signature transaction in the private chain");
  }

  @Test
  void invalidSignaturesAreReportedPerSignature() {
    JsonNode tx = Vectors.jsonLines("private-chain/transactions.jsonl").get(0);
    String good = signatureOf(tx);
    String nonCanonical = good.substring(0, 2) + "ff" + good.substring(4);
    String badHeader = "1a" + good.substring(2);
    JsonNode j =
        run("tx", "decode", "--hex", withSignatures(tx, nonCanonical, good, badHeader, good), "--chain", CHAIN);
    assertThat(texts(j.get("signers"))).containsExactly(NATHAN, NATHAN);
    JsonNode errors = j.get("signature_errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("index").asInt()).isZero();
    assertThat(errors.get(0).get("reason").asText()).isEqualTo("non_canonical");
    assertThat(errors.get(1).get("index").asInt()).isEqualTo(2);
    assertThat(errors.get(1).get("reason").asText()).isEqualTo("bad_header");
    assertThat(texts(j.get("duplicate_signers"))).containsExactly(NATHAN);
  }

  @Test
  void signeeOfEveryPrivateChainBlock() {
    JsonNode candidates = Vectors.json("private-chain/genesis.json").get("initial_witness_candidates");
    List<String> blocks = Vectors.lines("private-chain/blocks.hex");
    for (int i = 0; i < blocks.size(); i += 37) {
      JsonNode j = run("block", "decode", "--hex", blocks.get(i), "--chain", CHAIN);
      String witness = j.get("block").get("witness").asText();
      int n = Integer.parseInt(witness.substring(witness.lastIndexOf('.') + 1));
      assertThat(j.get("signee").asText())
          .isEqualTo(candidates.get(n - 1).get("block_signing_key").asText());
      assertThat(j.get("transaction_signers")).hasSize(j.get("block").get("transactions").size());
      for (JsonNode t : j.get("transaction_signers")) {
        assertThat(t.get("signers").size()).isPositive();
        assertThat(t.has("signature_errors")).isFalse();
      }
    }
  }

  @Test
  void nonCanonicalWitnessSignature() {
    String block = Vectors.lines("private-chain/blocks.hex").get(0);
    // Block 1 has no transactions: previous(20) timestamp(4) witness(1) merkle(20) ext(1) sig(65).
    int sigAt = 2 * (20 + 4 + 1 + 20 + 1);
    String bad = block.substring(0, sigAt + 2) + "00" + "00" + block.substring(sigAt + 6);
    JsonNode j = run("block", "decode", "--hex", bad, "--chain", CHAIN);
    assertThat(j.get("signee").isNull()).isTrue();
    assertThat(j.get("signee_error").get("reason").asText()).isEqualTo("non_canonical");
  }
}
