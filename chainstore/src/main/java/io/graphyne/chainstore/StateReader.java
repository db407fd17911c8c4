package io.graphyne.chainstore;

import com.github.benmanes.caffeine.cache.Cache;
import io.graphyne.authority.AuthorityView;
import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.KvCursor;
import io.graphyne.chainstore.kv.KvReader;
import io.graphyne.chainstore.kv.Keys;
import io.graphyne.chainstore.proto.AccountPb;
import io.graphyne.chainstore.proto.HeadPb;
import io.graphyne.chainstore.proto.TxLocationPb;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Typed reads of chain state and history over a {@link KvReader}: the live store, a snapshot, or
 * a block being applied. Account reads may go through a bounded cache.
 */
public class StateReader {
  protected final KvReader kv;
  /** Present accounts only, each as the Optional handed out (a hit allocates nothing). */
  private final Cache<ObjectId, Optional<AccountRecord>> accountCache;

  StateReader(KvReader kv, Cache<ObjectId, Optional<AccountRecord>> accountCache) {
    this.kv = kv;
    this.accountCache = accountCache;
  }

  /** The raw key-value view (for tools and verification). */
  public KvReader kv() {
    return kv;
  }

  public Head head() {
    HeadPb h = kv.get(Schema.HEAD_META, Schema.META_HEAD);
    return h == null ? Head.EMPTY : Protos.fromPb(h);
  }

  public Optional<AccountRecord> account(ObjectId id) {
    if (accountCache != null) {
      Optional<AccountRecord> cached = accountCache.getIfPresent(id);
      if (cached != null) {
        return cached;
      }
      Optional<AccountRecord> loaded = loadAccount(id);
      if (loaded.isPresent()) {
        accountCache.put(id, loaded);
      }
      return loaded;
    }
    return loadAccount(id);
  }

  Optional<AccountRecord> loadAccount(ObjectId id) {
    AccountPb p = kv.get(Schema.ACCOUNTS, id);
    return p == null ? Optional.empty() : Optional.of(Protos.fromPb(p));
  }

  /** One past the highest account instance ever stored: the id the next account_create gets. */
  public long nextAccountInstance() {
    byte[] v = kv.get(Column.META, Schema.META_NEXT_ACCOUNT);
    if (v == null) {
      return 0;
    }
    if (v.length != 8) {
      throw Protos.corrupt("next account instance record is " + v.length + " bytes");
    }
    return Keys.getU64(v, 0);
  }

  public Optional<ObjectId> accountIdByName(String name) {
    return Optional.ofNullable(kv.get(Schema.ACCOUNT_NAMES, name));
  }

  public Optional<AccountRecord> accountByName(String name) {
    return accountIdByName(name).flatMap(this::account);
  }

  /** Accounts whose owner, active or memo key is {@code key}, by key index, in account order per role. */
  public List<KeyReference> accountsByKey(PublicKey key) {
    List<KeyReference> out = new ArrayList<>();
    try (KvCursor c = kv.iteratePrefix(Column.KEY_ACCOUNTS, key.unsafeArray())) {
      while (c.next()) {
        byte[] k = c.key();
        if (k.length != PublicKey.SIZE + 9) {
          throw Protos.corrupt("key index entry of length " + k.length);
        }
        out.add(new KeyReference(Protos.id(Keys.getU64(k, PublicKey.SIZE + 1)), KeyRole.byCode(k[PublicKey.SIZE])));
      }
    }
    return out;
  }

  /** Visits accounts in id order until the visitor returns false. */
  public void forEachAccount(Predicate<AccountRecord> visitor) {
    kv.scan(Schema.ACCOUNTS, null, null, (id, pb) -> visitor.test(Protos.fromPb(pb)));
  }

  public Optional<WitnessRecord> witness(ObjectId id) {
    return Optional.ofNullable(kv.get(Schema.WITNESSES, id)).map(Protos::fromPb);
  }

  public void forEachWitness(Predicate<WitnessRecord> visitor) {
    kv.scan(Schema.WITNESSES, null, null, (id, pb) -> visitor.test(Protos.fromPb(pb)));
  }

