package io.graphyne.p2p.chain;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.util.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A linear chain of raw blocks held in memory: what {@code p2p serve} serves and {@code p2p probe}
 * syncs into. Checks ids and linkage only (no consensus validation). Thread-safe.
 */
public final class MemoryChain implements ChainAccess {
  private final List<Bytes> blocks = new ArrayList<>();
  private final List<Bytes> ids = new ArrayList<>();
  private final List<Long> times = new ArrayList<>();
  private final Map<Bytes, Integer> index = new HashMap<>();
  private final long maxBlocks;
  private volatile Consumer<Long> onAppend = n -> {};

  public MemoryChain() {
    this(Long.MAX_VALUE);
  }

  /** A chain that accepts at most {@code maxBlocks} blocks (later ones are NOT_NEEDED). */
  public MemoryChain(long maxBlocks) {
    this.maxBlocks = maxBlocks;
  }

  /** Loads a file of hex-encoded signed blocks, one per line, checking ids and linkage. */
  public static MemoryChain load(Path file) throws IOException {
    MemoryChain c = new MemoryChain();
    int line = 0;
    for (String s : Files.readAllLines(file)) {
      line++;
      s = s.strip();
      if (s.isEmpty()) {
        continue;
      }
      Bytes b = Bytes.wrap(Hex.decode(s));
      BlockHeaders h;
      try {
        h = BlockHeaders.parse(b.unsafeArray());
      } catch (DecodeException e) {
        throw new IOException("line " + line + ": " + e.getMessage(), e);
      }
      if (c.append(b, h) != BlockVerdict.ACCEPTED) {
        throw new IOException("line " + line + ": block " + h.blockNum() + " does not link to the previous line");
      }
    }
    return c;
  }

  public void onAppend(Consumer<Long> listener) {
    this.onAppend = listener;
  }

  public synchronized BlockVerdict append(Bytes block, BlockHeaders h) {
    if (index.containsKey(h.id())) {
      return BlockVerdict.ALREADY_KNOWN;
    }
    Bytes tip = ids.isEmpty() ? Bytes.zeros(20) : ids.get(ids.size() - 1);
    if (!h.previous().equals(tip)) {
      return BlockVerdict.UNLINKABLE;
    }
    if (blocks.size() >= maxBlocks) {
      return BlockVerdict.NOT_NEEDED;
    }
    blocks.add(block);
    ids.add(h.id());
    times.add(h.timestamp());
    index.put(h.id(), ids.size());
    long n = ids.size();
    onAppend.accept(n);
    return BlockVerdict.ACCEPTED;
  }

  public synchronized int size() {
    return blocks.size();
  }

  public synchronized Bytes idOf(long num) {
    return ids.get((int) num - 1);
  }

  public synchronized Bytes blockOf(long num) {
    return blocks.get((int) num - 1);
  }

  @Override
  public synchronized Head head() {
    if (ids.isEmpty()) {
      return Head.EMPTY;
    }
    int n = ids.size();
    return new Head(n, ids.get(n - 1), times.get(n - 1));
  }

  /** With every block irreversible, the synopsis of §4.3 reduces to the head id. */
  @Override
  public synchronized List<Bytes> synopsis() {
    return synopsis(ids.size());
  }

  /** The §4.3 synopsis for a given last irreversible block number. */
  public synchronized List<Bytes> synopsis(long lib) {
    List<Bytes> out = new ArrayList<>();
    long high = ids.size();
    if (high == 0) {
      return out;
    }
    long low = Math.max(1, Math.min(lib, high));
    do {
      out.add(ids.get((int) low - 1));
      low += (high - low + 2) / 2;
    } while (low <= high);
    return out;
  }

  @Override
  public synchronized IdsAfter blockIdsAfter(List<Bytes> synopsis, int limit) {
    return IdsAfter.of(synopsis, limit, ids.size(),
        id -> Optional.ofNullable(index.get(id)).map(Integer::longValue),
        n -> n >= 1 && n <= ids.size() ? Optional.of(ids.get((int) n - 1)) : Optional.empty());
  }

  @Override
  public synchronized boolean hasBlock(Bytes blockId) {
    return index.containsKey(blockId);
  }

  @Override
  public synchronized Optional<Bytes> blockById(Bytes blockId) {
    Integer n = index.get(blockId);
    return n == null ? Optional.empty() : Optional.of(blocks.get(n - 1));
  }

  @Override
  public BlockVerdict blockArrived(SignedBlock block, Bytes raw, Bytes blockId, PeerRef from) {
    BlockHeaders h;
    try {
      h = BlockHeaders.parse(raw.unsafeArray());
    } catch (DecodeException e) {
      return BlockVerdict.INVALID;
    }
    if (!h.id().equals(blockId)) {
      return BlockVerdict.INVALID;
    }
    return append(raw, h);
  }

  @Override
  public java.util.concurrent.CompletionStage<TxVerdict> transactionArrived(SignedTransaction transaction, PeerRef from) {
    return java.util.concurrent.CompletableFuture.completedFuture(TxVerdict.NOT_PROCESSED);
  }

  @Override
  public void peerMisbehaved(PeerRef peer, io.graphyne.p2p.session.DisconnectReason reason, String detail) {}
}
