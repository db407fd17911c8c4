package io.graphyne.node.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.crypto.PrivateKey;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.node.chain.BlockProducer;
import io.graphyne.node.chain.BlockResult;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.chain.PreparedBlock;
import io.graphyne.node.chain.PreparedTransaction;
import io.graphyne.node.chain.Reason;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.AccountCreateOperationExt;
import io.graphyne.protocol.types.AccountOptions;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.ChainParameters;
import io.graphyne.protocol.types.ChainParametersExt;
import io.graphyne.protocol.types.FeeSchedule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Writes a valid chain for tests and benchmarks: a bitshares-core genesis.json, then blocks made
 * by {@link BlockProducer} on a real {@link ChainController} (schedule-correct, signed by the
 * scheduled witnesses, every block applied before the next is made). The first blocks create
 * accounts through the genesis account {@code registrar}: single-key accounts, 2-of-3 key
 * accounts and two-level company hierarchies (the seeds' company: active 51 = ceo 51 / cfo 51,
 * cfo active 51 = chief 51 / treasurer 33 / controller 33 / tax 10 / accounting 10); then come
 * transfer blocks by the configured mix, signed by single keys, two of three keys, or one of the
 * company's coalitions. A configurable share of invalid sibling blocks (bad transaction
 * signature, bad witness signature, bad merkle root) is written just before a valid block of the
 * same height, for negative tests. Everything is deterministic for a seed. Keys are {@code
 * PrivateKey.fromSeed(label)}.
 */
public final class ChainGenerator {
  public static final Instant DEFAULT_GENESIS_TIME = Instant.parse("2026-01-01T00:00:00Z");
  private static final ObjectId CORE = ObjectId.asset(0);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Transaction mix in percent (any weights; they are normalised). */
  public record Mix(int single, int multisig, int hierarchy) {
    public Mix {
      if (single < 0 || multisig < 0 || hierarchy < 0 || single + multisig + hierarchy == 0) {
        throw new IllegalArgumentException("mix weights must be >= 0 and not all 0");
      }
    }

    public static final Mix DEFAULT = new Mix(70, 20, 10);

    /** Parses {@code single:70,multisig:20,hierarchy:10}. */
    public static Mix parse(String s) {
      Map<String, Integer> m = new HashMap<>();
      for (String part : s.split(",")) {
        String[] kv = part.strip().split(":");
        if (kv.length != 2) {
          throw new IllegalArgumentException("mix entries are name:weight, got '" + part + "'");
        }
        m.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
      }
      for (String k : m.keySet()) {
        if (!List.of("single", "multisig", "hierarchy").contains(k)) {
          throw new IllegalArgumentException("unknown mix entry '" + k + "' (single, multisig, hierarchy)");
        }
      }
      return new Mix(m.getOrDefault("single", 0), m.getOrDefault("multisig", 0), m.getOrDefault("hierarchy", 0));
    }

    @Override
    public String toString() {
      return "single:" + single + ",multisig:" + multisig + ",hierarchy:" + hierarchy;
    }
  }

  /**
   * @param blocks transfer blocks after the account set-up blocks
   * @param invalidBlockPercent share (0..100) of heights that get an invalid sibling block first
   */
  public record Config(int witnesses, int blocks, int txPerBlock, Mix mix, int singles, int multisigs, int companies,
      int invalidBlockPercent, Instant genesisTime, int blockInterval, long seed) {
    public Config {
      Objects.requireNonNull(mix);
      Objects.requireNonNull(genesisTime);
      if (witnesses < 1 || blocks < 0 || txPerBlock < 0 || singles < 2 || multisigs < 1 || companies < 1) {
        throw new IllegalArgumentException("witnesses >= 1, singles >= 2, multisigs >= 1, companies >= 1");
      }
      if (invalidBlockPercent < 0 || invalidBlockPercent > 100) {
        throw new IllegalArgumentException("invalid block share is 0..100");
      }
    }

    public static Config of(int blocks, int txPerBlock) {
      return new Config(5, blocks, txPerBlock, Mix.DEFAULT, 200, 50, 10, 0, DEFAULT_GENESIS_TIME, 3, 1);
    }

    public Config withMix(Mix m) {
      return new Config(witnesses, blocks, txPerBlock, m, singles, multisigs, companies, invalidBlockPercent, genesisTime, blockInterval, seed);
    }

    public Config withInvalidBlocks(int percent) {
      return new Config(witnesses, blocks, txPerBlock, mix, singles, multisigs, companies, percent, genesisTime, blockInterval, seed);
    }

    public Config withAccounts(int s, int m, int c) {
      return new Config(witnesses, blocks, txPerBlock, mix, s, m, c, invalidBlockPercent, genesisTime, blockInterval, seed);
    }
  }

