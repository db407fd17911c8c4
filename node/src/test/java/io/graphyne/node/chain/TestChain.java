package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.crypto.PrivateKey;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.generate.ChainGenerator;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.AccountCreateOperationExt;
import io.graphyne.protocol.types.AccountOptions;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.Authority;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A real controller on an in-memory store over a generated genesis (5 witnesses init0..init4 with
 * keys "initN-witness", account "registrar" with key "registrar-active"), with helpers to make
 * transactions and blocks. Blocks go through {@link BlockProducer} unless a test builds a bad one.
 */
final class TestChain implements AutoCloseable {
  static final Secp256k1 SECP = Secp256k1Provider.system();
  static final ObjectId CORE = ObjectId.asset(0);

  final Genesis genesis;
  /** The genesis file's bytes (its sha256 is the chain id). */
  final byte[] genesisJson;
  final ChainStore store;
  final ChainController chain;
  final ObjectId registrar;
  final PrivateKey registrarKey = ChainGenerator.key("registrar-active");
  private long amount = 1;

  TestChain(Consumer<ObjectNode> genesisEdit, java.util.function.UnaryOperator<ChainController.Options> options) {
    this(5, genesisEdit, options);
  }

  /** A chain with {@code witnesses} witnesses (LIB needs 70% of them to confirm). */
  TestChain(int witnesses) {
    this(witnesses, null, null);
  }

  TestChain(int witnesses, Consumer<ObjectNode> genesisEdit, java.util.function.UnaryOperator<ChainController.Options> options) {
    ChainGenerator.Config base = ChainGenerator.Config.of(0, 0);
    ChainGenerator.Config cfg = new ChainGenerator.Config(witnesses, 0, 0, base.mix(), base.singles(), base.multisigs(),
        base.companies(), 0, base.genesisTime(), base.blockInterval(), base.seed());
    byte[] json = ChainGenerator.genesisJson(cfg);
    if (genesisEdit != null) {
      ObjectNode root = (ObjectNode) ProtocolJson.parse(new String(json, StandardCharsets.UTF_8));
      genesisEdit.accept(root);
      json = ProtocolJson.writePretty(root).getBytes(StandardCharsets.UTF_8);
    }
    genesis = Genesis.parse(json);
    genesisJson = json;
    store = ChainStore.inMemory(genesis.chainId());
    genesis.initialize(store);
    ChainController.Options o = ChainController.Options.defaults(HardforkSchedule.mainnet());
    chain = ChainController.open(store, options == null ? o : options.apply(o));
    registrar = store.state().accountByName("registrar").orElseThrow().id();
  }

  TestChain() {
    this(null, null);
  }

  static PrivateKey witnessKey(ObjectId witness) {
    return ChainGenerator.key("init" + (witness.instance() - 1) + "-witness");
  }

  Bytes chainId() {
    return genesis.chainId();
  }

  long headTime() {
    return chain.head().timeSeconds();
  }

  Transaction tx(List<? extends Operation> ops) {
    return tx(ops, headTime() + 60);
  }

  Transaction tx(List<? extends Operation> ops, long expiration) {
    ChainController.HeadInfo h = chain.head();
    int refNum = h.blockNum() == 0 ? 0 : Transaction.refBlockNum(h.blockId());
    long refPrefix = h.blockNum() == 0 ? 0 : Transaction.refBlockPrefix(h.blockId());
    return new Transaction(refNum, refPrefix, Instant.ofEpochSecond(expiration), List.copyOf(ops), List.of());
  }

  PreparedTransaction sign(Transaction tx, PrivateKey... keys) {
    byte[] digest = tx.sigDigest(chainId()).toArray();
    List<Bytes> sigs = new ArrayList<>();
    for (PrivateKey k : keys) {
      sigs.add(Bytes.wrap(k.sign(digest, SECP)));
    }
    return PreparedTransaction.prepare(new SignedTransaction(tx, sigs), chainId(), SECP);
  }

  PreparedTransaction signed(List<? extends Operation> ops, PrivateKey... keys) {
    return sign(tx(ops), keys);
  }

  TransferOperation transfer(ObjectId from, ObjectId to) {
    return new TransferOperation(new Asset(0, CORE), from, to, new Asset(amount++, CORE), null, List.of());
  }

  AccountCreateOperation create(String name, Authority owner, Authority active) {
    return new AccountCreateOperation(new Asset(0, CORE), registrar, registrar, 0, name, owner, active,
        new AccountOptions(active.keyAuths().isEmpty() ? owner.keyAuths().keySet().iterator().next() : active.keyAuths().keySet().iterator().next(),
            ObjectId.account(5), 0, 0, List.of(), List.of()),
        new AccountCreateOperationExt(null, null, null, null));
  }

  /** Creates a single-key account in its own block; returns its id. */
  ObjectId account(String name, PrivateKey key) {
    Authority a = Authority.singleKey(key.publicKey(SECP));
    BlockResult r = next(signed(List.of(create(name, a, a)), registrarKey));
    assertThat(r.reason()).as("%s", r).isEqualTo(Reason.ACCEPTED);
    return store.state().accountIdByName(name).orElseThrow();
  }

  /** Produces the next block (slot 1) with these transactions, all of which must be included. */
  BlockResult next(PreparedTransaction... txs) {
    PreparedBlock b = produce(1, List.of(txs));
    return chain.pushBlock(b);
  }

  /** A block made by the producer at slot {@code slot} after the head (not pushed). */
  PreparedBlock produce(long slot, List<PreparedTransaction> txs) {
    long t = chain.slotTime(slot);
    ObjectId w = chain.scheduledWitness(slot);
    BlockProducer.Produced p = BlockProducer.produce(chain, w, witnessKey(w), t, txs, SECP);
    assertThat(p.dropped()).as("dropped").isEmpty();
    return p.block();
  }

  /** A block with these transactions built without any check (for invalid blocks). */
  PreparedBlock raw(List<PreparedTransaction> txs) {
    long t = chain.slotTime(1);
    ObjectId w = chain.scheduledWitness(1);
    return BlockProducer.build(chain.head().blockId(), w, t, txs, witnessKey(w), SECP);
  }

  /** Produces {@code n} empty blocks. */
  void empty(int n) {
    for (int i = 0; i < n; i++) {
      assertThat(next().reason()).isEqualTo(Reason.ACCEPTED);
    }
  }

  /** Re-decodes a block from its bytes, as a peer would receive it. */
  PreparedBlock roundTrip(PreparedBlock b) {
    return PreparedBlock.decode(b.raw(), chainId(), SECP);
  }

  @Override
  public void close() {
    store.close();
  }
}
