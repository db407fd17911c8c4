package io.graphyne.node.cli.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphyne.node.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code graphyne authority ...} on real-node cases (accounts and signed transactions from the vectors). */
class AuthorityCommandTest {
  static final ObjectMapper M = new ObjectMapper();
  static final JsonNode ROOT = read();

  @TempDir Path dir;

  static JsonNode read() {
    try {
      String p = System.getProperty("graphyne.shared");
      Path shared = p != null ? Path.of(p)
          : Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("../shared").normalize();
      return M.readTree(Files.readAllBytes(shared.resolve("vectors/authority-real-node.json")));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return M.readTree(out);
    }
  }

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  JsonNode caseNamed(String family, String verdict) {
    for (JsonNode c : ROOT.get("cases")) {
      if (c.get("family").asText().equals(family) && c.get("verdict").asText().equals(verdict)
          && c.get("accounts").size() > 0) {
        return c;
      }
    }
    throw new IllegalStateException("no case " + family + " " + verdict);
  }

  List<String> base(JsonNode c) throws Exception {
    Path acc = dir.resolve(c.get("case_id").asText() + "-accounts.json");
    Path tx = dir.resolve(c.get("case_id").asText() + "-tx.json");
    Files.writeString(acc, c.get("accounts").toString());
    Files.writeString(tx, c.get("tx").toString());
    return new ArrayList<>(List.of("--accounts", acc.toString(), "--tx", tx.toString(),
        "--chain", ROOT.get("chain_id").asText(), "--time", c.get("head_block_time").asText()));
  }

  static List<String> args(String cmd, String sub, List<String> rest) {
    List<String> a = new ArrayList<>(List.of(cmd, sub));
    a.addAll(rest);
    return a;
  }

