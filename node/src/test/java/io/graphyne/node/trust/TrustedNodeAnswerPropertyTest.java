package io.graphyne.node.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.chainstore.AccountRecord;
import io.graphyne.chainstore.DynamicProperties;
import io.graphyne.crypto.PrivateKey;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.generate.ChainGenerator;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.protocol.types.Authority;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The parser of a trusted node's answers takes untrusted bytes: valid answers in bitshares-core's
 * shape with bytes mutated either parse or fail with a {@link TrustedNodeException}, nothing else.
 */
class TrustedNodeAnswerPropertyTest {
  static final JsonRpcClient CLIENT = new JsonRpcClient(URI.create("http://127.0.0.1:9/rpc"),
      new JsonRpcClient.Limits(Duration.ofSeconds(1), 64 * 1024, 32));
  static final JsonContext CTX = new JsonContext("BTS");
  static final byte[][] VALID = valid();

  static byte[][] valid() {
    PrivateKey k = ChainGenerator.key("prop");
    Authority a = Authority.singleKey(k.publicKey(Secp256k1Provider.system()));
    Authority committee = new Authority(2, Map.of(ObjectId.account(6), 1, ObjectId.account(7), 1, ObjectId.account(8), 1), Map.of(), Map.of());
    DynamicProperties head = new DynamicProperties(1234, Bytes.zeros(20), 1_780_000_000L, 1300, 1_780_000_600L, false, 1200, Bytes.zeros(16));
    var accounts = FakeCoreNode.F.arrayNode();
    for (int i = 0; i < 3; i++) {
      accounts.add(FakeCoreNode.account(new AccountRecord(ObjectId.account(i), "special-" + i, a, a, k.publicKey(Secp256k1Provider.system()), 0),
          committee, "BTS", 1_700_000_000L));
    }
    JsonNode params = ProtocolJson.parse(new String(ChainGenerator.genesisJson(ChainGenerator.Config.of(0, 0)), StandardCharsets.UTF_8))
        .get("initial_parameters");
    return new byte[][] {
      ProtocolJson.write(FakeCoreNode.dynamicGlobals(head, 1_779_999_000L)).getBytes(StandardCharsets.UTF_8),
      ProtocolJson.write(FakeCoreNode.globals(params, List.of("1.6.1", "1.6.2", "1.6.3"))).getBytes(StandardCharsets.UTF_8),
      ProtocolJson.write(accounts).getBytes(StandardCharsets.UTF_8)};
  }

  static TrustedNodeTrust.Answer parse(byte[][] parts) {
    JsonNode dyn = CLIENT.parse(parts[0]);
    return TrustedNodeTrust.parse(dyn, CLIENT.parse(parts[1]), CLIENT.parse(parts[2]), dyn, CTX, 0);
  }

  @Test
  void theUnmutatedAnswerParses() {
    TrustedNodeTrust.Answer a = parse(VALID);
    assertThat(a.activeWitnesses()).containsExactly(ObjectId.witness(1), ObjectId.witness(2), ObjectId.witness(3));
    assertThat(a.activeAuthorities()).hasSize(3);
    assertThat(a.maintenanceTime()).isEqualTo(1_779_999_000L);
    assertThat(a.headBlockNumber()).isEqualTo(1234);
  }

