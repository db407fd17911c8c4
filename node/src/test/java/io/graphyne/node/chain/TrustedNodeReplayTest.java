package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.chainstore.DynamicProperties;
import io.graphyne.node.cli.Main;
import io.graphyne.node.trust.FakeCoreNode;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.util.Hex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code graphyne replay --trusted-node} over a generated chain whose active set changes at its
 * second maintenance, with a loopback server answering as bitshares-core: covered by the node, the
 * new set is taken from it; not covered, it is learned from production; strict, it is rejected.
 */
class TrustedNodeReplayTest {
  @TempDir static Path tmp;
  static Path blocksFile;
  static Path genesisFile;
  static long secondMaintenanceTime;
  static DynamicProperties head;
  static Map<String, JsonNode> accountObjects = new HashMap<>();
  static JsonNode parameters;
  static String chainId;

  @BeforeAll
  static void chain() throws Exception {
    List<PreparedBlock> blocks = WitnessSetFromProductionTest.produce(WitnessSetFromProductionTest.CHANGE_AT_SECOND, 260);
    List<String> lines = new ArrayList<>();
    blocks.forEach(b -> lines.add(Hex.encode(b.raw())));
    blocksFile = tmp.resolve("blocks.hex");
    Files.write(blocksFile, lines);
    try (TestChain t = WitnessSetFromProductionTest.learner()) {
      genesisFile = tmp.resolve("genesis.json");
      Files.write(genesisFile, t.genesisJson);
      List<Long> maintenanceTimes = new ArrayList<>();
      for (PreparedBlock b : blocks) {
        assertThat(t.chain.pushBlock(t.roundTrip(b)).applied()).isTrue();
        if (t.chain.dynamicProperties().maintenanceFlag()) {
          maintenanceTimes.add(t.chain.dynamicProperties().time());
        }
      }
      assertThat(maintenanceTimes).hasSize(2);
      secondMaintenanceTime = maintenanceTimes.get(1);
      head = t.chain.dynamicProperties();
      for (int i = 0; i < 3; i++) {
        var a = t.store.state().account(ObjectId.account(i)).orElseThrow();
        accountObjects.put("1.2." + i, FakeCoreNode.account(a, a.active(), "BTS", t.genesis.initialTimestamp().getEpochSecond()));
      }
      chainId = t.genesis.chainId().toHex();
      parameters = ProtocolJson.parse(new String(t.genesisJson, java.nio.charset.StandardCharsets.UTF_8)).get("initial_parameters");
    }
  }

  static FakeCoreNode node(long maintenanceTime) throws Exception {
    return node(maintenanceTime, WitnessSetFromProductionTest.NEW_SET);
  }

  static FakeCoreNode node(long maintenanceTime, List<ObjectId> witnesses) throws Exception {
    FakeCoreNode n = new FakeCoreNode();
    ObjectNode dyn = FakeCoreNode.dynamicGlobals(head, maintenanceTime);
    ObjectNode glob = FakeCoreNode.globals(parameters, witnesses.stream().map(ObjectId::toString).toList());
    n.methods.put("get_chain_id", a -> com.fasterxml.jackson.databind.node.TextNode.valueOf(chainId));
    n.methods.put("get_dynamic_global_properties", a -> dyn);
    n.methods.put("get_global_properties", a -> glob);
    n.methods.put("get_objects", FakeCoreNode.objects(accountObjects));
    return n;
  }

  record Result(int code, JsonNode json, String err) {}

