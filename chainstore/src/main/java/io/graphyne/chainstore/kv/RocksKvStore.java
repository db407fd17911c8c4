package io.graphyne.chainstore.kv;

import io.graphyne.chainstore.ChainStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.HashSkipListMemTableConfig;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/** The RocksDB engine: one column family per {@link Column}, capped block cache and memtables. */
public final class RocksKvStore implements KvStore {
  /** Columns keyed by 20-byte hashes, read and written point-wise on the hot path. */
  static final Set<Column> HASHED = EnumSet.of(Column.RECENT_TX, Column.TX_LOCATIONS, Column.BLOCK_IDS);
  private static final int HASHED_BUCKETS = 1 << 18;
  private static final int HASHED_PREFIX_BYTES = 8;

  private final Path dir;
  private final RocksDB db;
  private final Map<Column, ColumnFamilyHandle> handles;
  private final List<ColumnFamilyHandle> allHandles;
  private final List<AutoCloseable> resources;
  private final WriteOptions writeOptions;
  private final WriteOptions deferredOptions;
  private volatile boolean closed;

  private RocksKvStore(
      Path dir,
      RocksDB db,
      Map<Column, ColumnFamilyHandle> handles,
      List<ColumnFamilyHandle> allHandles,
      List<AutoCloseable> resources,
      WriteOptions writeOptions,
      WriteOptions deferredOptions) {
    this.dir = dir;
    this.db = db;
    this.handles = handles;
    this.allHandles = allHandles;
    this.resources = resources;
    this.writeOptions = writeOptions;
    this.deferredOptions = deferredOptions;
  }

  /** Opens (creating when missing) a database in {@code dir}. */
  public static RocksKvStore open(Path dir, RocksConfig config) {
    return open(dir, config, true);
  }

