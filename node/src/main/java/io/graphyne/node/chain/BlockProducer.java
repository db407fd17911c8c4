package io.graphyne.node.chain;

import io.graphyne.crypto.PrivateKey;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.protocol.BlockHeader;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.ProcessedTransaction;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedBlockHeader;
import io.graphyne.chainstore.WitnessRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces valid signed blocks on top of a controller's head: the scheduled witness for the slot,
 * transactions that apply in order (each checked in the state the earlier ones leave, through a
 * dry run that commits nothing), the block size limit, the merkle root and the witness signature.
 * Used by the chain generator and by the devnet's producing node. The produced block is not
 * pushed; call {@link ChainController#pushBlock} with it.
 *
 * <pre>{@code
 * long t = chain.slotTime(1);
 * ObjectId w = chain.scheduledWitness(1);
 * BlockProducer.Produced p = BlockProducer.produce(chain, w, keyOf(w), t, chain.mempool(), secp);
 * chain.pushBlock(p.block());
 * }</pre>
 */
public final class BlockProducer {
  private BlockProducer() {}

  /** Room left in {@code maximum_block_size} for the header, signature and vector length. */
  public static final int HEADER_RESERVE = 256;

  /** The witness is not scheduled at that time, or its key does not match. */
  public static final class NotScheduledException extends IllegalArgumentException {
    public NotScheduledException(String message) {
      super(message);
    }
  }

  /**
   * A produced block, the candidates it includes, and why the others were dropped (invalid
   * ones; candidates that did not fit are neither included nor dropped).
   */
  public record Produced(PreparedBlock block, List<PreparedTransaction> included, List<TxResult> dropped) {}

  /**
   * Builds the block of {@code witness} at {@code slotTimeSeconds}.
   *
   * @throws NotScheduledException if the slot is not after the head, the witness is not the
   *     scheduled one, or {@code signingKey} is not the witness's current signing key
   */
  public static Produced produce(ChainController chain, ObjectId witness, PrivateKey signingKey, long slotTimeSeconds,
      List<PreparedTransaction> candidates, Secp256k1 secp) {
    long slot = chain.slotAtTime(slotTimeSeconds);
    if (slot == 0) {
      throw new NotScheduledException("time " + slotTimeSeconds + " is before the next slot " + chain.slotTime(1));
    }
    ObjectId scheduled = chain.scheduledWitness(slot);
    if (!scheduled.equals(witness)) {
      throw new NotScheduledException("slot " + slot + " belongs to " + scheduled + ", not " + witness);
    }
    PublicKey pub = signingKey.publicKey(secp);
    WitnessRecord w = chain.witness(witness).orElseThrow(() -> new NotScheduledException("no witness " + witness));
    if (!w.signingKey().equals(pub)) {
      throw new NotScheduledException("the key is not " + witness + "'s signing key");
    }
    long max = chain.globalProperties().parameters().maximumBlockSize() - HEADER_RESERVE;
    List<TxResult> dropped = new ArrayList<>();
    List<PreparedTransaction> included = chain.selectForBlock(candidates, max, dropped);
    return new Produced(build(chain.head().blockId(), witness, slotTimeSeconds, included, signingKey, secp), included, dropped);
  }

  /**
   * Builds and signs a block from prepared transactions without any check (also for tests that
   * need invalid blocks).
   */
  public static PreparedBlock build(Bytes previous, ObjectId witness, long timeSeconds, List<PreparedTransaction> txs,
      PrivateKey signer, Secp256k1 secp) {
    List<ProcessedTransaction> ptxs = new ArrayList<>(txs.size());
    byte[][] leaves = new byte[txs.size()][];
    for (int i = 0; i < txs.size(); i++) {
      ptxs.add(txs.get(i).processed());
      leaves[i] = txs.get(i).merkleDigest();
    }
    Bytes root = SignedBlock.merkleRootOfDigests(leaves);
    BlockHeader header = new BlockHeader(previous, Instant.ofEpochSecond(timeSeconds), witness, root, List.of());
    Bytes sig = Bytes.wrap(signer.sign(header.digest().toArray(), secp));
    SignedBlock block = new SignedBlock(new SignedBlockHeader(header, sig), ptxs);
    PreparedBlock p = new PreparedBlock(block, null, txs);
    p.setSignee(signer.publicKey(secp), null);
    return p;
  }
}
