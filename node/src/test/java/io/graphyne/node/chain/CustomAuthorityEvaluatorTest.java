package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.BlockChanges;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.CustomAuthorityRecord;
import io.graphyne.chainstore.GlobalProperties;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.ops.CustomAuthorityCreateOperation;
import io.graphyne.protocol.ops.CustomAuthorityUpdateOperation;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.ChainParametersExt;
import io.graphyne.protocol.types.CustomAuthorityOptionsType;
import io.graphyne.protocol.types.Restriction;
import io.graphyne.testing.Vectors;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * custom_authority_create / _update against the store as bitshares-core's
 * custom_authority_evaluator.cpp: the committee's options must be set, lifetime and restriction
 * limits, per-account maximums, restrictions removed by id (core keeps them in a
 * flat_map keyed by restriction_counter, not in a list), added restrictions type-checked against
 * the existing authority's operation type, and ids surviving a RocksDB restart.
 */
class CustomAuthorityEvaluatorTest {
  static final ObjectId CORE = ObjectId.asset(0);
  static final ObjectId OWNER = ObjectId.account(6);
  static final Instant NOW = Instant.parse("2021-06-01T00:00:00Z"); // after testnet BSIP40
  static final long TRANSFER = 0;
  static final int ARG_ACCOUNT = 7;
  static final int ARG_ASSET = 8;
  static final int ARG_STRING = 3;
  static final int ARG_LIST = 39;
  static final CustomAuthorityOptionsType OPTIONS = new CustomAuthorityOptionsType(86400 * 30, 3, 2, 4);

  interface Body {
    void run(Evaluator.Ctx c) throws Exception;
  }

  static void withState(ChainStore store, Genesis g, CustomAuthorityOptionsType options, Body body) throws Exception {
    try (BlockChanges changes = store.beginBlock(1, Bytes.zeros(20), null)) {
      StateSession s = new StateSession(changes);
      if (options != null) {
        GlobalProperties gp = s.globalProperties();
        io.graphyne.protocol.types.ChainParameters p =
            Codecs.decode(io.graphyne.protocol.types.ChainParameters.class, gp.parameters().raw().unsafeArray());
        s.putGlobalProperties(new GlobalProperties(Genesis.parameters(withOptions(p, options)), gp.pendingParameters(),
            gp.activeWitnesses()));
      }
      Evaluator.Ctx c = new Evaluator.Ctx(s, NOW.getEpochSecond(), s.globalProperties(),
          HardforkSchedule.testnet().at(NOW), EnumSet.noneOf(Trust.class));
      body.run(c);
      changes.commit();
    }
  }

  static void withState(CustomAuthorityOptionsType options, Body body) throws Exception {
    Genesis g = Genesis.load(Vectors.path("private-chain/genesis.json"));
    try (ChainStore store = ChainStore.inMemory(g.chainId())) {
      g.initialize(store);
      withState(store, g, options, body);
    }
  }

  /** The protocol parameters with custom_authority_options set (every other field kept). */
  static io.graphyne.protocol.types.ChainParameters withOptions(io.graphyne.protocol.types.ChainParameters p,
      CustomAuthorityOptionsType o) throws Exception {
    RecordComponent[] rc = p.getClass().getRecordComponents();
    Object[] args = new Object[rc.length];
    Class<?>[] types = new Class<?>[rc.length];
    for (int i = 0; i < rc.length; i++) {
      args[i] = rc[i].getAccessor().invoke(p);
      types[i] = rc[i].getType();
    }
    ChainParametersExt x = p.extensions();
    args[rc.length - 1] = x == null ? new ChainParametersExt(null, o, null, null)
        : new ChainParametersExt(x.updatableHtlcOptions(), o, x.marketFeeNetworkPercent(), x.makerFeeDiscountPercent());
    return io.graphyne.protocol.types.ChainParameters.class.getDeclaredConstructor(types).newInstance(args);
  }

  /** transfer.to (member 2) == account. */
  static Restriction toIs(long account) {
    return new Restriction(2, 0, new StaticVariant(ARG_ACCOUNT, ObjectId.account(account)), List.of());
  }

  /** transfer.amount (member 3).asset_id (member 1) == asset: an attr, which counts two. */
  static Restriction assetIs(long asset) {
    Restriction inner = new Restriction(1, 0, new StaticVariant(ARG_ASSET, ObjectId.asset(asset)), List.of());
    return new Restriction(3, 10, new StaticVariant(ARG_LIST, List.of(inner)), List.of());
  }

