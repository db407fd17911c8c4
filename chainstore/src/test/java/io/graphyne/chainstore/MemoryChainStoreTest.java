package io.graphyne.chainstore;

import io.graphyne.chainstore.kv.MemoryKvStore;
import java.nio.file.Path;

class MemoryChainStoreTest extends AbstractChainStoreTest {
  @Override
  ChainStore open(Path dir, StoreOptions options) {
    return ChainStore.open(new MemoryKvStore(), RandomChain.CHAIN_ID, options);
  }
}
