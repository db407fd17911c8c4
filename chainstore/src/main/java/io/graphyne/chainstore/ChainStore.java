package io.graphyne.chainstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.KvBatch;
import io.graphyne.chainstore.kv.KvStore;
import io.graphyne.chainstore.kv.Keys;
import io.graphyne.chainstore.kv.MemoryKvStore;
import io.graphyne.chainstore.kv.RocksConfig;
import io.graphyne.chainstore.kv.RocksKvStore;
import io.graphyne.chainstore.proto.UndoEntryPb;
import io.graphyne.chainstore.proto.UndoRecordPb;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.util.Hex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chain state and history on a {@link KvStore}. Blocks are applied through {@link #beginBlock};
 * each commit writes the block, its state changes, its undo record and the head pointer in one
 * atomic batch, so a crash never leaves half a block. {@link #popBlock()} restores the state
 * before the head block exactly. One thread applies and pops blocks; any thread may read
 * snapshots.
 */
public final class ChainStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChainStore.class);

  /** Where the RocksDB files live inside a node's data directory. */
  public static final String DIRECTORY_NAME = "chainstore";

  /**
   * The store directory for a data directory: {@code <dataDir>/chainstore}, or {@code dataDir}
   * itself when it already is a RocksDB directory.
   */
  public static Path storeDirectory(Path dataDir) {
    if (java.nio.file.Files.isRegularFile(dataDir.resolve("CURRENT"))) {
      return dataDir;
    }
    return dataDir.resolve(DIRECTORY_NAME);
  }

  private final KvStore kv;
  private final Bytes chainId;
  private final int schemaVersion;
  private final Cache<ObjectId, java.util.Optional<AccountRecord>> accountCache;
  private final StateReader state;
  private volatile Head head;
  private final int syncEveryBlocks;
  private int commitsSinceSync;
  /** Held by flush() around the fsync and by close(); taken before the store's monitor. */
  private final Object syncLock = new Object();
  private BlockChanges pending;
  /** Keys the last committed block touched: the next block's overlay and batch start that large. */
  private int lastTouches;
  private boolean closed;

  private ChainStore(KvStore kv, Bytes chainId, int schemaVersion, StoreOptions options) {
    this.kv = kv;
    this.chainId = chainId;
    this.schemaVersion = schemaVersion;
    this.syncEveryBlocks = options.syncEveryBlocks();
    this.accountCache =
        options.accountCacheSize() == 0
            ? null
            : Caffeine.newBuilder()
                .maximumSize(options.accountCacheSize())
                .executor(Runnable::run) // evict on the caller, not on the common pool
                .recordStats()
                .build();
    this.state = new StateReader(kv, accountCache);
    this.head = state.head();
  }

  /**
   * Opens the chain state in {@code kv}. An empty store is initialised for {@code chainId}; a
   * non-empty one must have this schema version and chain id ({@code chainId == null} accepts the
   * stored one, for tools). The store takes ownership of {@code kv}.
   */
  public static ChainStore open(KvStore kv, Bytes chainId, StoreOptions options) {
    try {
      byte[] version = kv.get(Column.META, Schema.META_SCHEMA_VERSION);
      byte[] storedChain = kv.get(Column.META, Schema.META_CHAIN_ID);
      if (version == null) {
        if (chainId == null) {
          throw new ChainStoreException(
              ChainStoreException.Reason.NOT_A_DATABASE, "the " + kv.engine() + " store holds no chain state");
        }
        KvBatch init = new KvBatch();
        init.put(Column.META, Schema.META_SCHEMA_VERSION, Keys.u64(Schema.VERSION));
        init.put(Column.META, Schema.META_CHAIN_ID, chainId.toArray());
        init.put(Column.META, Schema.META_HEAD, Protos.toPb(Head.EMPTY).toByteArray());
        kv.commit(init);
        LOG.info("initialised {} chain store for chain {} (schema {})", kv.engine(), chainId.toHex(), Schema.VERSION);
        return new ChainStore(kv, chainId, Schema.VERSION, options);
      }
      if (version.length != 8) {
        throw new ChainStoreException(ChainStoreException.Reason.CORRUPT, "schema version record is " + version.length + " bytes");
      }
      long v = Keys.getU64(version, 0);
      if (v != Schema.VERSION) {
        throw new ChainStoreException(
            ChainStoreException.Reason.SCHEMA_VERSION_MISMATCH,
            "database schema version " + v + ", this build reads version " + Schema.VERSION
                + "; use a matching graphyne release or re-sync into a new data directory");
      }
      if (storedChain == null) {
        throw new ChainStoreException(ChainStoreException.Reason.CORRUPT, "database has a schema version but no chain id");
      }
      Bytes stored = Bytes.wrap(storedChain);
      if (chainId != null && !stored.equals(chainId)) {
        throw new ChainStoreException(
            ChainStoreException.Reason.CHAIN_ID_MISMATCH,
            "database belongs to chain " + Hex.encode(storedChain) + ", not " + chainId.toHex()
                + "; use another data directory");
      }
      return new ChainStore(kv, stored, (int) v, options);
    } catch (RuntimeException e) {
      kv.close();
      throw e;
    }
  }

  /** Opens (creating when missing) a RocksDB chain store in {@code dir}. */
  public static ChainStore openRocksDb(Path dir, Bytes chainId, RocksConfig config, StoreOptions options) {
    return open(RocksKvStore.open(dir, config, chainId != null), chainId, options);
  }

  /** A fresh in-memory chain store. */
  public static ChainStore inMemory(Bytes chainId) {
    return open(new MemoryKvStore(), chainId, StoreOptions.defaults());
  }

  public Bytes chainId() {
    return chainId;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  public Head head() {
    return head;
  }

  /** Committed state on the live store, with cached account reads (for the state thread). */
  public StateReader state() {
    return state;
  }

  /** A consistent snapshot of committed state (RPC, tools, hashing while blocks are applied). */
  public StateSnapshot snapshot() {
    checkOpen();
    return new StateSnapshot(kv.snapshot());
  }

  public KvStore kv() {
    return kv;
  }

  /**
   * Starts block {@code blockNum}, which must follow the head. The raw block bytes are stored as
   * they are. Only one block is open at a time.
   */
  public synchronized BlockChanges beginBlock(long blockNum, Bytes blockId, byte[] rawBlock) {
    checkOpen();
    if (pending != null) {
      throw new ChainStoreException(
          ChainStoreException.Reason.INVALID_OPERATION, "block " + pending.blockNum() + " is still open");
    }
    if (blockNum != head.blockNum() + 1) {
      throw new ChainStoreException(
          ChainStoreException.Reason.INVALID_OPERATION,
          "block " + blockNum + " does not follow head " + head.blockNum());
    }
    pending = new BlockChanges(this, new Overlay(kv, lastTouches), blockNum, blockId, rawBlock, head.lastIrreversibleBlockNum());
    return pending;
  }

  /**
   * Opens the genesis state (block 0) of an empty store: the changes hold state only (no block
   * bytes, no block id) and their commit leaves the head at block 0. Fails when the store already
   * holds a block or genesis state.
   */
  public synchronized BlockChanges beginGenesis() {
    checkOpen();
    if (pending != null) {
      throw new ChainStoreException(
          ChainStoreException.Reason.INVALID_OPERATION, "block " + pending.blockNum() + " is still open");
    }
    if (head.blockNum() != 0 || state.globalProperties().isPresent()) {
      throw new ChainStoreException(ChainStoreException.Reason.INVALID_OPERATION, "the store already holds chain state");
    }
    pending = new BlockChanges(this, new Overlay(kv), 0, Head.EMPTY.blockId(), null, 0);
    return pending;
  }

  /** True once genesis state (global properties) has been written. */
  public boolean hasGenesisState() {
    return state.globalProperties().isPresent();
  }

  synchronized Head commit(BlockChanges block, Overlay overlay) {
    checkOpen();
    if (block != pending) {
      throw new ChainStoreException(ChainStoreException.Reason.INVALID_OPERATION, "not the open block");
    }
    pending = null;
    lastTouches = overlay.size();
    KvBatch batch = new KvBatch(overlay.size() + 2);
    overlay.writeTo(batch);
    batch.putOwned(Column.UNDO, Schema.UNDO.keys().encode(block.blockNum()),
        UndoEncoder.encode(block.blockNum(), block.blockId(), overlay.touches()));
    long lib = block.lastIrreversible();
    if (lib > head.lastIrreversibleBlockNum() || lib >= block.blockNum()) {
      batch.deleteRange(Column.UNDO, Keys.u64(0), Keys.u64(lib + 1));
    }
    boolean defer = ++commitsSinceSync < syncEveryBlocks;
    kv.commit(batch, defer);
    if (!defer) {
      commitsSinceSync = 0;
    }
    if (accountCache != null) {
      for (Overlay.Touch t : overlay.touches()) {
        if (t.column == Column.ACCOUNTS) {
          accountCache.invalidate(Schema.ACCOUNTS.keys().decode(t.key));
        }
      }
    }
    head = new Head(block.blockNum(), block.blockId(), lib);
    return head;
  }

  synchronized void abandon(BlockChanges block) {
    if (block == pending) {
      pending = null;
    }
  }

  /**
   * Undoes the head block: restores every value it changed, removes it from history and makes its
   * predecessor the head. The last irreversible block cannot be popped, and LIB never moves back.
   */
  public synchronized Head popBlock() {
    checkOpen();
    if (pending != null) {
      throw new ChainStoreException(ChainStoreException.Reason.INVALID_OPERATION, "a block is open");
    }
    Head h = head;
    if (h.blockNum() == 0 || h.blockNum() <= h.lastIrreversibleBlockNum()) {
      throw new ChainStoreException(
          ChainStoreException.Reason.INVALID_OPERATION,
          "cannot pop block " + h.blockNum() + " (last irreversible " + h.lastIrreversibleBlockNum() + ")");
    }
    UndoRecordPb undo = kv.get(Schema.UNDO, h.blockNum());
    if (undo == null) {
      throw new ChainStoreException(ChainStoreException.Reason.CORRUPT, "no undo record for head block " + h.blockNum());
    }
    KvBatch batch = new KvBatch();
    List<byte[]> accountKeys = new ArrayList<>();
    Head restored = null;
    for (UndoEntryPb e : undo.getEntriesList()) {
      Column c = Column.byId(e.getColumn());
      byte[] key = e.getKey().toByteArray();
      if (c == Column.ACCOUNTS) {
        accountKeys.add(key);
      }
      if (e.getExisted()) {
        batch.put(c, key, e.getValue().toByteArray());
        if (c == Column.META && java.util.Arrays.equals(key, Schema.META_HEAD)) {
          restored = Protos.fromPb(Schema.HEAD_META.values().decode(e.getValue().toByteArray()));
        }
      } else {
        batch.delete(c, key);
      }
    }
    if (restored == null) {
      throw new ChainStoreException(ChainStoreException.Reason.CORRUPT, "undo record of block " + h.blockNum() + " lacks the head pointer");
    }
    Head after = new Head(restored.blockNum(), restored.blockId(), Math.max(restored.lastIrreversibleBlockNum(), h.lastIrreversibleBlockNum()));
    batch.put(Schema.HEAD_META, Schema.META_HEAD, Protos.toPb(after));
    batch.delete(Schema.UNDO, h.blockNum());
    kv.commit(batch);
    invalidateAccounts(accountKeys);
    head = after;
    return after;
  }

  private void invalidateAccounts(List<byte[]> accountKeys) {
    if (accountCache == null) {
      return;
    }
    for (byte[] k : accountKeys) {
      accountCache.invalidate(Schema.ACCOUNTS.keys().decode(k));
    }
  }

  /** The state hash at the committed head, computed on a snapshot. */
  public Bytes stateHash() {
    try (StateSnapshot s = snapshot()) {
      return s.stateHash();
    }
  }

  /** Re-checks every index against the primary records. */
  public StoreVerifier.Report verify() {
    try (StateSnapshot s = snapshot()) {
      return StoreVerifier.verify(s);
    }
  }

  /** Entries per column (walks every column). */
  public Map<Column, Long> counts() {
    Map<Column, Long> out = new LinkedHashMap<>();
    try (StateSnapshot s = snapshot()) {
      for (Column c : Column.values()) {
        out.put(c, s.kv().count(c));
      }
    }
    return out;
  }

  /** Whether some committed block is not yet fsynced (only with syncEveryBlocks &gt; 1). */
  public synchronized boolean hasUnsyncedCommits() {
    return commitsSinceSync > 0;
  }

  /**
   * Makes every committed block durable now (used before pausing or with syncEveryBlocks > 1).
   * The fsync runs outside the store's monitor, so the thread applying blocks keeps committing
   * while another thread (the pipeline's commit stage) waits for the disk; only close() waits
   * for it.
   */
  public void flush() {
    synchronized (syncLock) {
      int covered;
      synchronized (this) {
        checkOpen();
        covered = commitsSinceSync;
      }
      kv.syncWal(); // covers every commit that returned before this call
      synchronized (this) {
        commitsSinceSync = Math.max(0, commitsSinceSync - covered);
      }
    }
  }

  public void compact() {
    checkOpen();
    kv.compact();
  }

  /** Hot-path account cache statistics (null when the cache is disabled). */
  public CacheStats accountCacheStats() {
    return accountCache == null ? null : accountCache.stats();
  }

  public long accountCacheSize() {
    return accountCache == null ? 0 : accountCache.estimatedSize();
  }

  private void checkOpen() {
    if (closed) {
      throw new ChainStoreException(ChainStoreException.Reason.CLOSED, "chain store is closed");
    }
  }

  @Override
  public void close() {
    synchronized (syncLock) { // never while a flush is inside the engine
      closeLocked();
    }
  }

  private synchronized void closeLocked() {
    if (!closed) {
      closed = true;
      if (commitsSinceSync > 0) {
        try {
          kv.syncWal();
          commitsSinceSync = 0;
        } catch (RuntimeException e) {
          LOG.warn("final fsync of the store failed", e);
        }
      }
      kv.close();
    }
  }
}
