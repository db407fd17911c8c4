package io.graphyne.chainstore;

import io.graphyne.chainstore.kv.RocksConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Child process of {@link CrashDurabilityIT}: applies {@link RandomChain} blocks to a RocksDB store
 * (popping and re-applying now and then) until it is killed, printing each acknowledged head:
 * {@code READY n}, {@code C n} after committing block n, {@code P n} after popping back to n.
 */
public final class CrashWriter {
  /** Small memtables so flushes and compactions happen while the parent kills us. */
  static final RocksConfig CONFIG = new RocksConfig(4L << 20, 2L << 20, 128L << 10, 64, false);

  private CrashWriter() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    long stopAt = System.currentTimeMillis() + Long.parseLong(args[2]);
    RandomChain chain = new RandomChain(seed, CrashDurabilityIT.ACCOUNT_SPACE, CrashDurabilityIT.LIB_LAG);
    PrintStream out = System.out;
    try (ChainStore store = ChainStore.openRocksDb(dir, RandomChain.CHAIN_ID, CONFIG, StoreOptions.defaults())) {
      out.println("READY " + store.head().blockNum());
      out.flush();
      while (System.currentTimeMillis() < stopAt) {
        Head head = store.head();
        long n = head.blockNum() + 1;
        SplittableRandom r = new SplittableRandom(seed ^ (n * 7919));
        long poppable = head.blockNum() - head.lastIrreversibleBlockNum();
        if (poppable > 0 && r.nextInt(8) == 0) {
          long k = 1 + r.nextLong(Math.min(4, poppable));
          long top = head.blockNum();
          for (long i = 0; i < k; i++) {
            out.println("P " + store.popBlock().blockNum());
            out.flush();
          }
          for (long b = top - k + 1; b <= top; b++) {
            chain.apply(store, b);
            out.println("C " + b);
            out.flush();
          }
        }
        chain.apply(store, n);
        out.println("C " + n);
        out.flush();
      }
    }
  }
}
