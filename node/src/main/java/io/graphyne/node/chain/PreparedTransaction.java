package io.graphyne.node.chain;

import io.graphyne.authority.TransactionAuthority;
import io.graphyne.crypto.Recovery;
import io.graphyne.crypto.RecoveryFailure;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.StaticVariant;
import io.graphyne.protocol.codec.Codec;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodedBlock;
import io.graphyne.protocol.codec.FcWriter;
import java.util.Arrays;
import java.util.List;

/**
 * A transaction with everything that can be computed without state, computed once (STYLE 3, 8):
 * its id, signing digest, sizes, merkle leaf, stateless validation (T1) and the recovered signer
 * keys. The pipeline fills the signers on recovery threads; {@link #prepare} does it all at once.
 * After preparation it is read only by the state thread.
 */
public final class PreparedTransaction {
  private final ProcessedTransaction tx;
  private final Bytes id;
  private final byte[] sigDigest;
  private final int unsignedSize;
  private final int signedSize;
  private final byte[] merkleDigest;
  private final String invalid;
  private volatile List<PublicKey> signers;
  private volatile RecoveryFailure recoveryFailure;
  private volatile int failedSignature = -1;

  /**
   * From the packed processed transaction in {@code packed[start, end)}: the transaction part ends
   * at {@code unsignedEnd}, the signatures at {@code signedEnd}; the bytes must be canonical.
   */
  private PreparedTransaction(ProcessedTransaction tx, Bytes chainId, byte[] packed, int start, int unsignedEnd,
      int signedEnd, int end) {
    this.tx = tx;
    this.unsignedSize = unsignedEnd - start;
    this.signedSize = signedEnd - start;
    this.id = Bytes.wrap(Hashes.sha256Prefix(packed, start, unsignedSize, 20));
    this.sigDigest = Hashes.sha256(chainId.unsafeArray(), packed, start, unsignedSize);
    this.merkleDigest = Hashes.sha256(packed, start, end - start);
    this.invalid = TransactionValidator.validate(tx.transaction());
  }

  /**
   * One encoding serves all three digests: the packed processed transaction is the packed
   * transaction, then the signatures, then the operation results (fc::raw field order); the
   * writer's position after each part gives the sizes.
   */
  private static PreparedTransaction encodeAndDigest(ProcessedTransaction tx, Bytes chainId) {
    FcWriter w = WRITER.get().reset();
    TRANSACTION.write(w, tx.transaction());
    int unsignedEnd = w.size();
    SIGNATURES.write(w, tx.signed().signatures());
    int signedEnd = w.size();
    RESULTS.write(w, tx.operationResults());
    byte[] buf = w.array();
    PreparedTransaction p = new PreparedTransaction(tx, chainId, buf, 0, unsignedEnd, signedEnd, w.size());
    if (buf.length > MAX_KEPT_WRITER) {
      WRITER.remove(); // do not pin a huge buffer per thread
    }
    return p;
  }

  private static final ThreadLocal<FcWriter> WRITER = ThreadLocal.withInitial(() -> new FcWriter(4096));
  private static final int MAX_KEPT_WRITER = 1 << 16;
  private static final Codec<Transaction> TRANSACTION = Codecs.of(Transaction.class);
  private static final Codec<List<Bytes>> SIGNATURES = Codecs.forType("vector<signature_type>");
  private static final Codec<List<StaticVariant>> RESULTS = Codecs.forType("vector<operation_result>");

  /** Digests, sizes and stateless validation; signers still to recover. */
  public static PreparedTransaction digest(ProcessedTransaction tx, Bytes chainId) {
    return encodeAndDigest(tx, chainId);
  }

  public static PreparedTransaction digest(SignedTransaction tx, Bytes chainId) {
    return encodeAndDigest(new ProcessedTransaction(tx, List.of()), chainId);
  }

