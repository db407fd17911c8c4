package io.graphyne.chainstore;

import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.KvCursor;
import io.graphyne.chainstore.kv.Keys;
import io.graphyne.chainstore.kv.TypedColumn;
import io.graphyne.chainstore.proto.TxLocationPb;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state changes of one block, buffered in memory until {@link #commit()} writes them, the
 * block, its undo record and the new head pointer in one atomic batch. Reads see the pending
 * changes. Not thread-safe: the single state thread owns it. {@link #close()} without commit
 * discards everything.
 */
public final class BlockChanges extends StateReader implements AutoCloseable {
  private final ChainStore store;
  private final Overlay overlay;
  private final long blockNum;
  private final Bytes blockId;
  private long lastIrreversible;
  private boolean finished;

  BlockChanges(ChainStore store, Overlay overlay, long blockNum, Bytes blockId, byte[] rawBlock, long lib) {
    super(overlay, null);
    this.store = store;
    this.overlay = overlay;
    this.blockNum = blockNum;
    this.blockId = blockId;
    this.lastIrreversible = lib;
    if (rawBlock != null) {
      put(Schema.BLOCKS, blockNum, rawBlock);
      put(Schema.BLOCK_IDS, blockId, blockNum);
      put(Schema.BLOCK_SUMMARY, Schema.summarySlot(blockNum), blockId);
    }
    writeHead();
  }

  public long blockNum() {
    return blockNum;
  }

  public Bytes blockId() {
    return blockId;
  }

  @Override
  public Optional<AccountRecord> account(ObjectId id) {
    if (overlay.touched(Column.ACCOUNTS, Schema.ACCOUNTS.keys().encode(id))) {
      return loadAccount(id);
    }
    return store.state().account(id);
  }

  /** Creates or replaces an account, keeping the name and key indexes in step. */
  public void putAccount(AccountRecord account) {
    check();
    byte[] nameKey = Schema.ACCOUNT_NAMES.keys().encode(account.name());
    byte[] idBytes = Schema.ACCOUNT_NAMES.values().encode(account.id());
    byte[] holder = overlay.get(Column.ACCOUNT_NAMES, nameKey);
    if (holder != null && !java.util.Arrays.equals(holder, idBytes)) {
      throw new ChainStoreException(
          ChainStoreException.Reason.INVALID_OPERATION,
          "name '" + account.name() + "' already belongs to " + Schema.ACCOUNT_NAMES.values().decode(holder));
    }
    byte[] accountKey = Schema.ACCOUNTS.keys().encode(account.id());
    byte[] oldRaw = overlay.get(Column.ACCOUNTS, accountKey);
    AccountRecord old = oldRaw == null ? null : Protos.fromPb(Schema.ACCOUNTS.values().decode(oldRaw));
    // The indexes agree with the primary record (db verify checks it), so the current values of
    // the index entries are known without reading them.
    java.util.Set<Bytes> oldIndex = new java.util.HashSet<>();
    if (old != null) {
      for (byte[] k : indexKeys(old)) {
        oldIndex.add(Bytes.wrap(k));
      }
      if (!old.name().equals(account.name())) {
        overlay.delete(Column.ACCOUNT_NAMES, Schema.ACCOUNT_NAMES.keys().encode(old.name()), idBytes);
      }
    }
    overlay.put(Column.ACCOUNTS, accountKey, Schema.ACCOUNTS.values().encode(Protos.toPb(account)), oldRaw);
    if (account.id().instance() >= nextAccountInstance()) {
      overlay.put(Column.META, Schema.META_NEXT_ACCOUNT, Keys.u64(account.id().instance() + 1));
    }
    overlay.put(Column.ACCOUNT_NAMES, nameKey, idBytes, holder);
    java.util.Set<Bytes> newIndex = new java.util.HashSet<>();
    for (byte[] k : indexKeys(account)) {
      Bytes kb = Bytes.wrap(k);
      newIndex.add(kb);
      if (!oldIndex.contains(kb)) {
        overlay.put(Column.KEY_ACCOUNTS, k, EMPTY, null);
      }
    }
    for (Bytes k : oldIndex) {
      if (!newIndex.contains(k)) {
        overlay.delete(Column.KEY_ACCOUNTS, k.unsafeArray(), EMPTY);
      }
    }
  }

  private static final byte[] EMPTY = new byte[0];

  /** Removes an account and its index entries (used by tools and rollbacks; ids are never reused). */
  public void removeAccount(ObjectId id) {
    check();
    byte[] accountKey = Schema.ACCOUNTS.keys().encode(id);
    byte[] oldRaw = overlay.get(Column.ACCOUNTS, accountKey);
    if (oldRaw != null) {
      AccountRecord old = Protos.fromPb(Schema.ACCOUNTS.values().decode(oldRaw));
      overlay.delete(Column.ACCOUNT_NAMES, Schema.ACCOUNT_NAMES.keys().encode(old.name()), Schema.ACCOUNT_NAMES.values().encode(id));
      for (byte[] k : indexKeys(old)) {
        overlay.delete(Column.KEY_ACCOUNTS, k, EMPTY);
      }
      overlay.delete(Column.ACCOUNTS, accountKey, oldRaw);
    }
  }

  static List<byte[]> indexKeys(AccountRecord a) {
    Set<PublicKey> owner = new TreeSet<>(a.owner().keyAuths().keySet());
    Set<PublicKey> active = new TreeSet<>(a.active().keyAuths().keySet());
    List<byte[]> keys = new ArrayList<>(owner.size() + active.size() + 1);
    owner.forEach(k -> keys.add(Schema.keyIndexKey(k, KeyRole.OWNER, a.id())));
    active.forEach(k -> keys.add(Schema.keyIndexKey(k, KeyRole.ACTIVE, a.id())));
    keys.add(Schema.keyIndexKey(a.memoKey(), KeyRole.MEMO, a.id()));
    return keys;
  }

  public void putWitness(WitnessRecord witness) {
    check();
    put(Schema.WITNESSES, witness.id(), Protos.toPb(witness));
  }

  public void removeWitness(ObjectId id) {
    check();
    delete(Schema.WITNESSES, id);
  }

  public void putGlobalProperties(GlobalProperties g) {
    check();
    put(Schema.GLOBAL_PROPERTIES, Schema.GLOBAL_PROPERTIES_ID, Protos.toPb(g));
  }

  public void putDynamicProperties(DynamicProperties d) {
    check();
    put(Schema.DYNAMIC_PROPERTIES, Schema.DYNAMIC_PROPERTIES_ID, Protos.toPb(d));
  }

  public void putWitnessSchedule(WitnessSchedule s) {
    check();
    put(Schema.WITNESS_SCHEDULE, Schema.WITNESS_SCHEDULE_ID, Protos.toPb(s));
  }

  /** Sets a block-summary ring entry (the store already sets this block's own entry). */
  public void putBlockSummary(long blockNum, Bytes blockId) {
    check();
    put(Schema.BLOCK_SUMMARY, Schema.summarySlot(blockNum), blockId);
  }

  /**
   * Records a transaction of this block: its location (history) and its id with expiration in the
   * recent-transaction index (duplicate detection).
   */
  public void addTransaction(Bytes txId, int indexInBlock, long expiration) {
    check();
    put(Schema.TX_LOCATIONS, txId, TxLocationPb.newBuilder().setBlockNum(blockNum).setIndex(indexInBlock).build());
    addRecentTransaction(txId, expiration);
  }

  /**
   * Like {@link #addTransaction} for a transaction the caller has just validated against this
   * block's state: its id is not in the recent-transaction index (rule T2) and it has not expired
   * (T6), so it has never been located either (the same id means the same expiration). Saves the
   * reads that recording the undo would otherwise need; checked by assertions in tests.
   */
  public void addCheckedTransaction(Bytes txId, int indexInBlock, long expiration) {
    check();
    // TX_LOCATIONS and RECENT_TX are keyed by the id's bytes as they are: both share the id's own
    // array, which nothing ever changes (Bytes is immutable; the overlay, the batch and the
    // engines never write into arrays handed to them).
    byte[] id = txId.unsafeArray();
    assert overlay.get(Column.TX_LOCATIONS, id) == null : "transaction " + txId.toHex() + " already located";
    assert overlay.get(Column.RECENT_TX, id) == null : "transaction " + txId.toHex() + " already recent";
    overlay.put(Column.TX_LOCATIONS, id, encodeTxLocation(blockNum, indexInBlock), null);
    overlay.put(Column.RECENT_TX, id, encodeRecentTransaction(expiration), null);
    overlay.put(Column.RECENT_TX_BY_EXPIRATION, Schema.expirationKey(expiration, txId), EMPTY, null);
  }

  /** {@code TxLocationPb{block_num, index}.toByteArray()}, written directly (the same bytes). */
  static byte[] encodeTxLocation(long blockNum, int index) {
    long idx = index & 0xffffffffL; // uint32: a negative int is written as its unsigned value
    int n = (blockNum == 0 ? 0 : 1 + Wire.varintSize(blockNum)) + (idx == 0 ? 0 : 1 + Wire.varintSize(idx));
    byte[] out = new byte[n];
    int p = 0;
    if (blockNum != 0) {
      out[p++] = 0x08; // field 1, varint
      p = Wire.writeVarint(out, p, blockNum);
    }
    if (idx != 0) {
      out[p++] = 0x10; // field 2, varint
      Wire.writeVarint(out, p, idx);
    }
    return out;
  }

  /** {@code RecentTransactionPb{expiration}.toByteArray()}, written directly (the same bytes). */
  static byte[] encodeRecentTransaction(long expiration) {
    if (expiration == 0) {
      return new byte[0];
    }
    byte[] out = new byte[1 + Wire.varintSize(expiration)];
    out[0] = 0x08; // field 1, varint
    Wire.writeVarint(out, 1, expiration);
    return out;
  }

  /** Adds (or re-times) an id in the recent-transaction index. */
  public void addRecentTransaction(Bytes txId, long expiration) {
    check();
    byte[] key = Schema.RECENT_TX.keys().encode(txId);
    // One read serves the old index entry and the undo records of all three writes below: the two
    // indexes agree (db verify checks it), so the by-expiration entries' current values are known.
    byte[] oldRaw = overlay.get(Column.RECENT_TX, key);
    long oldExpiration = -1;
    if (oldRaw != null) {
      oldExpiration = Schema.RECENT_TX.values().decode(oldRaw).getExpiration();
      overlay.delete(Column.RECENT_TX_BY_EXPIRATION, Schema.expirationKey(oldExpiration, txId), EMPTY);
    }
    overlay.put(Column.RECENT_TX, key, encodeRecentTransaction(expiration), oldRaw);
    overlay.put(Column.RECENT_TX_BY_EXPIRATION, Schema.expirationKey(expiration, txId), EMPTY,
        oldExpiration == expiration ? EMPTY : null);
  }

  /** Drops recent transactions whose expiration is before {@code now}; returns how many. */
  public int removeExpiredTransactions(long now) {
    check();
    List<byte[]> expired = new ArrayList<>();
    try (KvCursor c = overlay.iterate(Column.RECENT_TX_BY_EXPIRATION, null, Keys.u64(now))) {
      while (c.next()) {
        expired.add(c.key());
      }
    }
    for (byte[] k : expired) {
      overlay.delete(Column.RECENT_TX_BY_EXPIRATION, k);
      overlay.delete(Column.RECENT_TX, java.util.Arrays.copyOfRange(k, 8, k.length));
    }
    return expired.size();
  }

  public void putProposal(ProposalRecord p) {
    check();
    put(Schema.PROPOSALS, p.id(), Protos.toPb(p));
  }

  public void removeProposal(ObjectId id) {
    check();
    delete(Schema.PROPOSALS, id);
  }

  /**
   * Sets a named counter (next object instance of a space, for example); kept in the META column,
   * so it is undone with the block that changed it.
   */
  public void putCounter(String name, long value) {
    check();
    overlay.put(Column.META, Schema.counterKey(name), Keys.u64(value));
  }

  public void putCustomAuthority(CustomAuthorityRecord c) {
    check();
    put(Schema.CUSTOM_AUTHORITIES, c.id(), Protos.toPb(c));
  }

  public void removeCustomAuthority(ObjectId id) {
    check();
    delete(Schema.CUSTOM_AUTHORITIES, id);
  }

  /**
   * Moves the last irreversible block forward (never back, never past this block). Undo records at
   * or below it are pruned in this block's commit.
   */
  public void setLastIrreversible(long lib) {
    check();
    if (lib > blockNum) {
      throw new ChainStoreException(
          ChainStoreException.Reason.INVALID_OPERATION, "LIB " + lib + " beyond block " + blockNum);
    }
    lastIrreversible = Math.max(lastIrreversible, lib);
    writeHead();
  }

  public long lastIrreversible() {
    return lastIrreversible;
  }

  /** Number of distinct keys this block has touched so far. */
  public int touchedKeys() {
    return overlay.size();
  }

  /** Writes everything in one atomic batch and makes this block the head. */
  public Head commit() {
    check();
    finished = true;
    return store.commit(this, overlay);
  }

  @Override
  public void close() {
    if (!finished) {
      finished = true;
      store.abandon(this);
    }
  }

  private void writeHead() {
    put(Schema.HEAD_META, Schema.META_HEAD, Protos.toPb(new Head(blockNum, blockId, lastIrreversible)));
  }

  private <K, V> void put(TypedColumn<K, V> c, K key, V value) {
    overlay.put(c.column(), c.keys().encode(key), c.values().encode(value));
  }

  private <K, V> void delete(TypedColumn<K, V> c, K key) {
    overlay.delete(c.column(), c.keys().encode(key));
  }

  private void check() {
    if (finished) {
      throw new ChainStoreException(ChainStoreException.Reason.INVALID_OPERATION, "block " + blockNum + " already finished");
    }
  }
}