  /** What was written. */
  public record Result(Bytes chainId, long blocks, long validBlocks, long invalidBlocks, long transactions, long signatures,
      Bytes stateHash, long headBlockNum) {}

  private final Config config;
  private final Secp256k1 secp;
  private final byte[] genesisJson;
  private final Genesis genesis;
  private final SplittableRandom random;
  private final Map<ObjectId, PrivateKey> witnessKeys = new HashMap<>();
  private final List<Signer> singles = new ArrayList<>();
  private final List<Signer> multisigs = new ArrayList<>();
  private final List<Signer> companies = new ArrayList<>();
  private long amountCounter = 1;

  /** An account and the key sets that may sign for it (rotated). */
  private record Signer(String name, List<List<PrivateKey>> coalitions, ObjectId[] id) {}

  public ChainGenerator(Config config, Secp256k1 secp) {
    io.graphyne.node.chain.CodecWarmup.ensure();
    this.config = config;
    this.secp = secp;
    this.genesisJson = genesisJson(config);
    this.genesis = Genesis.parse(genesisJson);
    this.random = new SplittableRandom(config.seed());
  }

  public byte[] genesisJson() {
    return genesisJson.clone();
  }

  public Genesis genesis() {
    return genesis;
  }

  public static PrivateKey key(String label) {
    return PrivateKey.fromSeed(label);
  }