  static Result replay(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("replay", "--blocks", blocksFile.toString(), "--genesis", genesisFile.toString(),
        "--threads", "1", "--chain", "mainnet"));
    args.addAll(List.of(extra));
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args.toArray(String[]::new));
    String o = out.toString();
    return new Result(code, o.isBlank() ? null : new ObjectMapper().readTree(o), err.toString());
  }

  @Test
  void aNodeInTheSameMaintenanceGivesTheNewSet() throws Exception {
    try (FakeCoreNode n = node(secondMaintenanceTime)) {
      Result r = replay("--trusted-node", n.hostPort());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.json().get("rejected").size()).isZero();
      assertThat(r.json().get("trust_source").asText()).contains("trusted node http://" + n.hostPort());
      assertThat(r.json().get("witness_set").asText()).isEqualTo("production");
      assertThat(r.json().get("blocks_learning_witness_set").asLong()).isZero();
      assertThat(r.json().get("blocks_on_learned_witness_set").asLong()).isZero();
      assertThat(n.requests.get()).as("chain id, dynamic, global, 1.2.0-2, 2.14.x, dynamic").isEqualTo(6);
    }
  }

  @Test
  void aNodeAlreadyPastThatMaintenanceLeavesItToProduction() throws Exception {
    try (FakeCoreNode n = node(secondMaintenanceTime + 600)) {
      Result r = replay("--trusted-node", n.hostPort());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.json().get("rejected").size()).isZero();
      assertThat(r.json().get("blocks_learning_witness_set").asLong()).isPositive();
      assertThat(r.json().get("blocks_on_learned_witness_set").asLong()).isPositive();
      Result strict = replay("--trusted-node", n.hostPort(), "--witness-set", "last-known");
      assertThat(strict.code()).isEqualTo(1);
      assertThat(strict.json().get("rejected").has("b7_wrong_witness")).as(strict.json().toString()).isTrue();
    }
    Result bad = replay("--witness-set", "sometimes");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("--witness-set");
  }

  @Test
  void severalAgreeingNodesGiveTheSetAndAWrongChainNodeIsRefused() throws Exception {
    try (FakeCoreNode a = node(secondMaintenanceTime); FakeCoreNode b = node(secondMaintenanceTime)) {
      Result r = replay("--trusted-node", a.hostPort(), "--trusted-node", b.hostPort());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.json().get("rejected").size()).isZero();
      assertThat(r.json().get("blocks_learning_witness_set").asLong()).isZero();
      assertThat(a.requests.get()).isEqualTo(6);
      assertThat(b.requests.get()).isEqualTo(6);
      assertThat(r.json().get("trusted_nodes").get("disagreements").asLong()).isZero();
      assertThat(r.json().get("trusted_nodes").get("failures").asLong()).isZero();
    }
    try (FakeCoreNode a = node(secondMaintenanceTime); FakeCoreNode other = node(secondMaintenanceTime)) {
      other.methods.put("get_chain_id", x -> com.fasterxml.jackson.databind.node.TextNode.valueOf("00".repeat(32)));
      // the other chain's node is refused; the remaining one covers the maintenance
      Result r = replay("--trusted-node", other.hostPort(), "--trusted-node", a.hostPort());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.json().get("blocks_learning_witness_set").asLong()).isZero();
      assertThat(other.requests.get()).as("get_chain_id only").isEqualTo(1);
      assertThat(r.json().get("trusted_nodes").get("refused_other_chain").get(0).asText()).contains(other.hostPort());
      assertThat(r.json().get("trusted_nodes").get("last_error").asText()).startsWith("wrong_chain");
      // alone, it covers nothing: the set is learned from production
      Result alone = replay("--trusted-node", other.hostPort());
      assertThat(alone.code()).as(alone.err()).isZero();
      assertThat(alone.json().get("blocks_learning_witness_set").asLong()).isPositive();
    }
  }

  @Test
  void disagreeingNodesLeaveTheMaintenanceToProduction() throws Exception {
    List<ObjectId> other = new ArrayList<>(WitnessSetFromProductionTest.NEW_SET);
    other.set(0, ObjectId.witness(1));
    try (FakeCoreNode a = node(secondMaintenanceTime); FakeCoreNode b = node(secondMaintenanceTime, other)) {
      Result r = replay("--trusted-node", a.hostPort(), "--trusted-node", b.hostPort());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.json().get("rejected").size()).isZero();
      assertThat(r.json().get("trusted_nodes").get("disagreements").asLong()).isEqualTo(1);
      assertThat(r.json().get("trusted_nodes").get("last_error").asText()).startsWith("disagreement").contains(b.hostPort());
      // not covered: the new set is learned from production
      assertThat(r.json().get("blocks_learning_witness_set").asLong()).isPositive();
    }
  }
}
