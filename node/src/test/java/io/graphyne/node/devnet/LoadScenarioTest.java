package io.graphyne.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.authority.AccountAuthorities;
import io.graphyne.authority.HardforkSchedule;
import io.graphyne.authority.MapAuthorityView;
import io.graphyne.authority.TransactionAuthority;
import io.graphyne.authority.Verdict;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedBlockHeader;
import io.graphyne.protocol.BlockHeader;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.protocol.ops.AccountUpdateOperation;
import io.graphyne.protocol.types.Authority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the load scenario against a simulated chain that includes exactly the transactions the
 * project's authority engine accepts, and checks that every expectation the scenario states is
 * the engine's verdict: sufficient coalitions pass, insufficient ones fail with missing_active,
 * extra keys with irrelevant_sig.
 */
class LoadScenarioTest {
  private static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

  @Test
  void everyExpectationMatchesTheAuthorityEngine() {
    DevnetGenesis.Generated g = DevnetGenesis.generate(START, 3, 1);
    DevnetLedger ledger = new DevnetLedger(g.accounts());
    Map<ObjectId, AccountAuthorities> accounts = new HashMap<>();
    for (String n : g.accounts()) {
      ObjectId id = ledger.account(n).orElseThrow();
      accounts.put(id, new AccountAuthorities(id, n, Authority.singleKey(DevnetKeys.owner(n).publicKey()),
          Authority.singleKey(DevnetKeys.active(n).publicKey()), DevnetKeys.memo(n).publicKey()));
    }
    LoadScenario s = new LoadScenario(g.chainId(), 42, 6);
    Bytes prev = Bytes.zeros(20);
    long num = 0;
    prev = block(ledger, prev, ++num, List.of());
    Map<Expected, Integer> seen = new EnumMap<>(Expected.class);
    Set<String> kinds = new HashSet<>();
    int executedApprovals = 0;
    for (int tick = 0; tick < 120; tick++) {
      Instant now = START.plusSeconds(num);
      List<LoadScenario.Planned> planned = s.tick(ledger, now);
      List<ProcessedTransaction> include = new ArrayList<>();
      MapAuthorityView view = new MapAuthorityView(accounts.values());
      for (LoadScenario.Planned p : planned) {
        var signers = TransactionAuthority.recoverSigners(p.tx(), g.chainId(), Secp256k1Provider.system());
        assertThat(signers.ok()).isTrue();
        Verdict v = TransactionAuthority.check(p.tx().transaction(), signers.keys(), view,
            HardforkSchedule.allActive().at(now), 2);
        assertThat(v.error()).as(p.description()).isEqualTo(p.expected().error());
        seen.merge(p.expected(), 1, Integer::sum);
        kinds.add(p.kind());
        if (p.description().endsWith("-> executes")) {
          executedApprovals++;
        }
        if (v.valid()) {
          include.add(new ProcessedTransaction(p.tx(), List.of()));
        }
      }
      long before = num + 1;
      prev = block(ledger, prev, ++num, include);
      // apply what the included transactions change in authorities
      for (ProcessedTransaction t : include) {
        for (Operation op : t.transaction().operations()) {
          if (op instanceof AccountCreateOperation c) {
            ObjectId id = ledger.account(c.name()).orElseThrow();
            accounts.put(id, new AccountAuthorities(id, c.name(), c.owner(), c.active(), c.options().memoKey()));
          } else if (op instanceof AccountUpdateOperation u && u.active() != null) {
            AccountAuthorities a = accounts.get(u.account());
            accounts.put(a.id(), new AccountAuthorities(a.id(), a.name(), a.owner(), u.active(), a.memoKey()));
          }
        }
      }
      assertThat(ledger.headNum()).isEqualTo(before);
    }
    assertThat(s.inTraffic()).isTrue();
    assertThat(seen.get(Expected.ACCEPT)).isGreaterThan(100);
    assertThat(seen.get(Expected.MISSING_ACTIVE)).isGreaterThan(50);
    assertThat(seen.get(Expected.IRRELEVANT_SIG)).isGreaterThan(0);
    assertThat(kinds).contains("register", "account-update", "transfer", "proposal-create", "proposal-approve");
    assertThat(executedApprovals).isGreaterThan(3);
    // the seeds' setups are in place
    AccountAuthorities company = accounts.get(ledger.account(SeedAccounts.COMPANY).orElseThrow());
    assertThat(company.active().weightThreshold()).isEqualTo(51);
    assertThat(company.active().accountAuths()).hasSize(2);
  }

  private static Bytes block(DevnetLedger ledger, Bytes prev, long num, List<ProcessedTransaction> txs) {
    BlockHeader h = new BlockHeader(prev, START.plusSeconds(num), ObjectId.witness(1),
        SignedBlock.merkleRoot(txs), List.of());
    SignedBlock b = new SignedBlock(new SignedBlockHeader(h, Bytes.zeros(65)), txs);
    ledger.onBlock(b);
    return b.id();
  }
}
