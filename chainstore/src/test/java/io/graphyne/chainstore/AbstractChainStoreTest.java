package io.graphyne.chainstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.KvBatch;
import io.graphyne.chainstore.kv.KvCursor;
import io.graphyne.chainstore.kv.KvReader;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import io.graphyne.util.Hex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chain-store behaviour every engine must show; subclasses pick the engine. */
abstract class AbstractChainStoreTest {
  @TempDir Path tmp;
  ChainStore store;

  abstract ChainStore open(Path dir, StoreOptions options);

  ChainStore open() {
    store = open(tmp.resolve("db"), StoreOptions.defaults());
    return store;
  }

  @AfterEach
  void tearDown() {
    if (store != null) {
      store.close();
    }
  }

  /** Every key and value except undo records, as hex, for exact comparisons. */
  static Map<String, String> dump(KvReader kv) {
    Map<String, String> out = new TreeMap<>();
    for (Column c : Column.values()) {
      if (c == Column.UNDO) {
        continue;
      }
      try (KvCursor cur = kv.iterate(c, null, null)) {
        while (cur.next()) {
          out.put(c.id() + ":" + Hex.encode(cur.key()), Hex.encode(cur.value()));
        }
      }
    }
    return out;
  }

  static Map<String, String> dump(ChainStore s) {
    try (StateSnapshot snap = s.snapshot()) {
      return dump(snap.kv());
    }
  }

  @Test
  void initialisesEmptyChain() {
    open();
    assertThat(store.head()).isEqualTo(Head.EMPTY);
    assertThat(store.chainId()).isEqualTo(RandomChain.CHAIN_ID);
    assertThat(store.schemaVersion()).isEqualTo(Schema.VERSION);
    assertThat(store.verify().ok()).isTrue();
    assertThat(store.stateHash().length()).isEqualTo(32);
  }

  @Test
  void recordsRoundTripThroughTheStore() {
    open();
    RandomChain chain = new RandomChain(1, 50, 100);
    SplittableRandom r = new SplittableRandom(5);
    AccountRecord acc = chain.randomAccount(r, 7);
    WitnessRecord wit = new WitnessRecord(ObjectId.witness(3), acc.id(), chain.key(4), 77);
    ProposalRecord prop = new ProposalRecord(new ObjectId(1, 10, 2), acc.id(), 1000, Optional.of(900L),
        List.of(Bytes.fromHex("00ff01"), Bytes.fromHex("22")), new TreeSet<>(Set.of(acc.id())),
        new TreeSet<>(), new TreeSet<>(Set.of(ObjectId.account(9))), new TreeSet<>(), new TreeSet<>(Set.of(chain.key(1))));
    CustomAuthorityRecord caa = new CustomAuthorityRecord(new ObjectId(1, 17, 0), acc.id(), true, 10, 20, 0,
        Authority.singleKey(chain.key(2)), Bytes.fromHex("0102"));
    GlobalProperties gp = new GlobalProperties(chain.randomParameters(r), Optional.of(chain.randomParameters(r)),
        List.of(ObjectId.witness(1), ObjectId.witness(2)));
    DynamicProperties dp = new DynamicProperties(1, chain.blockId(1), 3, 4, 5, true, 0, Bytes.fromHex("ff"));
    WitnessSchedule ws = new WitnessSchedule(List.of(ObjectId.witness(2), ObjectId.witness(1)));
    Bytes tx = chain.txId(1, 0);
    try (BlockChanges b = store.beginBlock(1, chain.blockId(1), chain.rawBlock(1))) {
      b.putAccount(acc);
      b.putWitness(wit);
      b.putProposal(prop);
      b.putCustomAuthority(caa);
      b.putGlobalProperties(gp);
      b.putDynamicProperties(dp);
      b.putWitnessSchedule(ws);
      b.addTransaction(tx, 3, 500);
      assertThat(b.account(acc.id())).contains(acc);
      b.commit();
    }
    StateReader s = store.state();
    assertThat(s.account(acc.id())).contains(acc);
    assertThat(s.accountByName(acc.name())).contains(acc);
    assertThat(s.accountsByKey(acc.memoKey())).contains(new KeyReference(acc.id(), KeyRole.MEMO));
    assertThat(s.witness(wit.id())).contains(wit);
    assertThat(s.proposal(prop.id())).contains(prop);
    assertThat(s.customAuthority(caa.id())).contains(caa);
    assertThat(s.globalProperties()).contains(gp);
    assertThat(s.dynamicProperties()).contains(dp);
    assertThat(s.witnessSchedule()).contains(ws);
    assertThat(s.recentTransactionExpiration(tx)).contains(500L);
    assertThat(s.transactionLocation(tx)).contains(new TxLocation(1, 3));
    assertThat(s.block(1)).hasValueSatisfying(raw -> assertThat(raw).isEqualTo(chain.rawBlock(1)));
    assertThat(s.blockNumber(chain.blockId(1))).contains(1L);
    assertThat(s.blockSummary(1)).contains(chain.blockId(1));
    assertThat(s.blockSummary(1 + Schema.BLOCK_SUMMARY_SLOTS)).contains(chain.blockId(1));
    assertThat(store.head()).isEqualTo(new Head(1, chain.blockId(1), 0));
    assertThat(s.head()).isEqualTo(store.head());
  }

