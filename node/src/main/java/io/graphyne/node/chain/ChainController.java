package io.graphyne.node.chain;

import io.graphyne.authority.AuthError;
import io.graphyne.authority.CheckParams;
import io.graphyne.authority.HardforkSchedule;
import io.graphyne.authority.Verdict;
import io.graphyne.chainstore.AccountRecord;
import io.graphyne.chainstore.BlockChanges;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.DynamicProperties;
import io.graphyne.chainstore.GlobalProperties;
import io.graphyne.chainstore.Head;
import io.graphyne.chainstore.StateReader;
import io.graphyne.chainstore.WitnessRecord;
import io.graphyne.chainstore.WitnessSchedule;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.codec.Codecs;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain controller: the one place that mutates chain state (call it from exactly one thread).
 * It applies blocks under every rule of spec/authority.md §5-§6 that a light node can check
 * (B0-B9, T1-T9; see {@link Reason}), keeps a fork database of reversible blocks and switches
 * forks through the store's undo records (longest chain wins, never below LIB), runs the witness
 * schedule, maintenance and irreversibility, and keeps a mempool of transactions validated
 * in a pending state on top of the head (re-validated after every block and fork switch).
 *
 * <p>Signatures are recovered before blocks and transactions get here ({@link PreparedBlock},
 * {@link PreparedTransaction}; the pipeline does it in parallel): the controller only reads the
 * recovered keys. Vote-derived state comes from a {@link MaintenanceTrust}; every verdict lists
 * what was verified and what was trusted.
 *
 * <pre>{@code
 * ChainStore store = ChainStore.openRocksDb(dir, genesis.chainId(), RocksConfig.defaults(), StoreOptions.defaults());
 * if (!store.hasGenesisState()) genesis.initialize(store);
 * ChainController chain = ChainController.open(store, ChainController.Options.defaults(HardforkSchedule.mainnet()));
 * BlockResult r = chain.pushBlock(PreparedBlock.decode(raw, store.chainId(), secp));
 * }</pre>
 */
public final class ChainController {
  private static final Logger LOG = LoggerFactory.getLogger(ChainController.class);

  /** GRAPHENE_MAX_UNDO_HISTORY. */
  public static final long MAX_UNDO_HISTORY = 10_000;
  /** B0: blocks may be at most this far in the future (bitshares-core handle_block). */
  public static final long MAX_FUTURE_MILLIS = 2_500;
  /** T0: mempool policy limit on the packed signed transaction. */
  public static final int MAX_MEMPOOL_TX_BYTES = 1024 * 1024;
  /** Most transactions the mempool holds. */
  public static final int DEFAULT_MEMPOOL_LIMIT = 100_000;
  /** Most packed bytes (signed transactions) the mempool holds. */
  public static final long DEFAULT_MEMPOOL_BYTES = 64L << 20;

  private static final List<String> BLOCK_RULES_VERIFIED =
      List.of("B0", "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9-authority-state");
  private static final List<String> BLOCK_RULES_NO_CLOCK =
      List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9-authority-state");
  /** While the active set is learned from production, B7 is not checked. */
  private static final List<String> BLOCK_RULES_NO_B7 =
      BLOCK_RULES_VERIFIED.stream().filter(r -> !r.equals("B7")).toList();
  private static final List<String> BLOCK_RULES_NO_CLOCK_NO_B7 =
      BLOCK_RULES_NO_CLOCK.stream().filter(r -> !r.equals("B7")).toList();

  /**
   * Controller settings.
   *
   * @param hardforks the chain's hardfork schedule
   * @param clock wall clock for B0 (null disables B0, as for replay from a file)
   * @param trust the maintenance trust source
   * @param secp used only to re-prepare committed blocks after a restart when a fork pops them
   * @param mempoolLimit most transactions kept in the mempool
   * @param maxUndoHistory B9: head - LIB must stay below it (10,000 on real chains)
   * @param mempoolBytes most packed bytes (signed transactions) kept in the mempool
   * @param witnessSetFromProduction after a maintenance the trust source does not cover, accept
   *     blocks of any existing witness signing with its current key until the new active set is
   *     learned from production ({@link WitnessSetLearner}); off (strict): keep the last known set
   *     and reject every other producer as B7
   */
  public record Options(HardforkSchedule hardforks, Clock clock, MaintenanceTrust trust, Secp256k1 secp, int mempoolLimit,
      long maxUndoHistory, long mempoolBytes, boolean witnessSetFromProduction) {
    public Options {
      Objects.requireNonNull(hardforks, "hardforks");
      Objects.requireNonNull(trust, "trust");
      if (maxUndoHistory < 2) {
        throw new IllegalArgumentException("maxUndoHistory must be >= 2");
      }
      if (mempoolLimit < 0 || mempoolBytes < 0) {
        throw new IllegalArgumentException("mempool limits must be >= 0");
      }
    }

    public Options(HardforkSchedule hardforks, Clock clock, MaintenanceTrust trust, Secp256k1 secp, int mempoolLimit,
        long maxUndoHistory) {
      this(hardforks, clock, trust, secp, mempoolLimit, maxUndoHistory, DEFAULT_MEMPOOL_BYTES, false);
    }

    public Options(HardforkSchedule hardforks, Clock clock, MaintenanceTrust trust, Secp256k1 secp, int mempoolLimit,
        long maxUndoHistory, long mempoolBytes) {
      this(hardforks, clock, trust, secp, mempoolLimit, maxUndoHistory, mempoolBytes, false);
    }

    /** Mempool bounds: most transactions and most packed bytes. */
    public Options withMempoolLimits(int transactions, long bytes) {
      return new Options(hardforks, clock, trust, secp, transactions, maxUndoHistory, bytes, witnessSetFromProduction);
    }

    /**
     * Replay settings: no clock check, last-known witness set (strict B7), the system secp256k1
     * backend.
     */
    public static Options defaults(HardforkSchedule hardforks) {
      return new Options(hardforks, null, MaintenanceTrust.KEEP_LAST_KNOWN,
          io.graphyne.crypto.Secp256k1Provider.system(), DEFAULT_MEMPOOL_LIMIT, MAX_UNDO_HISTORY, DEFAULT_MEMPOOL_BYTES, false);
    }

    public Options withClock(Clock c) {
      return new Options(hardforks, c, trust, secp, mempoolLimit, maxUndoHistory, mempoolBytes, witnessSetFromProduction);
    }

    public Options withTrust(MaintenanceTrust t) {
      return new Options(hardforks, clock, t, secp, mempoolLimit, maxUndoHistory, mempoolBytes, witnessSetFromProduction);
    }

    /** B9's limit (GRAPHENE_MAX_UNDO_HISTORY on real chains; smaller only in tests). */
    public Options withMaxUndoHistory(long n) {
      return new Options(hardforks, clock, trust, secp, mempoolLimit, n, mempoolBytes, witnessSetFromProduction);
    }

    /** Learn the active set from production after maintenances the trust source does not cover. */
    public Options withWitnessSetFromProduction(boolean on) {
      return new Options(hardforks, clock, trust, secp, mempoolLimit, maxUndoHistory, mempoolBytes, on);
    }
  }

