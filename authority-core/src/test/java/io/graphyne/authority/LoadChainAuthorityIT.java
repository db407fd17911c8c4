package io.graphyne.authority;

import io.graphyne.testing.Vectors;
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
 * Replays the authority side of vectors/load-chain and vectors/private-chain (a real bitshares-core 7.0.2 chain under load:
 * 1,000 account creations, then single-key, 2-of-3 and company-hierarchy transfers; the private
 * chain of the seeds' setups with proposals): accounts from the genesis, account_create /
 * account_update and proposals executed on approval, every signature recovered over the
 * node's signing digest, every transaction checked against the state before it. The node accepted
 * all of them, so every verdict must be valid with every signature used. All 40 blocks (63,054
 * transactions, about 20 s on 2 shared cores); fewer with -Dgraphyne.loadchain.blocks=N.
 */
class LoadChainAuthorityIT {

  /** An open proposal: its operations and the approvals collected so far. */
  static final class Proposal {
    List<Operation> ops;
    Long reviewPeriod;
    java.util.Set<ObjectId> active = new java.util.TreeSet<>();
    java.util.Set<ObjectId> owner = new java.util.TreeSet<>();
    java.util.Set<PublicKey> keys = new java.util.TreeSet<>();
  }

  /** A mutable account map (the chain state the replay builds). */
  static final class State implements AuthorityView {
    final Map<ObjectId, Authority[]> accounts = new HashMap<>();
    final Map<ObjectId, Proposal> proposals = new HashMap<>();
    long next;
    long nextProposal;
    int executed;
    final List<ObjectId> executedIds = new ArrayList<>();

    void apply(Operation op, HardforkSchedule.Rules rules) {
      if (op instanceof AccountCreateOperation c) {
        accounts.put(ObjectId.account(next++), new Authority[] {c.owner(), c.active()});
      } else if (op instanceof AccountUpdateOperation u) {
        Authority[] cur = accounts.get(u.account());
        accounts.put(u.account(), new Authority[] {
            u.owner() != null ? u.owner() : cur[0], u.active() != null ? u.active() : cur[1]});
      } else if (op instanceof io.graphyne.protocol.ops.ProposalCreateOperation pc) {
        Proposal p = new Proposal();
        p.ops = new ArrayList<>();
        pc.proposedOps().forEach(w -> p.ops.add(w.op()));
        p.reviewPeriod = pc.reviewPeriodSeconds();
        proposals.put(new ObjectId(1, 10, nextProposal++), p);
      } else if (op instanceof io.graphyne.protocol.ops.ProposalUpdateOperation pu) {
        Proposal p = proposals.get(pu.proposal());
        p.active.addAll(pu.activeApprovalsToAdd());
        p.active.removeAll(pu.activeApprovalsToRemove());
        p.owner.addAll(pu.ownerApprovalsToAdd());
        p.owner.removeAll(pu.ownerApprovalsToRemove());
        p.keys.addAll(pu.keyApprovalsToAdd());
        p.keys.removeAll(pu.keyApprovalsToRemove());
        if (p.reviewPeriod == null) {
          var reqs = RecordOpFields.requirements(p.ops, rules.ignoreCustomOperationRequiredAuths());
          Verdict v = Proposals.authorizeExecution(reqs, p.active, p.owner, new ArrayList<>(p.keys), this, rules, 2,
              CustomAuthorityLookup.NONE);
          if (v.valid()) {
            proposals.remove(pu.proposal());
            executed++;
            executedIds.add(pu.proposal());
            for (Operation inner : p.ops) {
              apply(inner, rules);
            }
          }
        }
      } else if (op instanceof io.graphyne.protocol.ops.ProposalDeleteOperation pd) {
        proposals.remove(pd.proposal());
      }
    }

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
    int maxBlocks = Integer.getInteger("graphyne.loadchain.blocks", 40);
    int[] counts = replay("vectors/load-chain", "blocks.hex.gz", maxBlocks);
    JsonNode chain = Vectors.sharedJson("vectors/load-chain/chain.json");
    if (maxBlocks >= 40) {
      assertThat(counts[0]).isEqualTo(chain.get("transactions_here").asInt());
    }
    assertThat(counts[1]).isGreaterThan(counts[0]);
    assertThat(counts[2]).isPositive();
  }

  /** The private chain made with cli_wallet (seeds' setups, coalitions, proposals). */
  @Test
  void privateChainTransactionsAreAuthorized() throws Exception {
    int[] counts = replay("vectors/private-chain", "blocks.hex", 220);
    assertThat(counts[0]).isPositive();
    assertThat(counts[2]).isPositive();
    // proposals executed on approval (one of them raises multikey-2of3 to 3-of-3, which later
    // transfers signed by all three keys depend on)
    assertThat(counts[3]).isPositive();
    // every proposal the scenario log marks "-> executes" on approval executes here too (the log
    // does not annotate every execution: 1.10.2 and 1.10.3, transfers from company approved by
    // cfo.company, whose 51 alone meets company's threshold 51, execute as well)
    List<ObjectId> expected = new ArrayList<>();
    for (String line : Files.readAllLines(Vectors.shared().resolve("vectors/private-chain/scenario.jsonl"))) {
      JsonNode e = Net.json(line);
      String desc = e.path("desc").asText();
      if (e.path("kind").asText().equals("proposal-approve") && desc.contains("-> executes")) {
        expected.add(ObjectId.parse(e.get("proposal").asText()));
      }
    }
    assertThat(lastExecuted).containsAll(expected);
    assertThat(lastExecuted).contains(new ObjectId(1, 10, 2), new ObjectId(1, 10, 3)).hasSize(expected.size() + 2);
  }

  static List<ObjectId> lastExecuted = List.of();

  /** Returns {transactions, signatures, accounts created with account members, proposals executed}. */
  static int[] replay(String dir, String blocksFile, int maxBlocks) throws Exception {
    JsonNode chain = Vectors.sharedJson(dir + "/chain.json");
    JsonNode genesis = Vectors.sharedJson(dir + "/genesis.json");
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
    int txs = 0;
    int sigs = 0;
    int nested = 0;
    java.io.InputStream in = Files.newInputStream(Vectors.shared().resolve(dir + "/" + blocksFile));
    if (blocksFile.endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
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
            if (op instanceof AccountCreateOperation c && !c.active().accountAuths().isEmpty()) {
              nested++;
            }
            s.apply(op, rules);
          }
        }
      }
    }
    lastExecuted = List.copyOf(s.executedIds);
    return new int[] {txs, sigs, nested, s.executed};
  }
}
