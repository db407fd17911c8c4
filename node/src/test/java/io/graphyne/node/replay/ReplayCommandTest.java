package io.graphyne.node.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphyne.node.cli.Main;
import io.graphyne.testing.Vectors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code graphyne chain generate} and {@code graphyne replay}, in-process. */
class ReplayCommandTest {
  @TempDir Path tmp;

  record Result(int code, JsonNode json, String err) {}

  static Result run(String... args) throws Exception {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    String o = out.toString();
    return new Result(code, o.isBlank() ? null : new ObjectMapper().readTree(o), err.toString());
  }

  @Test
  void generateThenReplayGivesTheGeneratorsStateHash() throws Exception {
    Path blocks = tmp.resolve("chain.hex");
    Path genesis = tmp.resolve("genesis.json");
    Result g = run("chain", "generate", "--out", blocks.toString(), "--genesis-out", genesis.toString(), "--blocks", "5",
        "--tx-per-block", "30", "--accounts", "10,3,2", "--mix", "single:50,multisig:30,hierarchy:20");
    assertThat(g.code()).as(g.err()).isZero();
    assertThat(g.json().get("transactions").asLong()).isEqualTo(5 * 30 + 10 + 3 + 2 * 6 + 2 + 2);
    Result r = run("replay", "--blocks", blocks.toString(), "--genesis", genesis.toString(), "--threads", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().get("state_hash").asText()).isEqualTo(g.json().get("state_hash").asText());
    assertThat(r.json().get("transactions").asLong()).isEqualTo(g.json().get("transactions").asLong());
    assertThat(r.json().get("rejected").size()).isZero();
  }

  @Test
  void replayOfThePrivateChainIntoADataDirectoryThenAgainFromIt() throws Exception {
    Path dir = tmp.resolve("data");
    String file = Vectors.path("private-chain/blocks.hex").toString();
    Result first = run("replay", "--blocks", file, "--genesis", Vectors.path("private-chain/genesis.json").toString(),
        "--data-dir", dir.toString(), "--limit", "100");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.json().get("head_block_num").asLong()).isEqualTo(100);
    Result second = run("replay", "--blocks", file, "--data-dir", dir.toString());
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.json().get("head_block_num").asLong()).isEqualTo(220);
    assertThat(second.json().get("already_known").asLong()).isEqualTo(100);
    assertThat(second.json().get("transactions").asLong()).isPositive();
  }

  @Test
  void missingInputsAreUserErrors() throws Exception {
    Result r = run("replay", "--blocks", tmp.resolve("nope.hex").toString(), "--genesis", "x.json");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no such file");
  }
}