  /** Observer of chain changes; called on the state thread, must not block. */
  public interface Listener {
    default void blockApplied(PreparedBlock block, BlockResult result) {}

    default void blockPopped(long blockNum, Bytes blockId) {}
  }

  /** The head as the controller sees it. */
  public record HeadInfo(long blockNum, Bytes blockId, long timeSeconds, long lastIrreversibleBlockNum) {}

  private final ChainStore store;
  private final Options options;
  private final Bytes chainId;
  private final Map<Bytes, PreparedBlock> forkDb = new HashMap<>();
  private final LinkedHashMap<Bytes, PreparedTransaction> mempool = new LinkedHashMap<>();
  private long mempoolBytes;
  /** Transactions of popped blocks, oldest first, until they are re-validated (core's {@code _popped_tx}). */
  private final List<PreparedTransaction> poppedTx = new ArrayList<>();
  /**
   * The pending state (core's {@code _pending_tx_session}): head state with every mempool
   * transaction applied in order, open while no block is being applied; null when closed (it is
   * rebuilt, re-validating the mempool, before the next transaction is admitted).
   */
  private Pending pending;
  private long mempoolDropped;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Map<Reason, Long> rejections = new java.util.EnumMap<>(Reason.class);
  private final WitnessSetLearner learner = new WitnessSetLearner();

  private ChainController(ChainStore store, Options options) {
    this.store = store;
    this.options = options;
    this.chainId = store.chainId();
  }

  /** A controller over a store that already holds genesis state ({@code Genesis.initialize}). */
  public static ChainController open(ChainStore store, Options options) {
    if (!store.hasGenesisState()) {
      throw new IllegalStateException("the store holds no genesis state; initialise it from a genesis first");
    }
    return new ChainController(store, options);
  }

  public ChainStore store() {
    return store;
  }

  public Bytes chainId() {
    return chainId;
  }

  public Options options() {
    return options;
  }

  public void addListener(Listener l) {
    listeners.add(l);
  }

  /** Head block number, id, time and LIB from the committed state. */
  public HeadInfo head() {
    DynamicProperties d = dynamic(store.state());
    return new HeadInfo(d.headBlockNumber(), d.headBlockId(), d.time(), d.lastIrreversibleBlockNum());
  }

  /** Rejections so far by reason. */
  public Map<Reason, Long> rejections() {
    return Map.copyOf(rejections);
  }

  // ---- schedule ----------------------------------------------------------------------------

  /** Slot number of time {@code t} after the head (0 = before the next slot). */
  public long slotAtTime(long t) {
    StateReader s = store.state();
    var p = global(s).parameters();
    return Schedule.slotAtTime(dynamic(s), p.blockInterval(), p.maintenanceSkipSlots(), t);
  }

  /** Start time of slot {@code n} after the head. */
  public long slotTime(long n) {
    StateReader s = store.state();
    var p = global(s).parameters();
    return Schedule.slotTime(dynamic(s), p.blockInterval(), p.maintenanceSkipSlots(), n);
  }

  /** The witness scheduled for slot {@code n} after the head. */
  public ObjectId scheduledWitness(long slot) {
    StateReader s = store.state();
    return Schedule.scheduledWitness(dynamic(s), schedule(s).currentShuffledWitnesses(), slot);
  }

  public Optional<WitnessRecord> witness(ObjectId id) {
    return store.state().witness(id);
  }

  public GlobalProperties globalProperties() {
    return global(store.state());
  }

  public DynamicProperties dynamicProperties() {
    return dynamic(store.state());
  }

  // ---- blocks ------------------------------------------------------------------------------

  /**
   * Pushes a block (from a peer, a file or the local producer). Extending the head applies it;
   * a block on another branch is stored and, when its branch becomes longer than ours, the
   * controller switches to it (popping to the common ancestor; a failing branch is dropped and
   * the old one restored).
   */
  public BlockResult pushBlock(PreparedBlock b) {
    BlockResult r;
    try {
      r = push(b);
    } finally {
      if (pending == null) {
        restorePending();
      }
    }
    if (!r.accepted()) {
      rejections.merge(r.reason(), 1L, Long::sum);
      LOG.atDebug().log("rejected {}", r);
    }
    return r;
  }

  private BlockResult push(PreparedBlock b) {
    Bytes id = b.id();
    if (forkDb.containsKey(id) || store.state().blockNumber(id).isPresent()) {
      return simple(b, Reason.ALREADY_KNOWN, null);
    }
    if (options.clock() != null) {
      long now = options.clock().millis();
      if (b.block().header().timestamp().toEpochMilli() > now + MAX_FUTURE_MILLIS) {
        return simple(b, Reason.B0_FUTURE_TIMESTAMP, "timestamp " + b.block().header().timestamp());
      }
    }
    DynamicProperties d = dynamic(store.state());
    if (b.blockNum() <= d.lastIrreversibleBlockNum()) {
      return simple(b, Reason.B1_BELOW_IRREVERSIBLE, "LIB " + d.lastIrreversibleBlockNum());
    }
    if (b.previous().equals(d.headBlockId())) {
      closePending();
      BlockResult r = apply(b);
      if (r.applied()) {
        afterApply(b, r);
      }
      return r;
    }
    if (!isOnMainChain(b.previous()) && !forkDb.containsKey(b.previous())) {
      return simple(b, Reason.B1_UNLINKABLE, "previous " + b.previous().toHex());
    }
    forkDb.put(id, b);
    if (b.blockNum() <= d.headBlockNumber()) {
      return simple(b, Reason.FORK_STORED, "head is " + d.headBlockNumber());
    }
    return switchTo(b);
  }