  @Test
  void undoRestoresEveryHeightExactly() {
    open();
    RandomChain chain = new RandomChain(11, 60, 1_000);
    int n = 70;
    List<Bytes> hashes = new ArrayList<>();
    List<Map<String, String>> dumps = new ArrayList<>();
    hashes.add(store.stateHash());
    dumps.add(dump(store));
    for (int i = 1; i <= n; i++) {
      chain.apply(store, i);
      hashes.add(store.stateHash());
      dumps.add(dump(store));
    }
    assertThat(new HashSet<>(hashes)).hasSizeGreaterThan(n / 2);
    SplittableRandom r = new SplittableRandom(3);
    long height = n;
    for (int round = 0; round < 6; round++) {
      long target = r.nextLong(height + 1);
      while (store.head().blockNum() > target) {
        store.popBlock();
      }
      height = target;
      assertThat(store.head().blockNum()).isEqualTo(target);
      assertThat(store.stateHash()).as("hash at %d", target).isEqualTo(hashes.get((int) target));
      assertThat(dump(store)).as("content at %d", target).isEqualTo(dumps.get((int) target));
      assertThat(store.verify().ok()).isTrue();
      long up = Math.min(n, target + r.nextLong(20));
      for (long i = target + 1; i <= up; i++) {
        chain.apply(store, i);
        assertThat(store.stateHash()).isEqualTo(hashes.get((int) i));
      }
      height = up;
    }
  }

  @Test
  void undoIsPrunedAtLibAndPopStopsThere() {
    open();
    RandomChain chain = new RandomChain(12, 40, 12);
    for (int i = 1; i <= 40; i++) {
      chain.apply(store, i);
    }
    assertThat(store.head().lastIrreversibleBlockNum()).isEqualTo(28);
    assertThat(store.kv().count(Column.UNDO)).isEqualTo(12);
    for (int i = 0; i < 12; i++) {
      store.popBlock();
    }
    assertThat(store.head().blockNum()).isEqualTo(28);
    assertThatThrownBy(store::popBlock)
        .isInstanceOfSatisfying(ChainStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(ChainStoreException.Reason.INVALID_OPERATION));
    assertThat(store.head().lastIrreversibleBlockNum()).isEqualTo(28);
    assertThat(store.verify().problems()).isEmpty();
    chain.apply(store, 29);
    assertThat(store.head().blockNum()).isEqualTo(29);
  }

  @Test
  void misuseIsRefusedAndAbandonedBlocksLeaveNoTrace() {
    open();
    RandomChain chain = new RandomChain(13, 30, 100);
    chain.apply(store, 1);
    Map<String, String> before = dump(store);
    assertThatThrownBy(() -> store.beginBlock(3, chain.blockId(3), chain.rawBlock(3)))
        .isInstanceOf(ChainStoreException.class).hasMessageContaining("does not follow");
    try (BlockChanges b = store.beginBlock(2, chain.blockId(2), chain.rawBlock(2))) {
      chain.change(b, 2);
      assertThatThrownBy(() -> store.beginBlock(2, chain.blockId(2), chain.rawBlock(2)))
          .isInstanceOf(ChainStoreException.class).hasMessageContaining("still open");
      assertThatThrownBy(store::popBlock).isInstanceOf(ChainStoreException.class);
    }
    assertThat(dump(store)).isEqualTo(before);
    assertThat(store.head().blockNum()).isEqualTo(1);
    chain.apply(store, 2);
    assertThat(store.head().blockNum()).isEqualTo(2);
  }