  static CustomAuthorityCreateOperation create(Authority auth, Instant validTo, Restriction... rs) {
    return new CustomAuthorityCreateOperation(new Asset(0, CORE), OWNER, true, NOW.minusSeconds(60), validTo, TRANSFER,
        auth, List.of(rs), List.of());
  }

  static CustomAuthorityUpdateOperation update(ObjectId caa, List<Integer> remove, Restriction... add) {
    return new CustomAuthorityUpdateOperation(new Asset(0, CORE), OWNER, caa, null, null, null, null, remove,
        List.of(add), List.of());
  }

  static Authority auth(Evaluator.Ctx c) {
    return c.s.active(OWNER);
  }

  static ObjectId created(Evaluator.Ctx c, CustomAuthorityCreateOperation op) throws Exception {
    long next = c.s.counter(Genesis.NEXT_CUSTOM_AUTHORITY);
    Evaluator.apply(c, op);
    return new ObjectId(1, 17, next);
  }

  @Test
  void withoutTheCommitteesOptionsNothingIsCreated() throws Exception {
    withState(null, c -> assertThatThrownBy(() -> Evaluator.apply(c, create(auth(c), NOW.plusSeconds(3600), toIs(7))))
        .isInstanceOf(Evaluator.OpFailure.class).hasMessageContaining("global configuration not set"));
  }

  @Test
  void restrictionsAreRemovedByIdNotByPosition() throws Exception {
    withState(OPTIONS, c -> {
      ObjectId caa = created(c, create(auth(c), NOW.plusSeconds(3600), toIs(7), toIs(8)));
      CustomAuthorityRecord r = c.s.customAuthority(caa).orElseThrow();
      assertThat(r.restrictionIds()).containsExactly(0, 1);
      assertThat(r.restrictionCounter()).isEqualTo(2);

      Evaluator.apply(c, update(caa, List.of(0), toIs(9)));
      r = c.s.customAuthority(caa).orElseThrow();
      assertThat(r.restrictionIds()).containsExactly(1, 2);
      assertThat(r.restrictionCounter()).isEqualTo(3);
      assertThat(Evaluator.restrictionsOf(r)).containsExactly(toIs(8), toIs(9));

      // id 0 is gone: a position-based removal would have taken the first remaining restriction
      assertThatThrownBy(() -> Evaluator.apply(c, update(caa, List.of(0))))
          .isInstanceOf(Evaluator.OpFailure.class).hasMessageContaining("Cannot remove restriction ID 0");
      Evaluator.apply(c, update(caa, List.of(2)));
      r = c.s.customAuthority(caa).orElseThrow();
      assertThat(r.restrictionIds()).containsExactly(1);
      assertThat(Evaluator.restrictionsOf(r)).containsExactly(toIs(8));
      assertThat(r.restrictionCounter()).isEqualTo(3);
    });
  }

  @Test
  void createLimits() throws Exception {
    withState(OPTIONS, c -> {
      assertThatThrownBy(() -> Evaluator.apply(c, create(auth(c), NOW, toIs(7))))
          .hasMessageContaining("expiration must be in the future");
      assertThatThrownBy(() -> Evaluator.apply(c, create(auth(c), NOW.plusSeconds(86400 * 30 + 1), toIs(7))))
          .hasMessageContaining("lifetime exceeds maximum limit");
      // 4 allowed: three attr restrictions count 6
      assertThatThrownBy(() -> Evaluator.apply(c, create(auth(c), NOW.plusSeconds(3600), assetIs(0), assetIs(1), assetIs(2))))
          .hasMessageContaining("more than the maximum number of restrictions");
      Evaluator.apply(c, create(auth(c), NOW.plusSeconds(3600), assetIs(0), toIs(7), toIs(8))); // 4
      Evaluator.apply(c, create(auth(c), NOW.plusSeconds(3600)));
      // two per (account, transfer)
      assertThatThrownBy(() -> Evaluator.apply(c, create(auth(c), NOW.plusSeconds(3600))))
          .hasMessageContaining("maximum number for this operation type");
    });
  }