  private boolean isOnMainChain(Bytes id) {
    if (id.isZero()) {
      return true;
    }
    return store.state().blockNumber(id).isPresent();
  }

  private BlockResult switchTo(PreparedBlock tip) {
    List<PreparedBlock> branch = new ArrayList<>();
    PreparedBlock cur = tip;
    while (true) {
      branch.add(0, cur);
      if (isOnMainChain(cur.previous())) {
        break;
      }
      cur = forkDb.get(cur.previous());
      if (cur == null) {
        forkDb.remove(tip.id());
        return simple(tip, Reason.B1_UNLINKABLE, "branch does not reach the main chain");
      }
    }
    long ancestor = branch.get(0).blockNum() - 1;
    DynamicProperties d = dynamic(store.state());
    if (ancestor < d.lastIrreversibleBlockNum()) {
      forkDb.remove(tip.id());
      return simple(tip, Reason.B1_BELOW_IRREVERSIBLE, "fork point " + ancestor + " below LIB " + d.lastIrreversibleBlockNum());
    }
    LOG.info("switching to fork at {}: popping {} blocks, applying {}", ancestor, d.headBlockNumber() - ancestor, branch.size());
    closePending();
    List<PreparedBlock> popped = popTo(ancestor);
    BlockResult last = null;
    for (PreparedBlock b : branch) {
      BlockResult r = apply(b);
      if (!r.applied()) {
        LOG.warn("fork block {} failed ({}); restoring the previous branch", b.blockNum(), r.reason());
        popTo(ancestor);
        removeWithDescendants(b.id());
        for (PreparedBlock o : popped) {
          BlockResult back = apply(o);
          if (!back.applied()) {
            throw new IllegalStateException("could not restore block " + o.blockNum() + ": " + back);
          }
          afterApply(o, back);
        }
        return b == tip ? r : withReason(tip, r);
      }
      afterApply(b, r);
      last = r;
    }
    return new BlockResult(last.reason(), last.detail(), last.blockNum(), last.blockId(), last.witness(), last.signee(),
        -1, null, last.transactions(), last.signatures(), last.verified(), last.trusted(), popped.size());
  }

  private BlockResult withReason(PreparedBlock tip, BlockResult failed) {
    return new BlockResult(failed.reason(), "an earlier block of its branch (" + failed.blockNum() + ") failed: "
        + failed.detail(), tip.blockNum(), tip.id(), tip.block().header().witness(), tip.signee(), failed.txIndex(),
        failed.tx(), tip.transactions().size(), tip.signatureCount(), List.of(), Set.of(), 0);
  }

  /** Pops blocks down to {@code blockNum}; returns them oldest first. */
  private List<PreparedBlock> popTo(long blockNum) {
    closePending();
    List<PreparedBlock> popped = new ArrayList<>();
    while (store.head().blockNum() > blockNum) {
      Head h = store.head();
      PreparedBlock b = forkDb.get(h.blockId());
      if (b == null) {
        byte[] raw = store.state().block(h.blockNum()).orElseThrow(() -> new IllegalStateException("block " + h.blockNum() + " missing"));
        b = PreparedBlock.decode(raw, chainId, options.secp());
      }
      store.popBlock();
      popped.add(0, b);
      // core's pop_block: the popped block's transactions go before those popped earlier (so the
      // list stays oldest first) and are pushed again once the new head is in place
      poppedTx.addAll(0, b.transactions());
      forkDb.put(b.id(), b);
      for (Listener l : listeners) {
        l.blockPopped(h.blockNum(), h.blockId());
      }
    }
    return popped;
  }

  /**
   * Pops the head block (tools and tests); it stays in the fork database and its transactions go
   * back to the mempool when they are still valid on the new head.
   */
  public void popBlock() {
    popTo(store.head().blockNum() - 1);
    restorePending();
  }

