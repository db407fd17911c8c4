package io.graphyne.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.protocol.ops.AccountUpdateOperation;
import io.graphyne.protocol.types.Authority;
import io.graphyne.util.Hex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Replays the authority side of vectors/load-chain (a real bitshares-core 7.0.2 chain under load:
 * 1,000 account creations, then single-key, 2-of-3 and company-hierarchy transfers): accounts from
 * the genesis and from account_create / account_update, every signature recovered over the
 * node's signing digest, every transaction checked against the state before it. The node accepted
 * all of them, so every verdict must be valid with every signature used. All 40 blocks (63,054
 * transactions, about 20 s on 2 shared cores); fewer with -Dgraphyne.loadchain.blocks=N.
 */
class LoadChainAuthorityIT {

  /** A mutable account map (the chain state the replay builds). */
  static final class State implements AuthorityView {
    final Map<ObjectId, Authority[]> accounts = new HashMap<>();
    long next;

    @Override
    public Authority active(ObjectId a) {
      Authority[] x = accounts.get(a);
      return x == null ? null : x[1];
    }

    @Override
    public Authority owner(ObjectId a) {
      Authority[] x = accounts.get(a);
      return x == null ? null : x[0];
    }
  }

  @Test
  void everyTransactionIsAuthorized() throws Exception {
    JsonNode chain = Vectors.json("vectors/load-chain/chain.json");
    JsonNode genesis = Vectors.json("vectors/load-chain/genesis.json");
    Bytes chainId = Bytes.fromHex(chain.get("chain_id").asText());
    State s = new State();
    Authority empty = new Authority(1, Map.of(), Map.of(), Map.of());
    Authority zero = new Authority(0, Map.of(), Map.of(), Map.of());
    for (int i = 0; i < 6; i++) {
      s.accounts.put(ObjectId.account(i), i == 4 ? new Authority[] {zero, zero} : new Authority[] {empty, empty});
    }
    s.next = 6;
    for (JsonNode a : genesis.get("initial_accounts")) {
      s.accounts.put(ObjectId.account(s.next++), new Authority[] {
          Authority.singleKey(PublicKey.parse(a.get("owner_key").asText(), null)),
          Authority.singleKey(PublicKey.parse(a.get("active_key").asText(), null))});
    }
    int maxBlocks = Integer.getInteger("graphyne.loadchain.blocks", 40);
    int txs = 0;
    int sigs = 0;
    int nested = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(Vectors.shared().resolve("vectors/load-chain/blocks.hex.gz"))), StandardCharsets.US_ASCII))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null && n++ < maxBlocks) {
        SignedBlock b = Codecs.decode(SignedBlock.class, Hex.decode(line.strip()));
        Instant head = b.header().timestamp().minusSeconds(1); // rules of the parent block's time
        HardforkSchedule.Rules rules = HardforkSchedule.mainnet().at(head);
        for (ProcessedTransaction pt : b.transactions()) {
          TransactionAuthority.Signers signers =
              TransactionAuthority.recoverSigners(pt.signed(), chainId, TestCrypto.SECP);
          assertThat(signers.ok()).isTrue();
          Verdict v = TransactionAuthority.check(pt.transaction(), signers.keys(), s, rules, 2);
          assertThat(v.valid()).as("block %d tx %s: %s", b.blockNum(), pt.signed().id(), v).isTrue();
          assertThat(v.used()).hasSize(signers.keys().size());
          txs++;
          sigs += signers.keys().size();
          for (Operation op : pt.transaction().operations()) {
            if (op instanceof AccountCreateOperation c) {
              s.accounts.put(ObjectId.account(s.next++), new Authority[] {c.owner(), c.active()});
              if (!c.active().accountAuths().isEmpty()) {
                nested++;
              }
            } else if (op instanceof AccountUpdateOperation u) {
              Authority[] cur = s.accounts.get(u.account());
              s.accounts.put(u.account(), new Authority[] {
                  u.owner() != null ? u.owner() : cur[0], u.active() != null ? u.active() : cur[1]});
            }
          }
        }
      }
    }
    if (maxBlocks >= 40) {
      assertThat(txs).isEqualTo(chain.get("transactions_here").asInt());
    }
    assertThat(sigs).isGreaterThan(txs);
    assertThat(nested).isPositive();
  }
}