  /**
   * Opens a database; with {@code createIfMissing == false} a directory without a database fails
   * with {@link ChainStoreException.Reason#NOT_A_DATABASE}.
   */
  public static RocksKvStore open(Path dir, RocksConfig config, boolean createIfMissing) {
    RocksDB.loadLibrary();
    if (!createIfMissing && !Files.isRegularFile(dir.resolve("CURRENT"))) {
      throw new ChainStoreException(
          ChainStoreException.Reason.NOT_A_DATABASE, "no database in " + dir.toAbsolutePath());
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ChainStoreException(ChainStoreException.Reason.IO, "cannot create " + dir + ": " + e, e);
    }
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      // Half of the cache is reserved for index and filter blocks (high priority).
      LRUCache cache = new LRUCache(config.blockCacheBytes(), -1, false, 0.5);
      resources.add(cache);
      WriteBufferManager wbm = new WriteBufferManager(config.writeBufferBytes(), cache);
      resources.add(wbm);
      BloomFilter bloom = new BloomFilter(10);
      resources.add(bloom);
      BlockBasedTableConfig table =
          new BlockBasedTableConfig()
              .setBlockCache(cache)
              .setFilterPolicy(bloom)
              // Index and filters live in the (capped) block cache, partitioned so a point read
              // loads 4 KiB pieces rather than a whole file's filter.
              .setCacheIndexAndFilterBlocks(true)
              .setCacheIndexAndFilterBlocksWithHighPriority(true)
              .setPinL0FilterAndIndexBlocksInCache(true)
              .setPinTopLevelIndexAndFilter(true)
              .setIndexType(IndexType.kTwoLevelIndexSearch)
              .setPartitionFilters(true)
              .setMetadataBlockSize(4096)
              .setBlockSize(16 * 1024);
      ColumnFamilyOptions cfOptions =
          new ColumnFamilyOptions()
              .setTableFormatConfig(table)
              .setWriteBufferSize(config.columnWriteBufferBytes())
              .setMaxWriteBufferNumber(2)
              .setCompressionType(CompressionType.LZ4_COMPRESSION)
              .setLevelCompactionDynamicLevelBytes(true)
              // A whole-key bloom filter on the memtables: most point reads on the apply path are
              // misses (is this transaction id already known? did this key exist before the block?)
              // and would otherwise each walk the skip list.
              .setMemtablePrefixBloomSizeRatio(0.05)
              .setMemtableWholeKeyFiltering(true);
      resources.add(cfOptions);
      // Columns keyed by hashes (transaction and block ids) that the hot path only reads and
      // writes point-wise: a hash-bucketed memtable instead of one skip list, whose inserts of
      // random keys were a third of the apply thread (measured with async-profiler on
      // `scripts/bench replay --store rocksdb`). Whole-column scans (the store verifier) still
      // work with total-order iterators, which every cursor here uses.
      ColumnFamilyOptions hashedOptions =
          new ColumnFamilyOptions(cfOptions)
              .setMemTableConfig(new HashSkipListMemTableConfig().setBucketCount(HASHED_BUCKETS))
              .useCappedPrefixExtractor(HASHED_PREFIX_BYTES);
      resources.add(hashedOptions);
      DBOptions dbOptions =
          new DBOptions()
              .setCreateIfMissing(true)
              .setCreateMissingColumnFamilies(true)
              .setWriteBufferManager(wbm)
              .setMaxOpenFiles(config.maxOpenFiles())
              .setMaxBackgroundJobs(2)
              .setKeepLogFileNum(3)
              .setMaxTotalWalSize(config.writeBufferBytes() * 2)
              // required by the hash-bucketed memtables; there is one writing thread anyway
              .setAllowConcurrentMemtableWrite(false);
      resources.add(dbOptions);
      WriteOptions writeOptions = new WriteOptions().setSync(config.syncWrites());
      resources.add(writeOptions);
      WriteOptions deferredOptions = new WriteOptions().setSync(false);
      resources.add(deferredOptions);

      Set<String> names = new LinkedHashSet<>();
      names.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
      for (Column c : Column.values()) {
        names.add(c.familyName());
      }
      if (Files.isRegularFile(dir.resolve("CURRENT"))) {
        try (Options o = new Options()) {
          for (byte[] existing : RocksDB.listColumnFamilies(o, dir.toString())) {
            names.add(new String(existing, StandardCharsets.UTF_8));
          }
        }
      }
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (String n : names) {
        boolean hashed = HASHED.stream().anyMatch(c -> c.familyName().equals(n));
        descriptors.add(new ColumnFamilyDescriptor(n.getBytes(StandardCharsets.UTF_8), hashed ? hashedOptions : cfOptions));
      }
      List<ColumnFamilyHandle> handleList = new ArrayList<>();
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handleList);
      Map<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);
      List<String> nameList = new ArrayList<>(names);
      for (Column c : Column.values()) {
        handles.put(c, handleList.get(nameList.indexOf(c.familyName())));
      }
      return new RocksKvStore(dir, db, handles, handleList, resources, writeOptions, deferredOptions);
    } catch (RocksDBException e) {
      closeAll(resources);
      throw new ChainStoreException(
          ChainStoreException.Reason.IO, "cannot open RocksDB in " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  @Override
  public byte[] get(Column column, byte[] key) {
    checkOpen();
    try {
      return db.get(handles.get(column), key);
    } catch (RocksDBException e) {
      throw io("get", e);
    }
  }

  @Override
  public KvCursor iterate(Column column, byte[] fromInclusive, byte[] toExclusive) {
    checkOpen();
    ReadOptions ro = new ReadOptions().setTotalOrderSeek(true);
    return new Cursor(db.newIterator(handles.get(column), ro), ro, fromInclusive, toExclusive);
  }

  @Override
  public void commit(KvBatch batch) {
    commit(batch, false);
  }

  @Override
  public void commit(KvBatch batch, boolean deferSync) {
    checkOpen();
    if (batch.isEmpty()) {
      return;
    }
    try (WriteBatch wb = new WriteBatch()) {
      for (int i = 0, n = batch.size(); i < n; i++) {
        ColumnFamilyHandle h = handles.get(batch.column(i));
        switch (batch.kind(i)) {
          case PUT -> wb.put(h, batch.key(i), batch.value(i));
          case DELETE -> wb.delete(h, batch.key(i));
          case DELETE_RANGE -> wb.deleteRange(h, batch.key(i), batch.value(i));
        }
      }
      db.write(deferSync ? deferredOptions : writeOptions, wb);
    } catch (RocksDBException e) {
      throw io("write batch", e);
    }
  }

  @Override
  public void syncWal() {
    checkOpen();
    try {
      db.syncWal();
    } catch (RocksDBException e) {
      throw io("WAL sync", e);
    }
  }

  @Override
  public KvSnapshot snapshot() {
    checkOpen();
    Snapshot s = db.getSnapshot();
    return new RocksSnapshot(s);
  }

  @Override
  public void compact() {
    checkOpen();
    try {
      for (ColumnFamilyHandle h : handles.values()) {
        db.compactRange(h);
      }
    } catch (RocksDBException e) {
      throw io("compact", e);
    }
  }

  /** A RocksDB property summed over the columns (e.g. "rocksdb.estimate-num-keys"). */
  public long longProperty(Column column, String property) {
    checkOpen();
    try {
      return db.getLongProperty(handles.get(column), property);
    } catch (RocksDBException e) {
      throw io("property " + property, e);
    }
  }

  @Override
  public Optional<Path> directory() {
    return Optional.of(dir);
  }

  @Override
  public String engine() {
    return "rocksdb";
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ColumnFamilyHandle h : allHandles) {
      h.close();
    }
    try {
      db.syncWal();
    } catch (RocksDBException ignored) {
      // best effort; the WAL was written on every commit
    }
    db.close();
    closeAll(resources);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception ignored) {
        // native handles; nothing more to do
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new ChainStoreException(ChainStoreException.Reason.CLOSED, "store is closed");
    }
  }

  private static ChainStoreException io(String what, RocksDBException e) {
    return new ChainStoreException(
        ChainStoreException.Reason.IO, "RocksDB " + what + " failed: " + e.getMessage(), e);
  }

  private final class RocksSnapshot implements KvSnapshot {
    private final Snapshot snapshot;
    private final ReadOptions readOptions;
    private boolean released;

    RocksSnapshot(Snapshot snapshot) {
      this.snapshot = snapshot;
      this.readOptions = new ReadOptions().setSnapshot(snapshot);
    }

    @Override
    public byte[] get(Column column, byte[] key) {
      checkOpen();
      try {
        return db.get(handles.get(column), readOptions, key);
      } catch (RocksDBException e) {
        throw io("snapshot get", e);
      }
    }

    @Override
    public KvCursor iterate(Column column, byte[] fromInclusive, byte[] toExclusive) {
      checkOpen();
      ReadOptions ro = new ReadOptions().setSnapshot(snapshot).setTotalOrderSeek(true);
      return new Cursor(db.newIterator(handles.get(column), ro), ro, fromInclusive, toExclusive);
    }

    @Override
    public synchronized void close() {
      if (!released) {
        released = true;
        readOptions.close();
        if (!closed) {
          db.releaseSnapshot(snapshot);
        }
      }
    }
  }

  private static final class Cursor implements KvCursor {
    private final RocksIterator it;
    private final ReadOptions ro;
    private final byte[] from;
    private final byte[] to;
    private boolean started;
    private boolean done;
    private byte[] key;
    private byte[] value;

    Cursor(RocksIterator it, ReadOptions ro, byte[] from, byte[] to) {
      this.it = it;
      this.ro = ro;
      this.from = from == null ? null : from.clone();
      this.to = to == null ? null : to.clone();
    }

    @Override
    public boolean next() {
      if (done) {
        return false;
      }
      if (!started) {
        started = true;
        if (from == null) {
          it.seekToFirst();
        } else {
          it.seek(from);
        }
      } else {
        it.next();
      }
      if (!it.isValid()) {
        checkStatus();
        done = true;
        return false;
      }
      byte[] k = it.key();
      if (to != null && Keys.compare(k, to) >= 0) {
        done = true;
        return false;
      }
      key = k;
      value = it.value();
      return true;
    }

    private void checkStatus() {
      try {
        it.status();
      } catch (RocksDBException e) {
        throw io("iterate", e);
      }
    }

    @Override
    public byte[] key() {
      return key;
    }

    @Override
    public byte[] value() {
      return value;
    }

    @Override
    public void close() {
      it.close();
      ro.close();
    }
  }
}