  @Test
  void indexesStayConsistentUnderRandomOperations() {
    open();
    RandomChain chain = new RandomChain(14, 50, 20);
    SplittableRandom r = new SplittableRandom(99);
    long next = 1;
    for (int step = 0; step < 160; step++) {
      Head h = store.head();
      if (r.nextInt(6) == 0 && h.blockNum() > h.lastIrreversibleBlockNum()) {
        store.popBlock();
        next--;
      } else {
        chain.apply(store, next++);
      }
    }
    StoreVerifier.Report report = store.verify();
    assertThat(report.problems()).isEmpty();
    assertThat(report.checked()).isGreaterThan(50);
    // key index against a brute-force scan of the accounts
    Map<PublicKey, Set<KeyReference>> expected = new HashMap<>();
    Set<String> names = new HashSet<>();
    store.state().forEachAccount(a -> {
      a.owner().keyAuths().keySet().forEach(k -> expected.computeIfAbsent(k, x -> new HashSet<>()).add(new KeyReference(a.id(), KeyRole.OWNER)));
      a.active().keyAuths().keySet().forEach(k -> expected.computeIfAbsent(k, x -> new HashSet<>()).add(new KeyReference(a.id(), KeyRole.ACTIVE)));
      expected.computeIfAbsent(a.memoKey(), x -> new HashSet<>()).add(new KeyReference(a.id(), KeyRole.MEMO));
      assertThat(store.state().accountIdByName(a.name())).contains(a.id());
      names.add(a.name());
      return true;
    });
    assertThat(names).isNotEmpty();
    for (int i = 0; i < RandomChain.KEY_POOL; i++) {
      PublicKey k = chain.key(i);
      assertThat(new HashSet<>(store.state().accountsByKey(k))).as("key %d", i)
          .isEqualTo(expected.getOrDefault(k, Set.of()));
    }
    assertThat(store.kv().count(Column.ACCOUNT_NAMES)).isEqualTo(names.size());
    // recent transactions: nothing older than the head time survives
    long now = store.head().blockNum() * 3;
    try (KvCursor c = store.kv().iterate(Column.RECENT_TX_BY_EXPIRATION, null, null)) {
      while (c.next()) {
        assertThat(io.graphyne.chainstore.kv.Keys.getU64(c.key(), 0)).isGreaterThanOrEqualTo(now - 3);
      }
    }
  }

  @Test
  void verifyFindsBrokenIndexes() {
    open();
    RandomChain chain = new RandomChain(15, 20, 100);
    for (int i = 1; i <= 10; i++) {
      chain.apply(store, i);
    }
    AccountRecord any = firstAccount();
    KvBatch damage = new KvBatch()
        .delete(Column.KEY_ACCOUNTS, Schema.keyIndexKey(any.memoKey(), KeyRole.MEMO, any.id()))
        .put(Schema.ACCOUNT_NAMES, "ghost", ObjectId.account(999))
        .put(Column.KEY_ACCOUNTS, Schema.keyIndexKey(any.memoKey(), KeyRole.OWNER, ObjectId.account(998)), new byte[0])
        .delete(Column.UNDO, io.graphyne.chainstore.kv.Keys.u64(10));
    store.kv().commit(damage);
    StoreVerifier.Report report = store.verify();
    assertThat(report.ok()).isFalse();
    assertThat(report.problems()).extracting(StoreVerifier.Problem::kind)
        .contains(StoreVerifier.ProblemKind.KEY_INDEX_MISSING, StoreVerifier.ProblemKind.NAME_INDEX_DANGLING,
            StoreVerifier.ProblemKind.KEY_INDEX_DANGLING,
            StoreVerifier.ProblemKind.UNDO_RECORD_MISSING);
  }

  AccountRecord firstAccount() {
    AccountRecord[] out = new AccountRecord[1];
    store.state().forEachAccount(a -> {
      out[0] = a;
      return false;
    });
    assertThat(out[0]).isNotNull();
    return out[0];
  }