  /** The genesis file: witnesses init0..init(n-1) (keys "initN-witness"), and "registrar". */
  public static byte[] genesisJson(Config c) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("initial_timestamp", TIME.format(c.genesisTime()));
    root.put("max_core_supply", "1000000000000000");
    ChainParameters p = new ChainParameters(new FeeSchedule(List.of(), 10000), c.blockInterval(), 600, 3, 1209600, 2048,
        2_000_000, 86400, 2419200, 10, 10, 1001, 1001, 10, 2000, 2000, 3000, 31536000, 10000000, true, false, 1000000,
        50000000000L, 1, 10000000, 1000, 4, 2, new ChainParametersExt(null, null, null, null));
    root.set("initial_parameters", ProtocolJson.toJson(p, "BTS"));
    ArrayNode accounts = root.putArray("initial_accounts");
    ArrayNode witnesses = root.putArray("initial_witness_candidates");
    ArrayNode committee = root.putArray("initial_committee_candidates");
    for (int i = 0; i < c.witnesses(); i++) {
      ObjectNode a = accounts.addObject();
      a.put("name", "init" + i);
      a.put("owner_key", key("init" + i + "-owner").publicKey().toString("BTS"));
      a.put("active_key", key("init" + i + "-active").publicKey().toString("BTS"));
      a.put("is_lifetime_member", true);
      ObjectNode w = witnesses.addObject();
      w.put("owner_name", "init" + i);
      w.put("block_signing_key", key("init" + i + "-witness").publicKey().toString("BTS"));
      committee.addObject().put("owner_name", "init" + i);
    }
    ObjectNode r = accounts.addObject();
    r.put("name", "registrar");
    r.put("owner_key", key("registrar-owner").publicKey().toString("BTS"));
    r.put("active_key", key("registrar-active").publicKey().toString("BTS"));
    r.put("is_lifetime_member", true);
    root.putArray("initial_assets");
    root.putArray("initial_balances");
    root.putArray("initial_vesting_balances");
    root.put("initial_active_witnesses", c.witnesses());
    root.putArray("initial_worker_candidates");
    ObjectNode imm = root.putObject("immutable_parameters");
    imm.put("min_committee_member_count", 11);
    imm.put("min_witness_count", 11);
    imm.put("num_special_accounts", 0);
    imm.put("num_special_assets", 0);
    return ProtocolJson.writePretty(root).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Generates the chain, handing each block's raw bytes to {@code sink} in file order (invalid
   * siblings first). {@code progress} (may be null) sees every applied block.
   */
  public Result generate(Consumer<byte[]> sink, Consumer<BlockResult> progress) {
    for (int i = 0; i < config.witnesses(); i++) {
      witnessKeys.put(ObjectId.witness(i + 1), key("init" + i + "-witness"));
    }
    long[] counts = new long[5]; // blocks, valid, invalid, txs, sigs
    try (ChainStore store = ChainStore.inMemory(genesis.chainId())) {
      genesis.initialize(store);
      ChainController chain = ChainController.open(store, ChainController.Options.defaults(HardforkSchedule.allActive()));
      ObjectId registrar = store.state().accountByName("registrar").orElseThrow().id();
      PrivateKey registrarKey = key("registrar-active");
      // set-up: single-key accounts, 2-of-3 accounts, company officers and ceos
      List<Operation> first = new ArrayList<>();
      for (int i = 0; i < config.singles(); i++) {
        first.add(create(registrar, "s" + i, Authority.singleKey(key("s" + i).publicKey(secp))));
        singles.add(new Signer("s" + i, List.of(List.of(key("s" + i))), new ObjectId[1]));
      }
      for (int i = 0; i < config.multisigs(); i++) {
        PrivateKey k1 = key("m" + i + "-k1");
        PrivateKey k2 = key("m" + i + "-k2");
        PrivateKey k3 = key("m" + i + "-k3");
        Authority a = new Authority(2, Map.of(), Map.of(k1.publicKey(secp), 1, k2.publicKey(secp), 1, k3.publicKey(secp), 1), Map.of());
        first.add(create(registrar, "m" + i, a));
        multisigs.add(new Signer("m" + i, List.of(List.of(k1, k2), List.of(k2, k3), List.of(k3, k1)), new ObjectId[1]));
      }
      String[] officers = {"chief", "treasurer", "controller", "tax", "accounting", "ceo"};
      for (int j = 0; j < config.companies(); j++) {
        for (String o : officers) {
          first.add(create(registrar, o + "-" + j, Authority.singleKey(key(o + "-" + j).publicKey(secp))));
        }
      }
      counts[3] += setupBlocks(chain, registrarKey, first, sink, counts, progress);
      List<Operation> cfos = new ArrayList<>();
      for (int j = 0; j < config.companies(); j++) {
        Map<ObjectId, Integer> m = new LinkedHashMap<>();
        m.put(id(store, "chief-" + j), 51);
        m.put(id(store, "treasurer-" + j), 33);
        m.put(id(store, "controller-" + j), 33);
        m.put(id(store, "tax-" + j), 10);
        m.put(id(store, "accounting-" + j), 10);
        cfos.add(create(registrar, "cfo-" + j, new Authority(51, m, Map.of(), Map.of()), Authority.singleKey(key("cfo-" + j).publicKey(secp))));
      }
      counts[3] += setupBlocks(chain, registrarKey, cfos, sink, counts, progress);
      List<Operation> comps = new ArrayList<>();
      for (int j = 0; j < config.companies(); j++) {
        Map<ObjectId, Integer> m = Map.of(id(store, "ceo-" + j), 51, id(store, "cfo-" + j), 51);
        comps.add(create(registrar, "company-" + j, new Authority(51, m, Map.of(), Map.of()), Authority.singleKey(key("company-" + j).publicKey(secp))));
        companies.add(new Signer("company-" + j, List.of(
            List.of(key("ceo-" + j)), List.of(key("chief-" + j)), List.of(key("treasurer-" + j), key("controller-" + j)),
            List.of(key("controller-" + j), key("tax-" + j), key("accounting-" + j)),
            List.of(key("treasurer-" + j), key("tax-" + j), key("accounting-" + j))), new ObjectId[1]));
      }
      counts[3] += setupBlocks(chain, registrarKey, comps, sink, counts, progress);
      for (List<Signer> l : List.of(singles, multisigs, companies)) {
        for (Signer s : l) {
          s.id()[0] = id(store, s.name());
        }
      }
      int total = config.mix().single() + config.mix().multisig() + config.mix().hierarchy();
      for (int b = 0; b < config.blocks(); b++) {
        List<Signer> from = new ArrayList<>(config.txPerBlock());
        for (int i = 0; i < config.txPerBlock(); i++) {
          int r = random.nextInt(total);
          List<Signer> pool = r < config.mix().single() ? singles : r < config.mix().single() + config.mix().multisig() ? multisigs : companies;
          from.add(pool.get(random.nextInt(pool.size())));
        }
        List<PreparedTransaction> txs = transfers(chain, from);
        counts[3] += txs.size();
        produce(chain, txs, sink, counts, progress);
      }
      return new Result(genesis.chainId(), counts[0], counts[1], counts[2], counts[3], counts[4], store.stateHash(),
          chain.head().blockNum());
    }
  }

  private static ObjectId id(ChainStore store, String name) {
    return store.state().accountIdByName(name).orElseThrow(() -> new IllegalStateException("account " + name + " was not created"));
  }

  private static AccountCreateOperation create(ObjectId registrar, String name, Authority auth) {
    return create(registrar, name, auth, auth);
  }

  private static AccountCreateOperation create(ObjectId registrar, String name, Authority active, Authority owner) {
    PublicKey memo = active.keyAuths().isEmpty() ? owner.keyAuths().keySet().iterator().next() : active.keyAuths().keySet().iterator().next();
    return new AccountCreateOperation(new Asset(0, CORE), registrar, registrar, 0, name, owner, active,
        new AccountOptions(memo, ObjectId.account(5), 0, 0, List.of(), List.of()), new AccountCreateOperationExt(null, null, null, null));
  }

  private long setupBlocks(ChainController chain, PrivateKey registrarKey, List<Operation> ops, Consumer<byte[]> sink,
      long[] counts, Consumer<BlockResult> progress) {
    int per = Math.max(1, Math.min(1000, config.txPerBlock() == 0 ? 1000 : config.txPerBlock()));
    long n = 0;
    for (int i = 0; i < ops.size(); i += per) {
      List<Operation> chunk = ops.subList(i, Math.min(ops.size(), i + per));
      Transaction head = reference(chain, List.of());
      List<PreparedTransaction> txs = IntStream.range(0, chunk.size()).parallel()
          .mapToObj(k -> sign(new Transaction(head.refBlockNum(), head.refBlockPrefix(), head.expiration(), List.of(chunk.get(k)), List.of()),
              List.of(registrarKey)))
          .toList();
      n += txs.size();
      produce(chain, txs, sink, counts, progress);
    }
    return n;
  }

  private Transaction reference(ChainController chain, List<Operation> ops) {
    ChainController.HeadInfo h = chain.head();
    int refNum = h.blockNum() == 0 ? 0 : Transaction.refBlockNum(h.blockId());
    long refPrefix = h.blockNum() == 0 ? 0 : Transaction.refBlockPrefix(h.blockId());
    return new Transaction(refNum, refPrefix, Instant.ofEpochSecond(h.timeSeconds() + 3600), ops, List.of());
  }

  private PreparedTransaction sign(Transaction tx, List<PrivateKey> keys) {
    PreparedTransaction p = PreparedTransaction.digest(new SignedTransaction(tx, List.of()), genesis.chainId());
    List<Bytes> sigs = new ArrayList<>(keys.size());
    List<PublicKey> pubs = new ArrayList<>(keys.size());
    for (PrivateKey k : keys) {
      sigs.add(Bytes.wrap(k.sign(p.sigDigest(), secp)));
      pubs.add(k.publicKey(secp));
    }
    PreparedTransaction signed = PreparedTransaction.digest(new SignedTransaction(tx, sigs), genesis.chainId());
    signed.setRecovered(pubs, null, -1);
    return signed;
  }

  private List<PreparedTransaction> transfers(ChainController chain, List<Signer> from) {
    Transaction head = reference(chain, List.of());
    List<Transaction> txs = new ArrayList<>(from.size());
    List<List<PrivateKey>> keys = new ArrayList<>(from.size());
    for (Signer s : from) {
      Signer to = singles.get(random.nextInt(singles.size()));
      if (to.id()[0].equals(s.id()[0])) {
        to = singles.get((singles.indexOf(to) + 1) % singles.size());
      }
      TransferOperation op = new TransferOperation(new Asset(0, CORE), s.id()[0], to.id()[0], new Asset(amountCounter++, CORE), null, List.of());
      txs.add(new Transaction(head.refBlockNum(), head.refBlockPrefix(), head.expiration(), List.of(op), List.of()));
      keys.add(s.coalitions().get(random.nextInt(s.coalitions().size())));
    }
    return IntStream.range(0, txs.size()).parallel().mapToObj(i -> sign(txs.get(i), keys.get(i))).toList();
  }

  private void produce(ChainController chain, List<PreparedTransaction> txs, Consumer<byte[]> sink, long[] counts,
      Consumer<BlockResult> progress) {
    long t = chain.slotTime(1);
    ObjectId w = chain.scheduledWitness(1);
    PrivateKey key = witnessKeys.get(w);
    BlockProducer.Produced p = BlockProducer.produce(chain, w, key, t, txs, secp);
    if (p.included().size() != txs.size()) {
      throw new IllegalStateException("generated transactions were dropped: " + p.dropped());
    }
    if (config.invalidBlockPercent() > 0 && random.nextInt(100) < config.invalidBlockPercent()) {
      PreparedBlock bad = invalidSibling(chain, w, key, t, txs);
      sink.accept(bad.raw());
      counts[0]++;
      counts[2]++;
    }
    BlockResult r = chain.pushBlock(p.block());
    if (r.reason() != Reason.ACCEPTED) {
      throw new IllegalStateException("generated block rejected: " + r);
    }
    sink.accept(p.block().raw());
    counts[0]++;
    counts[1]++;
    counts[4] += p.block().signatureCount();
    if (progress != null) {
      progress.accept(r);
    }
  }

  /** An invalid block at the same height: bad transaction signer, bad witness key, or bad merkle root. */
  private PreparedBlock invalidSibling(ChainController chain, ObjectId w, PrivateKey key, long t, List<PreparedTransaction> txs) {
    Bytes prev = chain.head().blockId();
    int kind = random.nextInt(3);
    if (kind == 0 || txs.isEmpty()) {
      return BlockProducer.build(prev, w, t, txs, key("not-a-witness"), secp); // B6
    }
    if (kind == 1) {
      List<PreparedTransaction> bad = new ArrayList<>(txs);
      PreparedTransaction first = bad.get(0);
      bad.set(0, sign(first.transaction(), List.of(key("not-a-signer")))); // B8 / T3
      return BlockProducer.build(prev, w, t, bad, key, secp);
    }
    List<PreparedTransaction> fewer = new ArrayList<>(txs.subList(0, txs.size() - 1));
    PreparedBlock ok = BlockProducer.build(prev, w, t, fewer, key, secp);
    // same header (merkle root of the shorter list) but all transactions: B4
    var header = ok.block().signedHeader();
    var block = new io.graphyne.protocol.SignedBlock(header, txs.stream().map(PreparedTransaction::processed).toList());
    return new PreparedBlock(block, null, txs);
  }
}