  @Property(tries = 400)
  void mutatedAnswersParseOrFailTyped(@ForAll @IntRange(min = 0, max = 2) int part,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1_000_000) Integer> positions,
      @ForAll @Size(min = 8, max = 8) List<Byte> values) {
    byte[][] parts = {VALID[0].clone(), VALID[1].clone(), VALID[2].clone()};
    byte[] p = parts[part];
    for (int i = 0; i < positions.size(); i++) {
      p[positions.get(i) % p.length] = values.get(i);
    }
    try {
      TrustedNodeTrust.Answer a = parse(parts);
      assertThat(a.activeWitnesses()).isNotEmpty().allMatch(w -> w.isType(ObjectId.PROTOCOL_SPACE, ObjectId.WITNESS_TYPE));
      assertThat(a.activeAuthorities()).containsOnlyKeys(TrustedNodeTrust.VOTE_DERIVED_ACCOUNTS);
    } catch (TrustedNodeException e) {
      assertThat(e.kind()).isEqualTo(TrustedNodeException.Kind.MALFORMED);
    }
  }

  @Property(tries = 200)
  void truncatedAnswersFailTyped(@ForAll @IntRange(min = 0, max = 2) int part, @ForAll @IntRange(min = 0, max = 100_000) int cut) {
    byte[][] parts = {VALID[0], VALID[1], VALID[2]};
    byte[] p = parts[part];
    parts[part] = java.util.Arrays.copyOf(p, cut % p.length);
    assertThatThrownBy(() -> parse(parts)).isInstanceOf(TrustedNodeException.class);
  }

  @Test
  void aMaintenanceBetweenTheCallsIsRefused() {
    JsonNode dyn = CLIENT.parse(VALID[0]);
    DynamicProperties head = new DynamicProperties(1235, Bytes.zeros(20), 1_780_000_600L, 1301, 1_780_001_200L, true, 1200, Bytes.zeros(16));
    JsonNode later = FakeCoreNode.dynamicGlobals(head, 1_780_000_600L);
    List<JsonNode> parts = new ArrayList<>(List.of(dyn, CLIENT.parse(VALID[1]), CLIENT.parse(VALID[2])));
    assertThatThrownBy(() -> TrustedNodeTrust.parse(parts.get(0), parts.get(1), parts.get(2), later, CTX, 0))
        .isInstanceOf(TrustedNodeException.class).hasMessageContaining("maintenance while answering");
  }

  @Test
  void specialAuthorityObjectsAreBoundedAndTyped() {
    JsonNode ok = CLIENT.parse("[null, {\"id\":\"2.14.1\",\"account\":\"1.2.17\"}, {\"id\":\"2.14.2\",\"account\":\"1.2.17\"}]"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(TrustedNodeTrust.specialAccounts(ok)).containsExactly(ObjectId.account(17));
    JsonNode notAccount = CLIENT.parse("[{\"id\":\"2.14.0\",\"account\":\"1.3.0\"}]".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> TrustedNodeTrust.specialAccounts(notAccount)).isInstanceOf(TrustedNodeException.class);
    JsonNode tooMany = CLIENT.parse(("[" + "null,".repeat(TrustedNodeTrust.MAX_SPECIAL_AUTHORITIES) + "null]").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> TrustedNodeTrust.specialAccounts(tooMany)).isInstanceOf(TrustedNodeException.class);
    // only an active top-holders special authority is taken; a wrong count is refused
    JsonNode accounts = CLIENT.parse(VALID[2]);
    List<ObjectId> ids = List.of(ObjectId.account(0), ObjectId.account(1));
    JsonNode two = FakeCoreNode.F.arrayNode().add(accounts.get(0)).add(accounts.get(1));
    ((com.fasterxml.jackson.databind.node.ObjectNode) two.get(1)).set("active_special_authority",
        CLIENT.parse("[1, {\"asset\":\"1.3.0\",\"num_top_holders\":3}]".getBytes(StandardCharsets.UTF_8)));
    assertThat(TrustedNodeTrust.topHolderActives(ids, two, CTX)).containsOnlyKeys(ObjectId.account(1));
    assertThat(TrustedNodeTrust.topHolderOwners(ids, two, CTX)).isEmpty();
    ((com.fasterxml.jackson.databind.node.ObjectNode) two.get(0)).set("owner_special_authority",
        CLIENT.parse("[1, {\"asset\":\"1.3.0\",\"num_top_holders\":1}]".getBytes(StandardCharsets.UTF_8)));
    assertThat(TrustedNodeTrust.topHolderOwners(ids, two, CTX)).containsOnlyKeys(ObjectId.account(0));
    assertThat(TrustedNodeTrust.topHolderActives(ids, two, CTX)).containsOnlyKeys(ObjectId.account(1));
    assertThatThrownBy(() -> TrustedNodeTrust.topHolderActives(ids, FakeCoreNode.F.arrayNode().add(accounts.get(0)), CTX))
        .isInstanceOf(TrustedNodeException.class);
  }
}
