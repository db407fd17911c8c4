package io.graphyne.chainstore;

/**
 * Chainstore tuning.
 *
 * @param accountCacheSize the most accounts the hot-path cache keeps (0 disables it)
 */
public record StoreOptions(long accountCacheSize) {
  public static final long DEFAULT_ACCOUNT_CACHE_SIZE = 100_000;

  public StoreOptions {
    if (accountCacheSize < 0) {
      throw new IllegalArgumentException("accountCacheSize must be >= 0");
    }
  }

  public static StoreOptions defaults() {
    return new StoreOptions(DEFAULT_ACCOUNT_CACHE_SIZE);
  }
}