  public Optional<GlobalProperties> globalProperties() {
    return Optional.ofNullable(kv.get(Schema.GLOBAL_PROPERTIES, Schema.GLOBAL_PROPERTIES_ID)).map(Protos::fromPb);
  }

  public Optional<DynamicProperties> dynamicProperties() {
    return Optional.ofNullable(kv.get(Schema.DYNAMIC_PROPERTIES, Schema.DYNAMIC_PROPERTIES_ID)).map(Protos::fromPb);
  }

  public Optional<WitnessSchedule> witnessSchedule() {
    return Optional.ofNullable(kv.get(Schema.WITNESS_SCHEDULE, Schema.WITNESS_SCHEDULE_ID)).map(Protos::fromPb);
  }

  /** The block id in the summary ring slot of {@code blockNum} (TaPoS reference check). */
  public Optional<Bytes> blockSummary(long blockNum) {
    return Optional.ofNullable(kv.get(Schema.BLOCK_SUMMARY, Schema.summarySlot(blockNum)));
  }

  /** Expiration of a recent transaction, when it is still in the duplicate-detection window. */
  public Optional<Long> recentTransactionExpiration(Bytes txId) {
    // the key is the id's bytes as they are: a read neither keeps nor changes its key
    byte[] v = kv.get(Column.RECENT_TX, txId.unsafeArray());
    return v == null ? Optional.empty() : Optional.of(Schema.RECENT_TX.values().decode(v).getExpiration());
  }

  public Optional<ProposalRecord> proposal(ObjectId id) {
    return Optional.ofNullable(kv.get(Schema.PROPOSALS, id)).map(Protos::fromPb);
  }

  public void forEachProposal(Predicate<ProposalRecord> visitor) {
    kv.scan(Schema.PROPOSALS, null, null, (id, pb) -> visitor.test(Protos.fromPb(pb)));
  }

  public Optional<CustomAuthorityRecord> customAuthority(ObjectId id) {
    return Optional.ofNullable(kv.get(Schema.CUSTOM_AUTHORITIES, id)).map(Protos::fromPb);
  }

  public void forEachCustomAuthority(Predicate<CustomAuthorityRecord> visitor) {
    kv.scan(Schema.CUSTOM_AUTHORITIES, null, null, (id, pb) -> visitor.test(Protos.fromPb(pb)));
  }

  /** The raw block bytes as committed. */
  public Optional<byte[]> block(long blockNum) {
    return Optional.ofNullable(kv.get(Schema.BLOCKS, blockNum));
  }

  public Optional<Long> blockNumber(Bytes blockId) {
    return Optional.ofNullable(kv.get(Schema.BLOCK_IDS, blockId));
  }

  public Optional<TxLocation> transactionLocation(Bytes txId) {
    TxLocationPb p = kv.get(Schema.TX_LOCATIONS, txId);
    return p == null ? Optional.empty() : Optional.of(new TxLocation(p.getBlockNum(), p.getIndex()));
  }

  /** A named counter set with {@link BlockChanges#putCounter}, or empty when never set. */
  public java.util.OptionalLong counter(String name) {
    byte[] v = kv.get(Column.META, Schema.counterKey(name));
    if (v == null) {
      return java.util.OptionalLong.empty();
    }
    if (v.length != 8) {
      throw Protos.corrupt("counter '" + name + "' is " + v.length + " bytes");
    }
    return java.util.OptionalLong.of(Keys.getU64(v, 0));
  }

  /**
   * This state as the authority checker's {@link AuthorityView} (unknown accounts give null).
   * On {@link ChainStore#state()} the reads go through the bounded account cache.
   */
  public AuthorityView authorityView() {
    return new AuthorityView() {
      @Override
      public Authority active(ObjectId account) {
        return account(account).map(AccountRecord::active).orElse(null);
      }

      @Override
      public Authority owner(ObjectId account) {
        return account(account).map(AccountRecord::owner).orElse(null);
      }

      @Override
      public String name(ObjectId account) {
        return account(account).map(AccountRecord::name).orElse(null);
      }

      @Override
      public ObjectId idOf(String name) {
        return accountIdByName(name).orElse(null);
      }
    };
  }

  /** Deterministic SHA-256 over the authority-relevant state (see {@link StateHash}). */
  public Bytes stateHash() {
    return StateHash.compute(this);
  }
}
