package io.graphyne.node.chain;

import io.graphyne.crypto.Recovery;
import io.graphyne.crypto.RecoveryFailure;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodedBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoded block with its stateless results: id, packed size, the recovered signee, and its
 * prepared transactions. Built by the pipeline (recovery in parallel) or by {@link #prepare} on
 * one thread; handed to {@link ChainController#pushBlock}.
 */
public final class PreparedBlock {
  private final SignedBlock block;
  private final byte[] raw;
  private final Bytes id;
  private final List<PreparedTransaction> transactions;
  private volatile PublicKey signee;
  private volatile RecoveryFailure signeeFailure;

  public PreparedBlock(SignedBlock block, byte[] raw, List<PreparedTransaction> transactions) {
    this.block = block;
    this.raw = raw == null ? Codecs.encode(block) : raw;
    this.id = block.id();
    this.transactions = List.copyOf(transactions);
  }

  /** Decodes nothing; computes digests, recovers the signee and every transaction signer. */
  public static PreparedBlock prepare(SignedBlock block, byte[] raw, Bytes chainId, Secp256k1 secp) {
    List<PreparedTransaction> txs = new ArrayList<>(block.transactions().size());
    for (ProcessedTransaction t : block.transactions()) {
      txs.add(PreparedTransaction.prepare(t, chainId, secp));
    }
    PreparedBlock p = new PreparedBlock(block, raw, txs);
    p.recoverSignee(secp);
    return p;
  }

  public static PreparedBlock prepare(SignedBlock block, Bytes chainId, Secp256k1 secp) {
    return prepare(block, null, chainId, secp);
  }

  /** Decodes raw fc bytes (throws {@link io.graphyne.protocol.codec.DecodeException}) and prepares. */
  public static PreparedBlock decode(byte[] raw, Bytes chainId, Secp256k1 secp) {
    DecodedBlock d = Codecs.decodeBlock(raw);
    List<PreparedTransaction> txs = new ArrayList<>(d.transactionCount());
    for (int i = 0; i < d.transactionCount(); i++) {
      PreparedTransaction t = PreparedTransaction.digest(d, i, chainId); // hashes raw when canonical
      t.recover(secp);
      txs.add(t);
    }
    PreparedBlock p = new PreparedBlock(d.block(), raw, txs);
    p.recoverSignee(secp);
    return p;
  }

  public void recoverSignee(Secp256k1 secp) {
    Recovery r = secp.recover(block.header().digest().unsafeArray(), block.signedHeader().witnessSignature().unsafeArray());
    setSignee(r.ok() ? r.key() : null, r.ok() ? null : r.failure());
  }

  public void setSignee(PublicKey key, RecoveryFailure failure) {
    this.signeeFailure = failure;
    this.signee = key;
  }

  public SignedBlock block() {
    return block;
  }

  public byte[] raw() {
    return raw;
  }

  public Bytes id() {
    return id;
  }

  public long blockNum() {
    return block.blockNum();
  }

  public Bytes previous() {
    return block.header().previous();
  }

  public List<PreparedTransaction> transactions() {
    return transactions;
  }

  /** The recovered witness key, or null when recovery failed. */
  public PublicKey signee() {
    return signee;
  }

  public RecoveryFailure signeeFailure() {
    return signeeFailure;
  }

  /** Merkle root from the prepared leaves. */
  public Bytes merkleRoot() {
    byte[][] level = new byte[transactions.size()][];
    for (int i = 0; i < level.length; i++) {
      level[i] = transactions.get(i).merkleDigest();
    }
    return SignedBlock.merkleRootOfDigests(level);
  }

  public int signatureCount() {
    int n = 0;
    for (PreparedTransaction t : transactions) {
      n += t.signatureCount();
    }
    return n;
  }
}