  @Test
  void cachedReadsFollowCommitsAndPops() {
    open();
    RandomChain chain = new RandomChain(16, 10, 100);
    SplittableRandom r = new SplittableRandom(1);
    AccountRecord v1 = chain.randomAccount(r, 1);
    AccountRecord v2 = new AccountRecord(v1.id(), v1.name(), v1.owner(), Authority.singleKey(chain.key(9)), v1.memoKey(), 0);
    try (BlockChanges b = store.beginBlock(1, chain.blockId(1), chain.rawBlock(1))) {
      b.putAccount(v1);
      b.commit();
    }
    assertThat(store.state().account(v1.id())).contains(v1);
    assertThat(store.state().account(v1.id())).contains(v1);
    assertThat(store.accountCacheStats().hitCount()).isGreaterThanOrEqualTo(1);
    Bytes h1 = store.stateHash();
    try (BlockChanges b = store.beginBlock(2, chain.blockId(2), chain.rawBlock(2))) {
      b.putAccount(v2);
      assertThat(store.state().account(v1.id())).as("committed view").contains(v1);
      b.commit();
    }
    assertThat(store.state().account(v1.id())).contains(v2);
    assertThat(store.stateHash()).isNotEqualTo(h1);
    store.popBlock();
    assertThat(store.state().account(v1.id())).contains(v1);
    assertThat(store.stateHash()).isEqualTo(h1);
  }

  @Test
  void servesTheAuthorityChecker() {
    open();
    RandomChain chain = new RandomChain(19, 10, 100);
    AccountRecord a = chain.randomAccount(new SplittableRandom(8), 4);
    try (BlockChanges b = store.beginBlock(1, chain.blockId(1), chain.rawBlock(1))) {
      b.putAccount(a);
      b.commit();
    }
    io.graphyne.authority.AuthorityView view = store.state().authorityView();
    assertThat(view.active(a.id())).isEqualTo(a.active());
    assertThat(view.owner(a.id())).isEqualTo(a.owner());
    assertThat(view.name(a.id())).isEqualTo(a.name());
    assertThat(view.resolve(a.name())).isEqualTo(a.id());
    assertThat(view.active(ObjectId.account(5))).isNull();
    assertThat(view.idOf("nobody")).isNull();
  }

  @Test
  void accountCacheIsBounded() {
    store = open(tmp.resolve("db"), new StoreOptions(16));
    RandomChain chain = new RandomChain(17, 400, 100);
    SplittableRandom r = new SplittableRandom(2);
    try (BlockChanges b = store.beginBlock(1, chain.blockId(1), chain.rawBlock(1))) {
      for (int i = 0; i < 300; i++) {
        b.putAccount(chain.randomAccount(r, i));
      }
      b.commit();
    }
    for (int i = 0; i < 300; i++) {
      assertThat(store.state().account(ObjectId.account(i))).isPresent();
    }
    assertThat(store.accountCacheSize()).isLessThanOrEqualTo(16);
  }

  @Test
  void stateHashCoversAuthoritiesButNotBookkeeping() {
    open();
    RandomChain chain = new RandomChain(18, 10, 100);
    SplittableRandom r = new SplittableRandom(4);
    AccountRecord a = chain.randomAccount(r, 1);
    try (BlockChanges b = store.beginBlock(1, chain.blockId(1), chain.rawBlock(1))) {
      b.putAccount(a);
      b.commit();
    }
    Bytes base;
    try (StateSnapshot s = store.snapshot()) {
      base = s.stateHash();
    }
    try (BlockChanges b = store.beginBlock(2, chain.blockId(2), chain.rawBlock(2))) {
      Bytes atHead2 = b.stateHash();
      b.addTransaction(chain.txId(2, 0), 0, 100);
      b.putDynamicProperties(new DynamicProperties(2, chain.blockId(2), 6, 2, 100, false, 0, Bytes.fromHex("00")));
      assertThat(b.stateHash()).as("bookkeeping is not hashed").isEqualTo(atHead2);
      b.putAccount(new AccountRecord(a.id(), a.name(), a.owner(), a.active(), chain.key((a.memoKey().equals(chain.key(0)) ? 1 : 0)), a.specialAuthorityFlags()));
      assertThat(b.stateHash()).as("memo key is hashed").isNotEqualTo(atHead2);
    }
    assertThat(store.stateHash()).isEqualTo(base);
  }
}