  /**
   * As {@link #digest(ProcessedTransaction, Bytes)} for transaction {@code i} of a decoded block:
   * when the decoder normalised nothing in it, its range of the raw block is its canonical
   * encoding and is hashed as it is; otherwise (padded varints, unsorted or duplicated set and
   * map entries) the transaction is re-encoded, as bitshares-core hashes the re-encoding.
   */
  public static PreparedTransaction digest(DecodedBlock block, int i, Bytes chainId) {
    ProcessedTransaction tx = block.transaction(i);
    if (!block.canonical(i)) {
      return encodeAndDigest(tx, chainId);
    }
    return new PreparedTransaction(tx, chainId, block.raw(), block.start(i), block.unsignedEnd(i),
        block.signedEnd(i), block.end(i));
  }

  /** Digests, validation and recovery on the calling thread. */
  public static PreparedTransaction prepare(SignedTransaction tx, Bytes chainId, Secp256k1 secp) {
    PreparedTransaction p = digest(tx, chainId);
    p.recover(secp);
    return p;
  }

  public static PreparedTransaction prepare(ProcessedTransaction tx, Bytes chainId, Secp256k1 secp) {
    PreparedTransaction p = digest(tx, chainId);
    p.recover(secp);
    return p;
  }

  /** Recovers every signature (canonical rule enforced), stopping at the first failure. */
  public void recover(Secp256k1 secp) {
    List<Bytes> sigs = tx.signed().signatures();
    int n = sigs.size();
    if (n == 1) { // the common case: no intermediate array
      Recovery r = secp.recover(sigDigest, sigs.get(0).unsafeArray());
      if (r.ok()) {
        setRecovered(List.of(r.key()), null, -1);
      } else {
        setRecovered(List.of(), r.failure(), 0);
      }
      return;
    }
    PublicKey[] keys = new PublicKey[n];
    for (int i = 0; i < n; i++) {
      Recovery r = secp.recover(sigDigest, sigs.get(i).unsafeArray());
      if (!r.ok()) {
        setRecovered(List.of(Arrays.copyOf(keys, i)), r.failure(), i);
        return;
      }
      keys[i] = r.key();
    }
    setRecovered(List.of(keys), null, -1);
  }

  /** Sets the recovery outcome (pipeline recovery threads). */
  public void setRecovered(List<PublicKey> keys, RecoveryFailure failure, int failedIndex) {
    this.recoveryFailure = failure;
    this.failedSignature = failedIndex;
    this.signers = List.copyOf(keys);
  }

  /** As {@link TransactionAuthority#recoverSigners}, for callers that have it already. */
  public void setRecovered(TransactionAuthority.Signers s) {
    setRecovered(s.keys(), s.failure(), s.failedIndex());
  }

  public boolean recovered() {
    return signers != null;
  }

  public ProcessedTransaction processed() {
    return tx;
  }

  public SignedTransaction signed() {
    return tx.signed();
  }

  public Transaction transaction() {
    return tx.transaction();
  }

  public Bytes id() {
    return id;
  }

  /** SHA-256(chain id || packed transaction): what each signature signs. */
  public byte[] sigDigest() {
    return sigDigest;
  }

  /** Packed size without signatures (T7). */
  public int unsignedSize() {
    return unsignedSize;
  }

  /** Packed size of the signed transaction (T0). */
  public int signedSize() {
    return signedSize;
  }

  /** SHA-256 of the packed processed transaction: the merkle leaf. */
  public byte[] merkleDigest() {
    return merkleDigest;
  }

  /** Why stateless validation (T1) failed, or null. */
  public String invalid() {
    return invalid;
  }

  /** Recovered keys in signature order (null before recovery). */
  public List<PublicKey> signers() {
    return signers;
  }

  public RecoveryFailure recoveryFailure() {
    return recoveryFailure;
  }

  public int failedSignature() {
    return failedSignature;
  }

  public int signatureCount() {
    return tx.signed().signatures().size();
  }
}
