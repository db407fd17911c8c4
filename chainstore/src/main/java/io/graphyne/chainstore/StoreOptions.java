package io.graphyne.chainstore;

/**
 * Chainstore tuning.
 *
 * @param accountCacheSize the most accounts the hot-path cache keeps (0 disables it)
 * @param syncEveryBlocks fsync the write-ahead log on every n-th block commit (1 = every block).
 *     Each block stays atomic and a process crash loses nothing either way; after a power loss up
 *     to n-1 reversible blocks are gone (they are fetched again) and never part of one. Only
 *     matters when the engine syncs at all ({@code RocksConfig.syncWrites}).
 */
public record StoreOptions(long accountCacheSize, int syncEveryBlocks) {
  public static final long DEFAULT_ACCOUNT_CACHE_SIZE = 100_000;
  public static final int DEFAULT_SYNC_EVERY_BLOCKS = 1;

  public StoreOptions {
    if (accountCacheSize < 0) {
      throw new IllegalArgumentException("accountCacheSize must be >= 0");
    }
    if (syncEveryBlocks < 1) {
      throw new IllegalArgumentException("syncEveryBlocks must be >= 1");
    }
  }

  public StoreOptions(long accountCacheSize) {
    this(accountCacheSize, DEFAULT_SYNC_EVERY_BLOCKS);
  }

  /**
   * For a node fed by the block pipeline (sync, replay, live): fsync at most every 1,000 blocks by
   * itself; the pipeline calls {@link ChainStore#flush()} whenever it runs dry and at least once
   * a second, so a node at the head syncs every block as before, while a catching-up node does not
   * pay one fsync per block.
   */
  public static StoreOptions pipelined() {
    return new StoreOptions(DEFAULT_ACCOUNT_CACHE_SIZE, PIPELINED_SYNC_EVERY_BLOCKS);
  }

  public static final int PIPELINED_SYNC_EVERY_BLOCKS = 1000;

  public static StoreOptions defaults() {
    return new StoreOptions(DEFAULT_ACCOUNT_CACHE_SIZE, DEFAULT_SYNC_EVERY_BLOCKS);
  }
}
