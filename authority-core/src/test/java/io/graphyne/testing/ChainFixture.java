package io.graphyne.testing;

import io.graphyne.crypto.Hashes;
import io.graphyne.crypto.PrivateKey;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.protocol.BlockHeader;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedBlockHeader;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.Asset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a chain of real, linked signed blocks for tests: correct previous ids, block ids, merkle
 * roots and witness signatures, holding transactions with TaPoS fields and signatures made by the
 * given keys exactly as cli_wallet makes them. Witness {@code i} (0-based) is {@code 1.6.(i+1)}
 * and blocks rotate through the witnesses; the witness schedule of the real chain is not modelled.
 *
 * <pre>{@code
 * ChainFixture chain = ChainFixture.builder().witnesses(3).build();
 * PrivateKey alice = ChainFixture.key("alice");
 * SignedTransaction tx = chain.sign(List.of(ChainFixture.transfer(17, 18, 1000)), alice);
 * SignedBlock block = chain.produce(tx);   // block 1, signed by witness 1.6.1
 * }</pre>
 *
 * Not thread-safe; one fixture per test.
 */
public final class ChainFixture {
  /** Chain id of fixtures built without one: SHA-256 of "graphyne test chain". */
  public static final Bytes DEFAULT_CHAIN_ID =
      Bytes.wrap(Hashes.sha256("graphyne test chain".getBytes(StandardCharsets.UTF_8)));
  public static final Instant DEFAULT_GENESIS_TIME = Instant.parse("2026-01-01T00:00:00Z");
  public static final Duration DEFAULT_BLOCK_INTERVAL = Duration.ofSeconds(3);
  public static final Duration DEFAULT_EXPIRATION = Duration.ofSeconds(60);

  private final Bytes chainId;
  private final Instant genesisTime;
  private final Duration blockInterval;
  private final List<PrivateKey> witnessKeys;
  private final Secp256k1 secp;
  private final List<SignedBlock> blocks = new ArrayList<>();

  private ChainFixture(Builder b) {
    this.chainId = b.chainId;
    this.genesisTime = b.genesisTime;
    this.blockInterval = b.blockInterval;
    this.witnessKeys = List.copyOf(b.witnessKeys);
    this.secp = b.secp;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A key from a seed, as cli_wallet / genesis tools make them: SHA-256 of the seed. */
  public static PrivateKey key(String seed) {
    return PrivateKey.fromSeed(seed);
  }

  /** A transfer of {@code amount} core units from account 1.2.from to 1.2.to, zero fee, no memo. */
  public static TransferOperation transfer(long from, long to, long amount) {
    ObjectId core = ObjectId.asset(0);
    return new TransferOperation(
        new Asset(0, core), ObjectId.account(from), ObjectId.account(to), new Asset(amount, core), null, List.of());
  }

  // ---- state ---------------------------------------------------------------------------------

  public Bytes chainId() {
    return chainId;
  }

  public Secp256k1 secp() {
    return secp;
  }

  public List<SignedBlock> blocks() {
    return List.copyOf(blocks);
  }

  public long headNum() {
    return blocks.size();
  }

  /** The head block; IllegalStateException before the first block. */
  public SignedBlock head() {
    if (blocks.isEmpty()) {
      throw new IllegalStateException("no block produced yet");
    }
    return blocks.get(blocks.size() - 1);
  }

  /** The head block id, or 20 zero bytes before the first block. */
  public Bytes headId() {
    return blocks.isEmpty() ? Bytes.zeros(20) : head().id();
  }

  /** The head block time, or the genesis time before the first block. */
  public Instant headTime() {
    return blocks.isEmpty() ? genesisTime : head().header().timestamp();
  }

  public List<PrivateKey> witnessKeys() {
    return witnessKeys;
  }

  /** The block signing key of witness 1.6.(index+1). */
  public PublicKey witnessKey(int index) {
    return witnessKeys.get(index).publicKey(secp);
  }

  public static ObjectId witnessId(int index) {
    return ObjectId.witness(index + 1);
  }

  // ---- transactions --------------------------------------------------------------------------

  /**
   * An unsigned transaction referencing the head block (TaPoS; block 0 references nothing, as
   * bitshares-core skips the check at head 0) and expiring {@link #DEFAULT_EXPIRATION} after the
   * head time.
   */
  public Transaction transaction(List<? extends Operation> ops) {
    return transaction(ops, headTime().plus(DEFAULT_EXPIRATION));
  }

  public Transaction transaction(List<? extends Operation> ops, Instant expiration) {
    Bytes ref = headId();
    int refNum = blocks.isEmpty() ? 0 : Transaction.refBlockNum(ref);
    long refPrefix = blocks.isEmpty() ? 0 : Transaction.refBlockPrefix(ref);
    return new Transaction(refNum, refPrefix, expiration, List.copyOf(ops), List.of());
  }

  /** Signs with each key in order: the signatures cli_wallet would make. */
  public SignedTransaction sign(Transaction tx, PrivateKey... signers) {
    byte[] digest = tx.sigDigest(chainId).toArray();
    List<Bytes> sigs = new ArrayList<>();
    for (PrivateKey k : signers) {
      sigs.add(Bytes.wrap(k.sign(digest, secp)));
    }
    return new SignedTransaction(tx, sigs);
  }

  /** {@link #transaction(List)} then {@link #sign(Transaction, PrivateKey...)}. */
  public SignedTransaction sign(List<? extends Operation> ops, PrivateKey... signers) {
    return sign(transaction(ops), signers);
  }

  // ---- blocks --------------------------------------------------------------------------------

  /** The next block, by the next witness in rotation, one interval after the head. */
  public SignedBlock produce(SignedTransaction... txs) {
    return produce(Arrays.asList(txs));
  }

  public SignedBlock produce(List<SignedTransaction> txs) {
    int witness = (int) (headNum() % witnessKeys.size());
    return produce(witness, headTime().plus(blockInterval), txs);
  }

  /** The next block by witness {@code witnessIndex} at {@code time}; appended to the chain. */
  public SignedBlock produce(int witnessIndex, Instant time, List<SignedTransaction> txs) {
    SignedBlock b = build(headId(), witnessIndex, time, txs, witnessKeys.get(witnessIndex));
    blocks.add(b);
    return b;
  }

  /** {@code n} empty blocks. */
  public List<SignedBlock> produceEmpty(int n) {
    List<SignedBlock> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(produce(List.of()));
    }
    return out;
  }

