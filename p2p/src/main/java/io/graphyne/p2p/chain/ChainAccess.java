package io.graphyne.p2p.chain;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import java.util.List;
import java.util.Optional;

/**
 * The narrow interface between the P2P layer and the node: what the network needs to read from the
 * chain and where it delivers what peers send. The P2P layer calls these methods from its single
 * sync thread; implementations must not block for long (hand work to the node's pipeline).
 */
public interface ChainAccess {

  /** Head of the local chain (number 0 and a zero id when empty). */
  Head head();

  /** Our blockchain synopsis, oldest first (spec/p2p.md §4.3); empty when we have no blocks. */
  List<Bytes> synopsis();

  /**
   * Block ids following the newest synopsis entry we know on our main chain (inclusive), at most
   * {@code limit}, and how many more remain after the last returned one (spec/p2p.md §4.3).
   */
  IdsAfter blockIdsAfter(List<Bytes> synopsis, int limit);

  /** True if the block is in our chain (or already queued for it). */
  boolean hasBlock(Bytes blockId);

  /** Raw signed_block bytes of a block we hold. */
  Optional<Bytes> blockById(Bytes blockId);

  /**
   * A block arrived from a peer (in the order the peer sent it): decoded, with the raw bytes it
   * came as, and its id already checked against the header.
   */
  BlockVerdict blockArrived(SignedBlock block, Bytes raw, Bytes blockId, PeerRef from);

  /**
   * A transaction arrived from a peer (decoded, not yet validated). The node validates it as
   * bitshares-core's {@code push_transaction} would and completes the returned stage with its
   * verdict, from any thread and without blocking the caller; the P2P layer relays the transaction
   * only when the verdict is {@link TxVerdict#ACCEPTED}.
   */
  java.util.concurrent.CompletionStage<TxVerdict> transactionArrived(SignedTransaction transaction, PeerRef from);

  /** A peer was disconnected for misbehaviour (and banned). */
  void peerMisbehaved(PeerRef peer, io.graphyne.p2p.session.DisconnectReason reason, String detail);

  /** Head block number, id and timestamp (seconds). */
  record Head(long num, Bytes id, long timeSeconds) {
    public static final Head EMPTY = new Head(0, Bytes.zeros(20), 0);
  }

  /** Reply to a peer's synopsis. */
  record IdsAfter(List<Bytes> ids, long remaining) {
    public IdsAfter {
      ids = List.copyOf(ids);
    }

    /**
     * The reply to a synopsis for any chain (spec/p2p.md §4.3): start at the newest synopsis entry
     * on our main chain (a zero id or an empty synopsis means from block 1), then up to {@code
     * limit} ids.
     *
     * @param head our head block number
     * @param mainChainNumber the number of a block id if it is on our main chain, else empty
     * @param idAt the id of our main chain's block n (1..head), empty if we do not have it
     */
    public static IdsAfter of(List<Bytes> synopsis, int limit, long head,
        java.util.function.Function<Bytes, Optional<Long>> mainChainNumber,
        java.util.function.LongFunction<Optional<Bytes>> idAt) {
      long start = -1;
      if (synopsis.isEmpty() || (synopsis.size() == 1 && synopsis.get(0).isZero())) {
        start = 1;
      } else {
        for (int i = synopsis.size() - 1; i >= 0; i--) {
          Bytes id = synopsis.get(i);
          if (id.isZero()) {
            start = 1;
            break;
          }
          Optional<Long> n = mainChainNumber.apply(id);
          if (n.isPresent()) {
            start = n.get();
            break;
          }
        }
      }
      if (start < 0 || head == 0) {
        return new IdsAfter(List.of(), 0);
      }
      long last = Math.min(head, start + limit - 1);
      List<Bytes> out = new java.util.ArrayList<>();
      for (long n = start; n <= last; n++) {
        Optional<Bytes> id = idAt.apply(n);
        if (id.isEmpty()) {
          break;
        }
        out.add(id.get());
      }
      return new IdsAfter(out, head - last);
    }
  }

  /** What the node made of a block. */
  enum BlockVerdict {
    /** Applied or queued for application. */
    ACCEPTED,
    /** We already have it. */
    ALREADY_KNOWN,
    /** Its previous block is unknown: sync again from this peer. */
    UNLINKABLE,
    /** Invalid: the peer that sent it misbehaved. */
    INVALID,
    /** Valid as far as we know but not wanted (e.g. a probe that reached its target). */
    NOT_NEEDED
  }

  /** What the node made of a transaction from a peer. */
  enum TxVerdict {
    /** Valid against our head state and admitted to the mempool: relay it. */
    ACCEPTED,
    /** Already known (in the mempool or in a recent block) or expired: drop silently. */
    ALREADY_KNOWN,
    /** Invalid (signature, authority, TaPoS, operation checks): drop, count against the peer. */
    INVALID,
    /** Not judged (the node is busy, stopping, or its mempool is full): drop silently. */
    NOT_PROCESSED
  }

  /** A peer as the node sees it. */
  record PeerRef(String remoteAddress, Bytes nodeId) {}
}
