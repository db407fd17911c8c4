package io.graphyne.node.devnet;

import io.graphyne.crypto.PrivateKey;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.protocol.ops.AccountUpdateOperation;
import io.graphyne.protocol.ops.ProposalCreateOperation;
import io.graphyne.protocol.ops.ProposalUpdateOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.AccountCreateOperationExt;
import io.graphyne.protocol.types.AccountOptions;
import io.graphyne.protocol.types.AccountUpdateOperationExt;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.OpWrapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The devnet's traffic, decided tick by tick from what the chain shows ({@link DevnetLedger}):
 * first the registrar registers the seeds' accounts with single keys, then account updates give
 * the multi-signature accounts their weighted authorities, then every tick sends transfers signed
 * by sufficient coalitions, insufficient ones and ones with an irrelevant extra signature, account
 * updates (valid and insufficient), and proposals that are approved over time until they execute.
 * Pure logic: the caller sends what {@link #tick} returns.
 */
public final class LoadScenario {
  /** A transaction to send and what the nodes must do with it. */
  public record Planned(SignedTransaction tx, Bytes id, String kind, String description, Expected expected) {}

  enum Phase { REGISTER, SETUP, TRAFFIC }

  static final ObjectId CORE = ObjectId.asset(0);
  static final ObjectId PROXY_TO_SELF = ObjectId.account(5);
  /** Re-send a setup transaction that did not make it into a block after this many seconds. */
  static final long RESEND_SECONDS = 10;
  static final long EXPIRATION_SECONDS = 120;

  private final Bytes chainId;
  private final Random random;
  private final int transfersPerTick;
  private Phase phase = Phase.REGISTER;
  private final Map<String, Long> setupSentAt = new HashMap<>();
  private final Map<String, Bytes> setupTx = new HashMap<>();
  private long transferCounter;
  private long tickCount;
  private boolean memoToggle;
  private final List<ProposalFlow> proposals = new ArrayList<>();
  private int proposalsStarted;

  public LoadScenario(Bytes chainId, long seed, int transfersPerTick) {
    this.chainId = chainId;
    this.random = new Random(seed);
    this.transfersPerTick = transfersPerTick;
  }

  public Phase phase() {
    return phase;
  }

  public boolean inTraffic() {
    return phase == Phase.TRAFFIC;
  }

  /** The transactions to send now. Needs at least one block for TaPoS. */
  public List<Planned> tick(DevnetLedger ledger, Instant now) {
    List<Planned> out = new ArrayList<>();
    if (ledger.headNum() < 1) {
      return out;
    }
    Ref ref = new Ref(ledger.headId(), Instant.ofEpochSecond(Math.max(ledger.headTimeSeconds(), now.getEpochSecond()) + EXPIRATION_SECONDS));
    long t = now.getEpochSecond();
    switch (phase) {
      case REGISTER -> {
        boolean all = true;
        for (String name : SeedAccounts.REGISTER) {
          if (ledger.account(name).isPresent()) {
            continue;
          }
          all = false;
          if (due(name, t, ledger)) {
            Planned p = register(ledger, ref, name);
            setupSentAt.put(name, t);
            setupTx.put(name, p.id());
            out.add(p);
          }
        }
        if (all) {
          phase = Phase.SETUP;
          setupSentAt.clear();
          setupTx.clear();
          return tick(ledger, now);
        }
      }
      case SETUP -> {
        boolean all = true;
        for (SeedAccounts.Setup s : SeedAccounts.SETUPS) {
          Bytes sent = setupTx.get(s.account());
          if (sent != null && ledger.includedIn(sent).isPresent() || sent == null && ledger.activeUpdated(s.account())) {
            continue; // done now, or by an earlier run of this devnet
          }
          all = false;
          if (due(s.account(), t, ledger)) {
            Planned p = setup(ledger, ref, s);
            setupSentAt.put(s.account(), t);
            setupTx.put(s.account(), p.id());
            out.add(p);
          }
        }
        if (all) {
          phase = Phase.TRAFFIC;
        }
      }
      case TRAFFIC -> traffic(ledger, ref, t, out);
    }
    return out;
  }

  private boolean due(String key, long now, DevnetLedger ledger) {
    Long sent = setupSentAt.get(key);
    if (sent == null) {
      return true;
    }
    Bytes tx = setupTx.get(key);
    return now - sent >= RESEND_SECONDS && (tx == null || ledger.includedIn(tx).isEmpty());
  }

  private record Ref(Bytes blockId, Instant expiration) {}

  // ---- setup ----

  private Planned register(DevnetLedger ledger, Ref ref, String name) {
    ObjectId registrar = id(ledger, DevnetGenesis.REGISTRAR);
    PublicKey active = DevnetKeys.active(name).publicKey();
    boolean cheap = name.chars().anyMatch(c -> !Character.isLetter(c)) || name.chars().noneMatch(c -> "aeiouy".indexOf(c) >= 0);
    Operation op = new AccountCreateOperation(
        fee(cheap ? 500_000 : 200_000_000), registrar, registrar, 0, name,
        Authority.singleKey(DevnetKeys.owner(name).publicKey()), Authority.singleKey(active),
        options(DevnetKeys.memo(name).publicKey()), new AccountCreateOperationExt(null, null, null, null));
    return sign(ref, op, List.of(DevnetKeys.active(DevnetGenesis.REGISTRAR)), "register", "register " + name,
        Expected.ACCEPT);
  }

  private Planned setup(DevnetLedger ledger, Ref ref, SeedAccounts.Setup s) {
    Operation op = new AccountUpdateOperation(
        fee(2_000_000), id(ledger, s.account()), null, authority(ledger, s), null,
        new AccountUpdateOperationExt(null, null, null));
    // the account still has its single registration key: it signs its own update
    return sign(ref, op, List.of(DevnetKeys.active(s.account())), "account-update",
        s.account() + " active := " + s.members() + " threshold " + s.threshold(), Expected.ACCEPT);
  }

  static Authority authority(DevnetLedger ledger, SeedAccounts.Setup s) {
    Map<ObjectId, Integer> members = new HashMap<>();
    s.members().forEach((name, w) -> members.put(id(ledger, name), w));
    return new Authority(s.threshold(), members, Map.of(), Map.of());
  }

  // ---- traffic ----

  private void traffic(DevnetLedger ledger, Ref ref, long now, List<Planned> out) {
    tickCount++;
    for (int i = 0; i < transfersPerTick; i++) {
      SeedAccounts.Coalition c = SeedAccounts.COALITIONS.get(random.nextInt(SeedAccounts.COALITIONS.size()));
      out.add(transfer(ledger, ref, c));
    }
    if (tickCount % 5 == 0) {
      // alice rotates her memo key: her own active authority suffices
      memoToggle = !memoToggle;
      PublicKey memo = memoToggle ? PrivateKey.fromSeed("alice-memo-2").publicKey() : DevnetKeys.memo(SeedAccounts.ALICE).publicKey();
      Operation op = new AccountUpdateOperation(fee(2_000_000), id(ledger, SeedAccounts.ALICE), null, null,
          options(memo), new AccountUpdateOperationExt(null, null, null));
      out.add(sign(ref, op, List.of(DevnetKeys.active(SeedAccounts.ALICE)), "account-update",
          "alice rotates her memo key (signed by alice)", Expected.ACCEPT));
    }
    if (tickCount % 7 == 0) {
      // re-assert the weighted setup: alice + bob may, bob alone may not
      SeedAccounts.Setup w = SeedAccounts.SETUPS.get(1);
      boolean valid = (tickCount / 7) % 2 == 0;
      Operation op = new AccountUpdateOperation(fee(2_000_000 + tickCount), id(ledger, w.account()), null,
          authority(ledger, w), null, new AccountUpdateOperationExt(null, null, null));
      List<PrivateKey> keys = valid
          ? List.of(DevnetKeys.active(SeedAccounts.ALICE), DevnetKeys.active(SeedAccounts.BOB))
          : List.of(DevnetKeys.active(SeedAccounts.BOB));
      out.add(sign(ref, op, keys, "account-update",
          "weighted-multisig re-asserts its authority signed by " + (valid ? "alice+bob" : "bob alone"),
          valid ? Expected.ACCEPT : Expected.MISSING_ACTIVE));
    }
    if (tickCount % 10 == 1) {
      proposals.add(startProposal(ledger, ref, now, out));
    }
    advanceProposals(ledger, ref, now, out);
  }

  private Planned transfer(DevnetLedger ledger, Ref ref, SeedAccounts.Coalition c) {
    long amount = 100_000 + (++transferCounter);
    Operation op = new TransferOperation(fee(2_000_000), id(ledger, c.account()), id(ledger, SeedAccounts.EVE),
        new Asset(amount, CORE), null, List.of());
    List<PrivateKey> keys = new ArrayList<>();
    c.signers().forEach(s -> keys.add(DevnetKeys.active(s)));
    return sign(ref, op, keys, "transfer",
        "transfer " + amount + " from " + c.account() + " signed by " + String.join("+", c.signers()), c.expected());
  }

  /** A proposal and the approvals still to come, each after a delay. */
  private static final class ProposalFlow {
    final String description;
    Bytes createTx;
    final List<String> approvers;
    long nextAt;

    ProposalFlow(String description, List<String> approvers) {
      this.description = description;
      this.approvers = new ArrayList<>(approvers);
    }
  }

  private ProposalFlow startProposal(DevnetLedger ledger, Ref ref, long now, List<Planned> out) {
    boolean company = proposalsStarted++ % 2 == 1;
    String from = company ? SeedAccounts.COMPANY : SeedAccounts.FLAT;
    String proposer = company ? SeedAccounts.TREASURER : SeedAccounts.ALICE;
    List<String> approvers = company
        ? List.of(SeedAccounts.TREASURER, SeedAccounts.CONTROLLER)
        : List.of(SeedAccounts.ALICE, SeedAccounts.DENNIS);
    long amount = 500_000 + (++transferCounter);
    Operation transfer = new TransferOperation(fee(2_000_000), id(ledger, from), id(ledger, SeedAccounts.EVE),
        new Asset(amount, CORE), null, List.of());
    Operation op = new ProposalCreateOperation(fee(2_000_000), id(ledger, proposer),
        Instant.ofEpochSecond(now + 3600), List.of(new OpWrapper(transfer)), null, List.of());
    ProposalFlow f = new ProposalFlow(proposer + " proposes " + amount + " from " + from, approvers);
    Planned p = sign(ref, op, List.of(DevnetKeys.active(proposer)), "proposal-create", f.description, Expected.ACCEPT);
    f.createTx = p.id();
    f.nextAt = now + 3;
    out.add(p);
    return f;
  }

  private void advanceProposals(DevnetLedger ledger, Ref ref, long now, List<Planned> out) {
    Iterator<ProposalFlow> it = proposals.iterator();
    while (it.hasNext()) {
      ProposalFlow f = it.next();
      Optional<ObjectId> pid = ledger.proposalCreatedBy(f.createTx);
      if (pid.isEmpty() || now < f.nextAt) {
        continue;
      }
      String approver = f.approvers.remove(0);
      Operation op = approval(ledger, pid.get(), approver, approver);
      out.add(sign(ref, op, List.of(DevnetKeys.active(approver)), "proposal-approve",
          pid.get() + ": " + approver + " approves" + (f.approvers.isEmpty() ? " -> executes" : ""), Expected.ACCEPT));
      if (approver.equals(SeedAccounts.ALICE)) {
        // bob tries to add alice's approval with his own key: not enough
        out.add(sign(ref, approval(ledger, pid.get(), SeedAccounts.BOB, SeedAccounts.ALICE),
            List.of(DevnetKeys.active(SeedAccounts.BOB)), "proposal-approve",
            pid.get() + ": bob adds alice's approval with bob's key", Expected.MISSING_ACTIVE));
      }
      f.nextAt = now + 3;
      if (f.approvers.isEmpty()) {
        it.remove();
      }
    }
  }

  private static Operation approval(DevnetLedger ledger, ObjectId proposal, String feePayer, String approver) {
    return new ProposalUpdateOperation(fee(2_000_000), id(ledger, feePayer), proposal,
        List.of(id(ledger, approver)), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  // ---- helpers ----

  private static Asset fee(long amount) {
    return new Asset(amount, CORE);
  }

  private static AccountOptions options(PublicKey memo) {
    return new AccountOptions(memo, PROXY_TO_SELF, 0, 0, List.of(), List.of());
  }

  static ObjectId id(DevnetLedger ledger, String name) {
    return ledger.account(name).orElseThrow(() -> new IllegalStateException("account " + name + " not created yet"));
  }

  private Planned sign(Ref ref, Operation op, List<PrivateKey> keys, String kind, String description, Expected e) {
    Transaction tx = new Transaction(Transaction.refBlockNum(ref.blockId()), Transaction.refBlockPrefix(ref.blockId()),
        ref.expiration(), List.of(op), List.of());
    byte[] digest = tx.sigDigest(chainId).toArray();
    List<Bytes> sigs = new ArrayList<>(keys.size());
    for (PrivateKey k : keys) {
      sigs.add(Bytes.wrap(k.sign(digest)));
    }
    SignedTransaction st = new SignedTransaction(tx, sigs);
    return new Planned(st, tx.id(), kind, description, e);
  }
}