  private void removeWithDescendants(Bytes id) {
    Set<Bytes> dead = new HashSet<>();
    dead.add(id);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (PreparedBlock b : forkDb.values()) {
        if (!dead.contains(b.id()) && dead.contains(b.previous())) {
          dead.add(b.id());
          grew = true;
        }
      }
    }
    dead.forEach(forkDb::remove);
  }

  private void afterApply(PreparedBlock b, BlockResult r) {
    forkDb.put(b.id(), b);
    long lib = store.head().lastIrreversibleBlockNum();
    forkDb.values().removeIf(x -> x.blockNum() <= lib);
    for (PreparedTransaction t : b.transactions()) {
      dropFromMempool(t.id());
    }
    if (!mempool.isEmpty()) {
      long now = b.block().header().timestamp().getEpochSecond();
      List<Bytes> expired = new ArrayList<>();
      for (PreparedTransaction t : mempool.values()) {
        if (t.transaction().expiration().getEpochSecond() < now) {
          expired.add(t.id());
        }
      }
      expired.forEach(this::dropFromMempool);
    }
    for (Listener l : listeners) {
      l.blockApplied(b, r);
    }
  }

  /** Number of blocks in the fork database (reversible main-chain blocks and fork blocks). */
  public int forkDatabaseSize() {
    return forkDb.size();
  }

  private BlockResult simple(PreparedBlock b, Reason reason, String detail) {
    return new BlockResult(reason, detail, b.blockNum(), b.id(), b.block().header().witness(), b.signee(), -1, null,
        b.transactions().size(), b.signatureCount(), List.of(), Set.of(), 0);
  }

  private BlockResult reject(PreparedBlock b, Reason reason, String detail, List<String> verified) {
    return new BlockResult(reason, detail, b.blockNum(), b.id(), b.block().header().witness(), b.signee(), -1, null,
        b.transactions().size(), b.signatureCount(), verified, Set.of(), 0);
  }

  /** Applies a block on the head: §6.2 checks, transactions, then the end-of-block updates. */
  private BlockResult apply(PreparedBlock b) {
    StateReader st = store.state();
    GlobalProperties gp = global(st);
    DynamicProperties d = dynamic(st);
    WitnessSchedule ws = schedule(st);
    var params = gp.parameters();
    SignedBlock block = b.block();
    long ts = block.header().timestamp().getEpochSecond();
    List<String> verified = options.clock() == null ? BLOCK_RULES_NO_CLOCK : BLOCK_RULES_VERIFIED;
    if (b.raw().length > params.maximumBlockSize()) {
      return reject(b, Reason.B3_BLOCK_TOO_LARGE, b.raw().length + " > " + params.maximumBlockSize(), verified);
    }
    Bytes root = b.merkleRoot();
    if (!root.equals(block.header().transactionMerkleRoot())) {
      return reject(b, Reason.B4_MERKLE_ROOT, "computed " + root.toHex(), verified);
    }
    if (!b.previous().equals(d.headBlockId())) {
      return reject(b, Reason.B1_UNLINKABLE, "previous is not the head", verified);
    }
    if (ts <= d.time()) {
      return reject(b, Reason.B5_TIMESTAMP_NOT_AFTER_HEAD, "timestamp " + ts + " <= head " + d.time(), verified);
    }
    ObjectId witnessId = block.header().witness();
    Optional<WitnessRecord> witness = st.witness(witnessId);
    if (witness.isEmpty()) {
      return reject(b, Reason.B6_WITNESS_SIGNATURE, "witness " + witnessId + " does not exist", verified);
    }
    if (b.signee() == null || !b.signee().equals(witness.get().signingKey())) {
      return reject(b, Reason.B6_WITNESS_SIGNATURE,
          b.signee() == null ? "signature does not recover: " + b.signeeFailure() : "signee is not " + witnessId + "'s signing key", verified);
    }
    long slot = Schedule.slotAtTime(d, params.blockInterval(), params.maintenanceSkipSlots(), ts);
    if (slot == 0) {
      return reject(b, Reason.B2_BEFORE_NEXT_SLOT, "timestamp before the next slot " + Schedule.slotTime(d, params.blockInterval(), params.maintenanceSkipSlots(), 1), verified);
    }
    ObjectId scheduled = Schedule.scheduledWitness(d, ws.currentShuffledWitnesses(), slot);
    boolean learn = options.witnessSetFromProduction();
    WitnessSetLearner.State ls = learn ? WitnessSetLearner.State.read(st) : WitnessSetLearner.State.NONE;
    boolean byProduction = learn && ls.learning();
    boolean startLearning = false;
    ObjectId revealed = null;
    if (!byProduction && learn && ls.isUncertain(scheduled)
        && (scheduled.equals(witnessId) || revealsUncertainMember(gp.activeWitnesses(), scheduled, witnessId))) {
      // the slot of a learned member that had never produced: its producer tells who it is
      LOG.info("block {}: witness {} produced in the slot of learned member {}, whose identity production had left open",
          b.blockNum(), witnessId, scheduled);
      byProduction = true;
      revealed = scheduled;
    }
    if (!byProduction && !scheduled.equals(witnessId)) {
      if (!learn || ls.unconfirmedSince() == 0) {
        return reject(b, Reason.B7_WRONG_WITNESS, "slot " + slot + " belongs to " + scheduled + ", not " + witnessId, verified);
      }
      // the set assumed after an uncovered maintenance does not explain this producer: learn it
      LOG.info("block {}: witness {} is not {} of the set assumed since maintenance block {}; learning the active set from production",
          b.blockNum(), witnessId, scheduled, ls.unconfirmedSince());
      byProduction = true;
      startLearning = true;
    }
    if (byProduction) {
      verified = options.clock() == null ? BLOCK_RULES_NO_CLOCK_NO_B7 : BLOCK_RULES_NO_B7;
    }
    long num = b.blockNum();
    if (num - d.lastIrreversibleBlockNum() >= options.maxUndoHistory()) {
      return reject(b, Reason.B9_UNDO_HISTORY, "head " + num + " - LIB " + d.lastIrreversibleBlockNum(), verified);
    }
    boolean maint = d.nextMaintenanceTime() <= ts;
    EnumSet<Trust> trusted = EnumSet.of(byProduction || ls.fromProduction() ? Trust.ACTIVE_WITNESS_SET_FROM_PRODUCTION
        : Trust.ACTIVE_WITNESS_SET);
    try (BlockChanges changes = store.beginBlock(num, b.id(), b.raw())) {
      StateSession s = new StateSession(changes);
      HardforkSchedule.Rules rules = options.hardforks().at(Instant.ofEpochSecond(d.time()));
      Set<Bytes> inBlock = new HashSet<>();
      TaposMemo tapos = new TaposMemo();
      List<PreparedTransaction> txs = b.transactions();
      EnumSet<Trust> txTrust = EnumSet.noneOf(Trust.class); // one per block: a TxResult keeps a shared copy
      for (int i = 0; i < txs.size(); i++) {
        PreparedTransaction t = txs.get(i);
        txTrust.clear();
        TxResult r = applyTransaction(s, t, d, gp, rules, inBlock, txTrust, tapos);
        if (!r.accepted()) {
          return new BlockResult(Reason.B8_TRANSACTION, r.reason().rule() + " " + r.reason().jsonName()
              + (r.detail() == null ? "" : ": " + r.detail()), num, b.id(), witnessId, b.signee(), i, r,
              txs.size(), b.signatureCount(), verified, Set.of(), 0);
        }
        inBlock.add(t.id());
        changes.addCheckedTransaction(t.id(), i, t.transaction().expiration().getEpochSecond());
        trusted.addAll(txTrust);
      }
      if (revealed != null) {
        reveal(s, gp, ws, ls, revealed, witnessId);
        gp = s.globalProperties();
        ls = WitnessSetLearner.State.read(s.changes());
      }
      finishBlock(s, b, d, gp, ws, slot, maint, trusted, ls, startLearning);
      changes.commit();
    }
    return new BlockResult(Reason.ACCEPTED, null, num, b.id(), witnessId, b.signee(), -1, null, b.transactions().size(),
        b.signatureCount(), verified, trusted, 0);
  }

  /** The end-of-block steps of bitshares-core's {@code _apply_block}, in its order. */
  private void finishBlock(StateSession s, PreparedBlock b, DynamicProperties d, GlobalProperties gp, WitnessSchedule ws,
      long slot, boolean maint, EnumSet<Trust> trusted, WitnessSetLearner.State ls, boolean startLearning) {
    BlockChanges changes = (BlockChanges) s.changes();
    long num = b.blockNum();
    long ts = b.block().header().timestamp().getEpochSecond();
    long missed = slot - 1;
    // update_global_dynamic_data
    BigInteger filled;
    BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    if (num == 1) {
      filled = mask;
    } else if (missed < 128) {
      filled = new BigInteger(1, d.recentSlotsFilled().unsafeArray()).shiftLeft((int) missed + 1).add(BigInteger.ONE).and(mask);
    } else {
      filled = BigInteger.ZERO;
    }
    long aslot = d.currentAslot() + missed + 1;
    // update_signing_witness
    WitnessRecord w = s.witness(b.block().header().witness()).orElseThrow();
    s.putWitness(new WitnessRecord(w.id(), w.witnessAccount(), w.signingKey(), num));
    // update_last_irreversible_block
    List<Long> confirmed = new ArrayList<>();
    for (ObjectId id : gp.activeWitnesses()) {
      confirmed.add(s.witness(id).map(WitnessRecord::lastConfirmedBlockNum).orElse(0L));
    }
    long lib = Math.max(d.lastIrreversibleBlockNum(), Schedule.irreversibleCandidate(confirmed));
    long nextMaint = d.nextMaintenanceTime();
    GlobalProperties g = gp;
    boolean learn = options.witnessSetFromProduction();
    long unconfirmed = ls.unconfirmedSince();
    boolean learning = ls.learning();
    boolean fromProduction = ls.fromProduction();
    boolean covered = false;
    if (maint) {
      Optional<MaintenanceTrust.Snapshot> snap = trustedSnapshot(num, ts, gp);
      covered = snap.isPresent() && !snap.get().activeWitnesses().isEmpty();
      g = maintenance(s, gp, snap);
      if (learn) {
        // covered: the set is known (if we were learning, its schedule becomes known at its reshuffle)
        unconfirmed = covered ? 0 : num;
        fromProduction = !covered && fromProduction;
      }
      nextMaint = Schedule.nextMaintenanceTime(num, d.nextMaintenanceTime(), ts, g.parameters().maintenanceInterval());
      Evaluator.Ctx mc = new Evaluator.Ctx(s, ts, g, options.hardforks().at(Instant.ofEpochSecond(ts)), trusted);
      Evaluator.deleteExpiredCustomAuthorities(mc);
    }
    if (startLearning) {
      learning = true;
      fromProduction = true;
      if (!covered) {
        g = new GlobalProperties(g.parameters(), g.pendingParameters(), List.of());
        s.putGlobalProperties(g);
      }
    }
    // clear_expired_transactions (expiration < new head time)
    changes.removeExpiredTransactions(ts);
    // clear_expired_proposals
    Evaluator.Ctx pc = new Evaluator.Ctx(s, ts, g, options.hardforks().at(Instant.ofEpochSecond(ts)), trusted);
    Evaluator.clearExpiredProposals(pc);
    if (learn && learning && unconfirmed > 0 && s.globalProperties().activeWitnesses().isEmpty()) {
      if (learnFromProduction(s, b, d, unconfirmed, aslot)) {
        learning = false;
        unconfirmed = 0;
      }
    }
    // update_witness_schedule
    List<ObjectId> active = s.globalProperties().activeWitnesses();
    if (!active.isEmpty() && num % active.size() == 0) {
      changes.putWitnessSchedule(new WitnessSchedule(Schedule.shuffle(active, ts)));
      if (learning) {
        // a trusted set arrived while learning: its first reshuffle makes the schedule known
        learning = false;
        unconfirmed = 0;
      }
    }
    if (learn && !learning && unconfirmed > 0 && !active.isEmpty()) {
      // the set assumed after an uncovered maintenance explained MIN_ROUNDS rounds after its reshuffle
      int n = active.size();
      long r = Math.floorDiv(unconfirmed + n - 1, n) * n;
      if (num >= r + (long) WitnessSetLearner.MIN_ROUNDS * n) {
        unconfirmed = 0;
      }
    }
    if (learn && ((maint && covered) || startLearning)) {
      for (int i = 0; i < WitnessSetLearner.UNCERTAIN.size(); i++) {
        setCounter(changes, WitnessSetLearner.UNCERTAIN.get(i), changes.counter(WitnessSetLearner.UNCERTAIN.get(i)).orElse(0), 0);
      }
    }
    setCounter(changes, WitnessSetLearner.UNCONFIRMED_SINCE, ls.unconfirmedSince(), unconfirmed);
    setCounter(changes, WitnessSetLearner.LEARNING, ls.learning() ? 1 : 0, learning ? 1 : 0);
    setCounter(changes, WitnessSetLearner.FROM_PRODUCTION, ls.fromProduction() ? 1 : 0, fromProduction ? 1 : 0);
    changes.setLastIrreversible(lib);
    byte[] f = filled.toByteArray();
    byte[] f16 = new byte[16];
    int copy = Math.min(16, f.length);
    System.arraycopy(f, f.length - copy, f16, 16 - copy, copy);
    changes.putDynamicProperties(new DynamicProperties(num, b.id(), ts, aslot, nextMaint, maint, lib, Bytes.wrap(f16)));
  }

  /**
   * Whether {@code producer} can be the learned-but-silent member {@code placeholder}: not already
   * active and of the same rank in id order (so the schedule is the same with either).
   */
  private static boolean revealsUncertainMember(List<ObjectId> active, ObjectId placeholder, ObjectId producer) {
    if (active.contains(producer) || !active.contains(placeholder)) {
      return false;
    }
    List<ObjectId> swapped = new ArrayList<>(active);
    swapped.set(swapped.indexOf(placeholder), producer);
    List<ObjectId> sorted = new ArrayList<>(swapped);
    sorted.sort(null);
    return sorted.equals(swapped);
  }

  /** Puts the producer in place of the silent member in the active set and the schedule. */
  private void reveal(StateSession s, GlobalProperties gp, WitnessSchedule ws, WitnessSetLearner.State ls, ObjectId placeholder,
      ObjectId producer) {
    BlockChanges changes = (BlockChanges) s.changes();
    if (!producer.equals(placeholder)) {
      List<ObjectId> active = new ArrayList<>(gp.activeWitnesses());
      active.set(active.indexOf(placeholder), producer);
      s.putGlobalProperties(new GlobalProperties(gp.parameters(), gp.pendingParameters(), active));
      List<ObjectId> shuffled = new ArrayList<>(ws.currentShuffledWitnesses());
      shuffled.replaceAll(w -> w.equals(placeholder) ? producer : w);
      changes.putWitnessSchedule(new WitnessSchedule(shuffled));
    }
    for (int i = 0; i < WitnessSetLearner.UNCERTAIN.size(); i++) {
      if (ls.uncertain().get(i) == placeholder.instance()) {
        changes.putCounter(WitnessSetLearner.UNCERTAIN.get(i), 0);
      }
    }
  }

  private static void setCounter(BlockChanges changes, String name, long old, long value) {
    if (old != value) {
      changes.putCounter(name, value);
    }
  }

  /** The trust source's answer; a failing source counts as not covering the maintenance. */
  private Optional<MaintenanceTrust.Snapshot> trustedSnapshot(long num, long ts, GlobalProperties gp) {
    try {
      return options.trust().afterMaintenance(num, Instant.ofEpochSecond(ts), gp);
    } catch (RuntimeException e) {
      LOG.warn("maintenance block {}: trust source {} failed ({}); treated as not covering it", num, options.trust().source(), e.toString());
      return Optional.empty();
    }
  }

  /**
   * One learning step (§6.8): observes this block and, when the observations since the uncovered
   * maintenance {@code u} determine the active set, installs it with its current schedule.
   */
  private boolean learnFromProduction(StateSession s, PreparedBlock b, DynamicProperties d, long u, long aslot) {
    long num = b.blockNum();
    long ts = b.block().header().timestamp().getEpochSecond();
    GlobalProperties cur = s.globalProperties();
    StateReader committed = store.state();
    List<WitnessSetLearner.Obs> obs = learner.observe(committed, u, d, cur.parameters(),
        new WitnessSetLearner.Obs(num, b.id(), ts, aslot, b.block().header().witness()));
    List<ObjectId> existing = new ArrayList<>();
    committed.forEachWitness(w -> {
      existing.add(w.id());
      return true;
    });
    existing.sort(null);
    Optional<WitnessSetLearner.Learned> l = WitnessSetLearner.learn(obs, u, existing);
    if (l.isEmpty()) {
      return false;
    }
    int n = l.get().n();
    List<ObjectId> set = l.get().witnesses();
    s.putGlobalProperties(new GlobalProperties(cur.parameters(), cur.pendingParameters(), set));
    List<ObjectId> open = new ArrayList<>(l.get().uncertain());
    for (int i = 0; i < WitnessSetLearner.UNCERTAIN.size(); i++) {
      setCounter((BlockChanges) s.changes(), WitnessSetLearner.UNCERTAIN.get(i), s.changes().counter(WitnessSetLearner.UNCERTAIN.get(i)).orElse(0),
          i < open.size() ? open.get(i).instance() : 0);
    }
    if (num % n != 0) {
      long last = num / n * n;
      ((BlockChanges) s.changes()).putWitnessSchedule(new WitnessSchedule(Schedule.shuffle(set, WitnessSetLearner.timeOf(obs, u, last))));
    }
    LOG.info("block {}: learned the active set of {} witnesses from production since maintenance block {} (reshuffled at {}): {}{}",
        num, n, u, l.get().firstReshuffle(), set, open.isEmpty() ? "" : "; never produced, identity open among equal-rank witnesses: " + open);
    return true;
  }

  /** Maintenance (§6.5): trusted vote-derived values, then pending parameters. */
  private GlobalProperties maintenance(StateSession s, GlobalProperties gp, Optional<MaintenanceTrust.Snapshot> snap) {
    List<ObjectId> active = gp.activeWitnesses();
    if (snap.isPresent()) {
      if (!snap.get().activeWitnesses().isEmpty()) {
        active = snap.get().activeWitnesses().stream().sorted().toList();
      }
      for (Map.Entry<ObjectId, io.graphyne.protocol.types.Authority> e : snap.get().activeAuthorities().entrySet()) {
        s.account(e.getKey()).ifPresent(a ->
            s.putAccount(new AccountRecord(a.id(), a.name(), a.owner(), e.getValue(), a.memoKey(), a.specialAuthorityFlags())));
      }
      for (Map.Entry<ObjectId, io.graphyne.protocol.types.Authority> e : snap.get().ownerAuthorities().entrySet()) {
        s.account(e.getKey()).ifPresent(a ->
            s.putAccount(new AccountRecord(a.id(), a.name(), e.getValue(), a.active(), a.memoKey(), a.specialAuthorityFlags())));
      }
      if (snap.get().activeAuthorities().containsKey(Evaluator.COMMITTEE)) {
        var committee = snap.get().activeAuthorities().get(Evaluator.COMMITTEE);
        s.account(Evaluator.RELAXED_COMMITTEE).ifPresent(a ->
            s.putAccount(new AccountRecord(a.id(), a.name(), a.owner(), committee, a.memoKey(), a.specialAuthorityFlags())));
      }
    }
    GlobalProperties g = new GlobalProperties(gp.pendingParameters().orElse(gp.parameters()), Optional.empty(), active);
    s.putGlobalProperties(g);
    return g;
  }

  /**
   * One transaction in a block, in bitshares-core's order: T1 validate, T2 duplicates, T3
   * signatures and authorities, then (head &gt; 0) T4 TaPoS, T5/T6 expiration, T7 size, T8 record
   * (by the caller), T9 operations. On failure the transaction's state changes are rolled back.
   */
  private TxResult applyTransaction(StateSession s, PreparedTransaction t, DynamicProperties d, GlobalProperties gp,
      HardforkSchedule.Rules rules, Set<Bytes> inBlock, EnumSet<Trust> trusted, TaposMemo tapos) {
    TxResult pre = checkTransaction(s, t, d, gp, rules, trusted, tapos);
    if (pre != null) {
      return pre;
    }
    if (inBlock.contains(t.id())) {
      return TxResult.reject(Reason.T2_DUPLICATE, "twice in this block", t.id());
    }
    int mark = s.mark();
    Evaluator.Ctx c = new Evaluator.Ctx(s, d.time(), gp, rules, trusted);
    List<Operation> ops = t.transaction().operations();
    for (int i = 0; i < ops.size(); i++) {
      try {
        Evaluator.apply(c, ops.get(i));
      } catch (Evaluator.OpFailure e) {
        s.rollbackTo(mark);
        return TxResult.reject(Reason.T9_OPERATION, "operation " + i + " (" + ops.get(i).operationName() + "): " + e.getMessage(), t.id());
      } catch (RuntimeException e) {
        s.rollbackTo(mark);
        return TxResult.reject(Reason.T9_OPERATION, "operation " + i + " (" + ops.get(i).operationName() + "): " + e, t.id());
      }
    }
    return new TxResult(Reason.ACCEPTED, null, null, t.id(), trusted);
  }

  /**
   * The TaPoS prefix of the last reference block looked up. One instance serves the transactions
   * of one block (or one pass over candidates): the summary ring is written only when a block
   * finishes, so within that span a slot's content cannot change, and most transactions of a block
   * reference the same recent block.
   */
  private static final class TaposMemo {
    private long refNum = -1;
    private long prefix;

    long prefix(StateSession s, int refBlockNum) {
      if (refBlockNum != refNum) {
        Bytes ref = s.changes().blockSummary(refBlockNum).orElse(ZERO_SUMMARY);
        prefix = Transaction.refBlockPrefix(ref);
        refNum = refBlockNum;
      }
      return prefix;
    }
  }

  private static final Bytes ZERO_SUMMARY = Bytes.zeros(20);

  /** T1-T7 against a state view; null when they pass. */
  private TxResult checkTransaction(StateSession s, PreparedTransaction t, DynamicProperties d, GlobalProperties gp,
      HardforkSchedule.Rules rules, EnumSet<Trust> trusted, TaposMemo tapos) {
    Bytes id = t.id();
    if (t.invalid() != null) {
      return TxResult.reject(Reason.T1_INVALID, t.invalid(), id);
    }
    if (s.changes().recentTransactionExpiration(id).isPresent()) {
      return TxResult.reject(Reason.T2_DUPLICATE, "already in the recent-transaction index", id);
    }
    if (!t.recovered()) {
      throw new IllegalStateException("transaction " + id.toHex() + " reached the controller without recovered signers");
    }
    if (t.recoveryFailure() != null) {
      return TxResult.reject(Reason.T3_SIGNATURE, "signature " + t.failedSignature() + ": " + t.recoveryFailure(), id);
    }
    Evaluator.Ctx c = new Evaluator.Ctx(s, d.time(), gp, rules, trusted);
    Verdict v = Evaluator.checkAuthority(c, t.transaction().operations(), t.signers(),
        CheckParams.forTransaction(rules, gp.parameters().maxAuthorityDepth()));
    if (!v.valid()) {
      AuthError e = v.error();
      return new TxResult(Reason.T3_AUTHORITY, e.jsonName() + (v.failedAccount() == null ? "" : " " + v.failedAccount()),
          e, id, Set.of());
    }
    if (d.headBlockNumber() > 0) {
      Transaction tx = t.transaction();
      if (tapos.prefix(s, tx.refBlockNum()) != tx.refBlockPrefix()) {
        return TxResult.reject(Reason.T4_TAPOS, "ref_block_num " + tx.refBlockNum() + " prefix " + tx.refBlockPrefix(), id);
      }
      long exp = tx.expiration().getEpochSecond();
      if (exp > d.time() + gp.parameters().maximumTimeUntilExpiration()) {
        return TxResult.reject(Reason.T5_EXPIRATION_TOO_FAR, "expiration " + tx.expiration(), id);
      }
      if (d.time() > exp) {
        return TxResult.reject(Reason.T6_EXPIRED, "expiration " + tx.expiration(), id);
      }
      if (rules.transactionSizeEnforced() && t.unsignedSize() > gp.parameters().maximumTransactionSize()) {
        return TxResult.reject(Reason.T7_TOO_LARGE, t.unsignedSize() + " > " + gp.parameters().maximumTransactionSize(), id);
      }
    }
    return null;
  }

  // ---- mempool -----------------------------------------------------------------------------

  /**
   * Validates a transaction as bitshares-core's {@code push_transaction} does and adds it to the
   * mempool: T0 (packed size below 1 MiB), the mempool bounds, then T1-T7 and the operations' state
   * checks (T9-authority-state) applied in the pending state, i.e. on top of the head and of every
   * transaction already in the mempool (core's {@code _push_transaction} in {@code
   * _pending_tx_session}). A rejected transaction leaves no trace in the pending state.
   */
  public TxResult pushTransaction(PreparedTransaction t) {
    if (mempool.containsKey(t.id())) {
      return TxResult.reject(Reason.T2_DUPLICATE, "already in the mempool", t.id());
    }
    if (t.signedSize() >= MAX_MEMPOOL_TX_BYTES) {
      return count(TxResult.reject(Reason.T0_TOO_LARGE, t.signedSize() + " bytes", t.id()));
    }
    TxResult full = fullFor(t);
    if (full != null) {
      return count(full);
    }
    TxResult r = pending().push(t);
    return r.accepted() ? r : count(r);
  }

  /** MEMPOOL_FULL when admitting {@code t} would exceed the count or byte bound, else null. */
  private TxResult fullFor(PreparedTransaction t) {
    if (mempool.size() >= options.mempoolLimit()) {
      return TxResult.reject(Reason.MEMPOOL_FULL, mempool.size() + " transactions", t.id());
    }
    if (mempoolBytes + t.signedSize() > options.mempoolBytes()) {
      return TxResult.reject(Reason.MEMPOOL_FULL, mempoolBytes + " + " + t.signedSize() + " bytes", t.id());
    }
    return null;
  }

  /** The pending state on the current head with the mempool applied (rebuilt if it was closed). */
  private Pending pending() {
    if (pending == null) {
      restorePending();
    }
    if (pending == null) {
      pending = new Pending();
    }
    return pending;
  }

  /** Abandons the pending state (before a block is applied, popped or produced). */
  private void closePending() {
    if (pending != null) {
      pending.changes.close();
      pending = null;
    }
  }

  /**
   * bitshares-core's {@code pending_transactions_restorer} (db_with.hpp, run at the end of every
   * {@code push_block}): a fresh pending state on the current head, then the transactions of popped
   * blocks (oldest first) and then the previous mempool, each pushed again in order. Those already
   * in the chain (T2), expired (T6) or now invalid are dropped; the rest are the mempool again.
   */
  private void restorePending() {
    closePending();
    if (poppedTx.isEmpty() && mempool.isEmpty()) {
      return;
    }
    List<PreparedTransaction> candidates = new ArrayList<>(poppedTx.size() + mempool.size());
    candidates.addAll(poppedTx);
    candidates.addAll(mempool.values());
    poppedTx.clear();
    mempool.clear();
    mempoolBytes = 0;
    Pending p = new Pending();
    pending = p;
    int dropped = 0;
    for (PreparedTransaction t : candidates) {
      if (mempool.containsKey(t.id())) {
        continue;
      }
      TxResult r = fullFor(t);
      if (r == null) {
        r = p.push(t);
      }
      if (!r.accepted()) {
        dropped++;
        LOG.atDebug().setMessage("dropped from the mempool: {} {}").addArgument(t.id()).addArgument(r).log();
      }
    }
    mempoolDropped += dropped;
    LOG.atDebug().setMessage("mempool restored: {} of {} kept").addArgument(mempool.size()).addArgument(candidates.size()).log();
  }

  /** The open pending state: one uncommitted block's changes over the head. */
  private final class Pending {
    final BlockChanges changes;
    final StateSession state;
    final DynamicProperties d;
    final GlobalProperties gp;
    final HardforkSchedule.Rules rules;
    final Set<Bytes> ids = new HashSet<>();

    Pending() {
      StateReader st = store.state();
      d = dynamic(st);
      gp = global(st);
      rules = options.hardforks().at(Instant.ofEpochSecond(d.time()));
      changes = store.beginBlock(d.headBlockNumber() + 1, Bytes.zeros(20), new byte[0]);
      state = new StateSession(changes);
    }

    /** Applies {@code t} on top of the pending transactions; admits it to the mempool if it applies. */
    TxResult push(PreparedTransaction t) {
      EnumSet<Trust> trusted = EnumSet.noneOf(Trust.class);
      TxResult r = applyTransaction(state, t, d, gp, rules, ids, trusted, new TaposMemo());
      if (r.accepted()) {
        ids.add(t.id());
        mempool.put(t.id(), t);
        mempoolBytes += t.signedSize();
      }
      return r;
    }
  }

  private void dropFromMempool(Bytes id) {
    PreparedTransaction t = mempool.remove(id);
    if (t != null) {
      mempoolBytes -= t.signedSize();
    }
  }

  /** Packed bytes of the signed transactions in the mempool. */
  public long mempoolBytes() {
    return mempoolBytes;
  }

  /** Mempool transactions dropped when they were re-validated on a new head (since start). */
  public long mempoolDropped() {
    return mempoolDropped;
  }

  private TxResult count(TxResult r) {
    rejections.merge(r.reason(), 1L, Long::sum);
    return r;
  }

  /** Mempool transactions in arrival order. */
  public List<PreparedTransaction> mempool() {
    return List.copyOf(mempool.values());
  }

  public int mempoolSize() {
    return mempool.size();
  }

  /**
   * Dry run for a producer: which of {@code candidates} (in order) apply on top of the head in a
   * block at {@code blockTime}, each in the state left by the ones before, with at most {@code
   * maxBytes} of packed transactions. Nothing is committed.
   */
  public List<PreparedTransaction> selectForBlock(List<PreparedTransaction> candidates, long maxBytes, List<TxResult> dropped) {
    closePending();
    StateReader st = store.state();
    DynamicProperties d = dynamic(st);
    GlobalProperties gp = global(st);
    HardforkSchedule.Rules rules = options.hardforks().at(Instant.ofEpochSecond(d.time()));
    List<PreparedTransaction> out = new ArrayList<>();
    long used = 0;
    try (BlockChanges changes = store.beginBlock(d.headBlockNumber() + 1, Bytes.zeros(20), new byte[0])) {
      StateSession s = new StateSession(changes);
      Set<Bytes> inBlock = new HashSet<>();
      TaposMemo tapos = new TaposMemo();
      for (PreparedTransaction t : candidates) {
        long size = t.signedSize() + 1; // + operation_results (empty vector)
        if (used + size > maxBytes) {
          continue;
        }
        TxResult r = applyTransaction(s, t, d, gp, rules, inBlock, EnumSet.noneOf(Trust.class), tapos);
        if (!r.accepted()) {
          if (dropped != null) {
            dropped.add(r);
          }
          continue;
        }
        inBlock.add(t.id());
        changes.addCheckedTransaction(t.id(), out.size(), t.transaction().expiration().getEpochSecond());
        out.add(t);
        used += size;
      }
    }
    return out;
  }

  /** Removes transactions from the mempool (dropped by a producer). */
  public void removeFromMempool(Iterable<Bytes> ids) {
    closePending(); // later transactions may have depended on the removed ones: re-validated on next use
    for (Bytes id : ids) {
      dropFromMempool(id);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  static GlobalProperties global(StateReader s) {
    return s.globalProperties().orElseThrow(() -> new IllegalStateException("no global properties"));
  }

  static DynamicProperties dynamic(StateReader s) {
    return s.dynamicProperties().orElseThrow(() -> new IllegalStateException("no dynamic properties"));
  }

  static WitnessSchedule schedule(StateReader s) {
    return s.witnessSchedule().orElseThrow(() -> new IllegalStateException("no witness schedule"));
  }

  /** Encodes a block (for producers and tools). */
  static byte[] encode(SignedBlock b) {
    return Codecs.encode(b);
  }
}
