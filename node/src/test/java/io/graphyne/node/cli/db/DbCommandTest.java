package io.graphyne.node.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphyne.chainstore.AccountRecord;
import io.graphyne.chainstore.BlockChanges;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.Schema;
import io.graphyne.chainstore.StoreOptions;
import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.KvBatch;
import io.graphyne.chainstore.kv.RocksConfig;
import io.graphyne.crypto.Hashes;
import io.graphyne.node.cli.Main;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DbCommandTest {
  static final Bytes CHAIN = Bytes.wrap(Hashes.sha256("db-command-test".getBytes()));

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static PublicKey key(int i) {
    byte[] k = new byte[33];
    k[0] = 2;
    System.arraycopy(Hashes.sha256(("k" + i).getBytes()), 0, k, 1, 32);
    return PublicKey.wrap(k);
  }

  Bytes stateHash;

  void writeChain(int blocks) {
    try (ChainStore store = ChainStore.openRocksDb(tmp.resolve(ChainStore.DIRECTORY_NAME), CHAIN,
        RocksConfig.defaults().withSyncWrites(false), StoreOptions.defaults())) {
      for (int n = 1; n <= blocks; n++) {
        byte[] id = Arrays.copyOf(Hashes.sha256(("block" + n).getBytes()), 20);
        try (BlockChanges b = store.beginBlock(n, Bytes.wrap(id), new byte[] {(byte) n})) {
          b.putAccount(new AccountRecord(ObjectId.account(n), "acct" + n, Authority.singleKey(key(n)),
              Authority.singleKey(key(n + 1)), key(0), 0));
          b.setLastIrreversible(Math.max(0, n - 2));
          b.commit();
        }
      }
      stateHash = store.stateHash();
    }
  }

  @Test
  void infoVerifyCompact() throws Exception {
    writeChain(5);
    Run info = run("db", "info", "--data-dir", tmp.toString());
    assertThat(info.code()).as(info.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(info.out());
    assertThat(j.get("chain_id").asText()).isEqualTo(CHAIN.toHex());
    assertThat(j.get("schema_version").asInt()).isEqualTo(Schema.VERSION);
    assertThat(j.get("head_block_num").asLong()).isEqualTo(5);
    assertThat(j.get("last_irreversible_block_num").asLong()).isEqualTo(3);
    assertThat(j.get("counts").get("accounts").asLong()).isEqualTo(5);
    assertThat(j.get("counts").get("undo").asLong()).isEqualTo(2);
    assertThat(j.get("size_on_disk_bytes").asLong()).isPositive();
    assertThat(j.get("state_hash").asText()).isEqualTo(stateHash.toHex());

    Run verify = run("db", "verify", "--data-dir", tmp.toString());
    assertThat(verify.code()).as(verify.err()).isZero();
    JsonNode v = new ObjectMapper().readTree(verify.out());
    assertThat(v.get("ok").asBoolean()).isTrue();
    assertThat(v.get("checked").asLong()).isGreaterThan(10);

    Run compact = run("db", "compact", "--data-dir", tmp.toString());
    assertThat(compact.code()).as(compact.err()).isZero();
    assertThat(new ObjectMapper().readTree(compact.out()).get("size_after_bytes").asLong()).isPositive();
  }

  @Test
  void verifyReportsDamageWithExitCodeOne() throws Exception {
    writeChain(3);
    try (ChainStore store = ChainStore.openRocksDb(tmp.resolve(ChainStore.DIRECTORY_NAME), CHAIN,
        RocksConfig.defaults(), StoreOptions.defaults())) {
      store.kv().commit(new KvBatch().delete(Column.ACCOUNT_NAMES, "acct2".getBytes()));
    }
    Run verify = run("db", "verify", "--data-dir", tmp.toString());
    assertThat(verify.code()).isEqualTo(1);
    JsonNode v = new ObjectMapper().readTree(verify.out());
    assertThat(v.get("ok").asBoolean()).isFalse();
    assertThat(v.get("problems").get(0).get("kind").asText()).isEqualTo("NAME_INDEX_MISSING");
    assertThat(verify.err()).contains("problems");
  }

  @Test
  void missingDatabaseIsAClearError() {
    Run info = run("db", "info", "--data-dir", tmp.resolve("nowhere").toString());
    assertThat(info.code()).isEqualTo(1);
    assertThat(info.err()).contains("NOT_A_DATABASE");
    assertThat(info.out()).isEmpty();
  }
}
