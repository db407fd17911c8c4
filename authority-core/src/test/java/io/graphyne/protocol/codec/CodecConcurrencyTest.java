package io.graphyne.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.SignedBlock;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Codecs are built on first use; many threads decoding at once for the first time must all see
 * fully built codecs. Runs in a fresh class loader so the codecs really are built concurrently.
 */
class CodecConcurrencyTest {
  @Test
  void firstUseFromManyThreadsAtOnce() throws Exception {
    List<String> blocks = Vectors.lines("private-chain/blocks.hex");
    ClassLoader isolated = new java.net.URLClassLoader(
        new java.net.URL[] {
          SignedBlock.class.getProtectionDomain().getCodeSource().getLocation(),
        },
        getClass().getClassLoader().getParent() == null ? null : ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("io.graphyne.")) {
          synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
              c = findClass(name);
            }
            return c;
          }
        }
        return CodecConcurrencyTest.class.getClassLoader().loadClass(name);
      }
    };
    Class<?> block = isolated.loadClass("io.graphyne.protocol.SignedBlock");
    Class<?> codecs = isolated.loadClass("io.graphyne.protocol.codec.Codecs");
    java.lang.reflect.Method decode = codecs.getMethod("decode", Class.class, byte[].class);
    java.lang.reflect.Method encode = codecs.getMethod("encode", Object.class);

    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      results.add(pool.submit(() -> {
        start.await();
        int n = 0;
        for (int i = offset; i < blocks.size(); i += 3) {
          byte[] raw = Hex.decode(blocks.get(i));
          Object b = decode.invoke(null, block, raw);
          assertThat((byte[]) encode.invoke(null, b)).isEqualTo(raw);
          n++;
        }
        return n;
      }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> f : results) {
      total += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total).isGreaterThan(threads * 10);
  }
}
