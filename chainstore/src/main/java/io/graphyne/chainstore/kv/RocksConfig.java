package io.graphyne.chainstore.kv;

/**
 * RocksDB memory and durability settings. The block cache holds data, index and filter blocks;
 * memtables are charged to the same cache through a write-buffer manager, so {@code
 * blockCacheBytes + writeBufferBytes} bounds RocksDB's main memory use.
 *
 * @param blockCacheBytes LRU block cache capacity
 * @param writeBufferBytes cap on all memtables together (write-buffer manager)
 * @param columnWriteBufferBytes memtable size per column family
 * @param maxOpenFiles table files kept open (-1 = unlimited)
 * @param syncWrites fsync the write-ahead log on every commit (power-loss safety)
 */
public record RocksConfig(
    long blockCacheBytes,
    long writeBufferBytes,
    long columnWriteBufferBytes,
    int maxOpenFiles,
    boolean syncWrites) {

  public static final long DEFAULT_BLOCK_CACHE_BYTES = 128L << 20;
  public static final long DEFAULT_WRITE_BUFFER_BYTES = 64L << 20;
  public static final long DEFAULT_COLUMN_WRITE_BUFFER_BYTES = 16L << 20;
  public static final int DEFAULT_MAX_OPEN_FILES = 512;

  public RocksConfig {
    if (blockCacheBytes < (1 << 20) || writeBufferBytes < (1 << 20) || columnWriteBufferBytes < (64 << 10)) {
      throw new IllegalArgumentException("RocksDB memory settings too small");
    }
  }

  public static RocksConfig defaults() {
    return new RocksConfig(
        DEFAULT_BLOCK_CACHE_BYTES,
        DEFAULT_WRITE_BUFFER_BYTES,
        DEFAULT_COLUMN_WRITE_BUFFER_BYTES,
        DEFAULT_MAX_OPEN_FILES,
        true);
  }

  public RocksConfig withSyncWrites(boolean sync) {
    return new RocksConfig(blockCacheBytes, writeBufferBytes, columnWriteBufferBytes, maxOpenFiles, sync);
  }

  public RocksConfig withBlockCacheBytes(long bytes) {
    return new RocksConfig(bytes, writeBufferBytes, columnWriteBufferBytes, maxOpenFiles, syncWrites);
  }
}