  /**
   * A block that is NOT appended: linked to {@code previous}, with the merkle root of
   * {@code txs}, signed by {@code signer} (which may differ from the witness's key, to build bad
   * blocks).
   */
  public SignedBlock build(
      Bytes previous, int witnessIndex, Instant time, List<SignedTransaction> txs, PrivateKey signer) {
    List<ProcessedTransaction> ptxs = new ArrayList<>();
    for (SignedTransaction t : txs) {
      ptxs.add(new ProcessedTransaction(t, List.of()));
    }
    Bytes root = SignedBlock.merkleRoot(ptxs);
    BlockHeader header = new BlockHeader(previous, time, witnessId(witnessIndex), root, List.of());
    Bytes sig = Bytes.wrap(signer.sign(header.digest().toArray(), secp));
    return new SignedBlock(new SignedBlockHeader(header, sig), ptxs);
  }

  public static final class Builder {
    private Bytes chainId = DEFAULT_CHAIN_ID;
    private Instant genesisTime = DEFAULT_GENESIS_TIME;
    private Duration blockInterval = DEFAULT_BLOCK_INTERVAL;
    private List<PrivateKey> witnessKeys = List.of(key("init0-witness"));
    private Secp256k1 secp = Secp256k1Provider.system();

    public Builder chainId(Bytes chainId) {
      if (chainId.length() != 32) {
        throw new IllegalArgumentException("a chain id is 32 bytes");
      }
      this.chainId = chainId;
      return this;
    }

    public Builder genesisTime(Instant t) {
      this.genesisTime = t;
      return this;
    }

    public Builder blockInterval(Duration d) {
      this.blockInterval = d;
      return this;
    }

    /** Witness keys; witness i is 1.6.(i+1). */
    public Builder witnesses(List<PrivateKey> keys) {
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("at least one witness");
      }
      this.witnessKeys = List.copyOf(keys);
      return this;
    }

    /** {@code n} witnesses with the private chain's seeds "init0-witness" .. "init(n-1)-witness". */
    public Builder witnesses(int n) {
      List<PrivateKey> keys = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        keys.add(key("init" + i + "-witness"));
      }
      return witnesses(keys);
    }

    public Builder secp(Secp256k1 secp) {
      this.secp = secp;
      return this;
    }

    public ChainFixture build() {
      return new ChainFixture(this);
    }
  }
}