  @Test
  void operationsNotYetForkedInCannotGetACustomAuthority() throws Exception {
    withState(OPTIONS, c -> {
      assertThat(Evaluator.operationForkedIn(TRANSFER, c)).isTrue();
      assertThat(Evaluator.operationForkedIn(54, c)).isTrue(); // BSIP 40 is active here
      // limit_order_update (77) exists from HF-1604 (7.0), long after this head time
      assertThat(Evaluator.operationForkedIn(77, c)).isFalse();
      CustomAuthorityCreateOperation forLimitOrderUpdate = new CustomAuthorityCreateOperation(new Asset(0, CORE), OWNER,
          true, NOW.minusSeconds(60), NOW.plusSeconds(3600), 77, auth(c), List.of(), List.of());
      assertThatThrownBy(() -> Evaluator.apply(c, forLimitOrderUpdate))
          .isInstanceOf(Evaluator.OpFailure.class).hasMessageContaining("not valid yet");
    });
  }

  @Test
  void updateChecks() throws Exception {
    withState(OPTIONS, c -> {
      ObjectId caa = created(c, create(auth(c), NOW.plusSeconds(3600), toIs(7)));
      CustomAuthorityUpdateOperation sameFlag = new CustomAuthorityUpdateOperation(new Asset(0, CORE), OWNER, caa, true,
          null, null, null, List.of(), List.of(), List.of());
      assertThatThrownBy(() -> Evaluator.apply(c, sameFlag)).hasMessageContaining("flag is not changed");
      CustomAuthorityUpdateOperation tooLong = new CustomAuthorityUpdateOperation(new Asset(0, CORE), OWNER, caa, null,
          null, NOW.plusSeconds(86400 * 31), null, List.of(), List.of(), List.of());
      assertThatThrownBy(() -> Evaluator.apply(c, tooLong)).hasMessageContaining("lifetime exceeds maximum limit");
      CustomAuthorityUpdateOperation sameAuth = new CustomAuthorityUpdateOperation(new Asset(0, CORE), OWNER, caa, null,
          null, null, auth(c), List.of(), List.of(), List.of());
      assertThatThrownBy(() -> Evaluator.apply(c, sameAuth)).hasMessageContaining("authority is not changed");
      // 1 + 2 + 2 > 4
      assertThatThrownBy(() -> Evaluator.apply(c, update(caa, List.of(), assetIs(0), assetIs(1))))
          .hasMessageContaining("exceed the maximum number of restrictions");
      // transfer.to compared with a string: core's predicate builder refuses it
      Restriction illTyped = new Restriction(2, 0, new StaticVariant(ARG_STRING, "bob"), List.of());
      assertThatThrownBy(() -> Evaluator.apply(c, update(caa, List.of(), illTyped)))
          .isInstanceOf(Evaluator.OpFailure.class).hasMessageContaining("restrictions_to_add");
      // nothing of the refused updates stuck
      CustomAuthorityRecord r = c.s.customAuthority(caa).orElseThrow();
      assertThat(r.restrictionIds()).containsExactly(0);
      assertThat(r.restrictionCounter()).isEqualTo(1);
    });
  }

  @Test
  void idsSurviveARocksDbRestart(@TempDir Path dir) throws Exception {
    Genesis g = Genesis.load(Vectors.path("private-chain/genesis.json"));
    ObjectId[] caa = new ObjectId[1];
    try (ChainStore store = ChainStore.openRocksDb(dir, g.chainId(), io.graphyne.chainstore.kv.RocksConfig.defaults(), io.graphyne.chainstore.StoreOptions.defaults())) {
      g.initialize(store);
      withState(store, g, OPTIONS, c -> {
        caa[0] = created(c, create(auth(c), NOW.plusSeconds(3600), toIs(7), toIs(8), toIs(9)));
        Evaluator.apply(c, update(caa[0], List.of(1), toIs(10)));
      });
    }
    try (ChainStore store = ChainStore.openRocksDb(dir, g.chainId(), io.graphyne.chainstore.kv.RocksConfig.defaults(), io.graphyne.chainstore.StoreOptions.defaults())) {
      CustomAuthorityRecord r = store.state().customAuthority(caa[0]).orElseThrow();
      assertThat(r.restrictionIds()).containsExactly(0, 2, 3);
      assertThat(r.restrictionCounter()).isEqualTo(4);
      assertThat(Evaluator.restrictionsOf(r)).containsExactly(toIs(7), toIs(9), toIs(10));
    }
  }
}