  @Test
  void checkReproducesNodeVerdicts() throws Exception {
    int checked = 0;
    for (JsonNode c : ROOT.get("cases")) {
      String v = c.get("verdict").asText();
      if (v.equals("other") || c.get("accounts").size() == 0) {
        continue;
      }
      Run r = run(args("authority", "check", base(c)).toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode j = r.json();
      assertThat(j.get("valid").asBoolean()).as(c.get("case_id").asText()).isEqualTo(v.equals("valid"));
      if (!v.equals("valid")) {
        assertThat(j.get("error").asText()).isEqualTo(v);
      } else {
        assertThat(j.get("error").isNull()).isTrue();
        assertThat(j.get("unused")).isEmpty();
      }
      assertThat(j.has("signers") && j.has("used") && j.has("required_active") && j.has("required_owner")).isTrue();
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void requiredPotentialExplain() throws Exception {
    JsonNode c = caseNamed("company-two-level", "valid");
    List<String> b = base(c);
    JsonNode q = c.get("api").get("get_required_signatures").get(0);
    List<String> req = new ArrayList<>(b);
    req.add("--keys");
    List<String> ks = new ArrayList<>();
    q.get("available_keys").forEach(k -> ks.add(k.asText()));
    req.add(String.join(",", ks));
    // the vectors' first query is against the transaction as signed or unsigned
    if (q.get("tx").asText().equals("signed")) {
      Run r = run(args("authority", "required", req).toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isZero();
      List<String> got = new ArrayList<>();
      r.json().get("keys").forEach(k -> got.add(k.asText()));
      List<String> exp = new ArrayList<>();
      q.get("result").forEach(k -> exp.add(k.asText()));
      assertThat(got).containsExactlyInAnyOrderElementsOf(exp);
    }
    req.add("--minimize");
    assertThat(run(args("authority", "required", req).toArray(String[]::new)).code()).isZero();

    Run pot = run(args("authority", "potential", b).toArray(String[]::new));
    assertThat(pot.code()).as(pot.err()).isZero();
    List<String> got = new ArrayList<>();
    pot.json().get("keys").forEach(k -> got.add(k.asText()));
    List<String> exp = new ArrayList<>();
    c.get("api").get("get_potential_signatures").get("signed").get("result").forEach(k -> exp.add(k.asText()));
    assertThat(got).containsExactlyInAnyOrderElementsOf(exp);

    Run ex = run(args("authority", "explain", b).toArray(String[]::new));
    assertThat(ex.code()).as(ex.err()).isZero();
    assertThat(ex.json().get("valid").asBoolean()).isTrue();
    assertThat(ex.json().get("requirements").size()).isPositive();
    List<String> text = new ArrayList<>(b);
    text.add("--text");
    Run tx = run(args("authority", "explain", text).toArray(String[]::new));
    assertThat(tx.out()).startsWith("VALID");
  }

  @Test
  void whoCanSignAndLintOnTheCompany() throws Exception {
    JsonNode c = caseNamed("company-two-level", "valid");
    Path acc = dir.resolve("company.json");
    Files.writeString(acc, c.get("accounts").toString());
    String company = null;
    for (JsonNode a : c.get("accounts")) {
      if (a.get("name").asText().startsWith("cfo")) {
        company = a.get("name").asText();
      }
    }
    Run r = run("authority", "who-can-sign", "--accounts", acc.toString(), "--account", company,
        "--time", c.get("head_block_time").asText());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("truncated").asBoolean()).isFalse();
    assertThat(j.get("sets").size()).isPositive();
    j.get("sets").forEach(set -> set.forEach(k -> assertThat(j.get("key_holders").get(k.asText())).isNotEmpty()));
    assertThat(j.get("key_holders").toString()).contains("chief.company active");
    Run lint = run("authority", "lint", "--accounts", acc.toString(), "--time", c.get("head_block_time").asText());
    assertThat(lint.code()).as(lint.err()).isZero();
    assertThat(lint.json().get("accounts_checked").asInt()).isEqualTo(c.get("accounts").size());
    Run sf = run("authority", "lint", "--accounts", acc.toString(), "--account", company,
        "--second-factor", company, "--time", c.get("head_block_time").asText());
    assertThat(sf.code()).as(sf.err()).isZero();
  }

  @Test
  void badInputIsAnErrorOnStderr() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"not\": \"an array\"}");
    Run r = run("authority", "who-can-sign", "--accounts", bad.toString(), "--account", "x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("error:");
    assertThat(r.out()).isEmpty();
    Files.writeString(bad, "[]");
    Run missing = run("authority", "who-can-sign", "--accounts", bad.toString(), "--account", "nobody");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("not in the accounts file");
  }

  /** A testnet transfer authorized only through a BSIP40 custom authority given with --custom-authorities. */
  @Test
  void customAuthoritiesOnTestnet() throws Exception {
    var secp = io.graphyne.crypto.Secp256k1Provider.system();
    byte[] alicePriv = io.graphyne.crypto.Hashes.sha256("cli/alice".getBytes());
    byte[] bobPriv = io.graphyne.crypto.Hashes.sha256("cli/bob".getBytes());
    var aliceKey = io.graphyne.protocol.PublicKey.wrap(secp.publicKey(alicePriv));
    var bobKey = io.graphyne.protocol.PublicKey.wrap(secp.publicKey(bobPriv));
    String accounts = "[" + account("1.2.100", "alice", aliceKey.toString("TEST")) + ","
        + account("1.2.101", "bob", bobKey.toString("TEST")) + "]";
    Path acc = dir.resolve("tn-accounts.json");
    Files.writeString(acc, accounts);
    var op = new io.graphyne.protocol.ops.TransferOperation(
        new io.graphyne.protocol.types.Asset(1, io.graphyne.protocol.ObjectId.asset(0)),
        io.graphyne.protocol.ObjectId.account(100), io.graphyne.protocol.ObjectId.account(101),
        new io.graphyne.protocol.types.Asset(99, io.graphyne.protocol.ObjectId.asset(0)), null, List.of());
    var t = new io.graphyne.protocol.Transaction(1, 2, java.time.Instant.parse("2021-06-01T00:10:00Z"), List.of(op), List.of());
    var chainId = io.graphyne.config.ChainPresets.TESTNET.chainId();
    byte[] sig = secp.sign(t.sigDigest(chainId).toArray(), bobPriv);
    var stx = new io.graphyne.protocol.SignedTransaction(t, List.of(io.graphyne.protocol.Bytes.of(sig)));
    Path tx = dir.resolve("tn-tx.json");
    Files.writeString(tx, io.graphyne.protocol.json.ProtocolJson.toJson(stx, "TEST").toString());
    Path cas = dir.resolve("tn-cas.json");
    Files.writeString(cas, "[{\"id\":\"1.17.0\",\"account\":\"1.2.100\",\"enabled\":true,"
        + "\"valid_from\":\"2021-05-01T00:00:00\",\"valid_to\":\"2021-07-01T00:00:00\",\"operation_type\":0,"
        + "\"auth\":{\"weight_threshold\":1,\"account_auths\":[[\"1.2.101\",1]],\"key_auths\":[],\"address_auths\":[]},"
        + "\"restrictions\":[[0,{\"member_index\":3,\"restriction_type\":10,\"argument\":[39,["
        + "{\"member_index\":0,\"restriction_type\":2,\"argument\":[2,100],\"extensions\":[]}]],\"extensions\":[]}]]}]");
    List<String> base = List.of("authority", "check", "--accounts", acc.toString(), "--tx", tx.toString(),
        "--chain", "testnet", "--time", "2021-06-01T00:00:00Z");
    Run without = run(base.toArray(String[]::new));
    assertThat(without.code()).as(without.err()).isZero();
    assertThat(without.json().get("error").asText()).isEqualTo("missing_active");
    List<String> with = new ArrayList<>(base);
    with.add("--custom-authorities");
    with.add(cas.toString());
    Run ok = run(with.toArray(String[]::new));
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.json().get("valid").asBoolean()).isTrue();
    assertThat(ok.json().get("used").get(0).asText()).isEqualTo(bobKey.toString("TEST"));
    // inert on mainnet rules (BSIP40 not active there)
    List<String> mainnetRules = new ArrayList<>(with);
    mainnetRules.add("--hardforks");
    mainnetRules.add("mainnet");
    assertThat(run(mainnetRules.toArray(String[]::new)).json().get("error").asText()).isEqualTo("missing_active");
  }

  static String account(String id, String name, String key) {
    String auth = "{\"weight_threshold\":1,\"account_auths\":[],\"key_auths\":[[\"" + key + "\",1]],\"address_auths\":[]}";
    return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"owner\":" + auth + ",\"active\":" + auth
        + ",\"options\":{\"memo_key\":\"" + key + "\"}}";
  }

  @Test
  void verifyAccountMatchesTheNode() throws Exception {
    int n = 0;
    for (JsonNode a : ROOT.get("account_authority_checks")) {
      Path acc = dir.resolve("vac-" + n + ".json");
      Files.writeString(acc, a.get("accounts").toString());
      for (JsonNode chk : a.get("checks")) {
        List<String> ks = new ArrayList<>();
        chk.get("keys").forEach(k -> ks.add(k.asText()));
        if (ks.isEmpty()) {
          continue; // picocli needs at least one value for --keys
        }
        Run r = run("authority", "verify-account", "--accounts", acc.toString(), "--account", a.get("account").asText(),
            "--keys", String.join(",", ks));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("result").asBoolean()).as(a.get("account") + " " + chk.get("key_labels"))
            .isEqualTo(chk.get("result").asBoolean());
        n++;
      }
    }
    assertThat(n).isGreaterThan(20);
  }
}
