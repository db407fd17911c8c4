package io.graphyne.chainstore.kv;

import java.nio.file.Path;

class MemoryKvStoreTest extends AbstractKvStoreContractTest {
  @Override
  KvStore open(Path dir) {
    return new MemoryKvStore();
  }
}
