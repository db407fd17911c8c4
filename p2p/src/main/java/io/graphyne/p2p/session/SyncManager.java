package io.graphyne.p2p.session;

import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.p2p.chain.ChainAccess.BlockVerdict;
import io.graphyne.p2p.message.BlockIds;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.message.MessageType;
import io.graphyne.p2p.message.RawMessage;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.codec.DecodeException;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync protocol across all peers (spec/p2p.md §4.3-§4.5), owned by one thread: synopsis
 * requests, item-id inventories, fetching blocks in batches (one peer fetches at a time, at most
 * {@code maxBlocksPerFetch} in flight), the confirming request that makes a peer advertise new
 * blocks, normal-mode inventory both ways, answering peers that sync from us, and the request
 * timeouts of §4.6.
 */
public final class SyncManager {
  private static final Logger LOG = LoggerFactory.getLogger(SyncManager.class);

  /** GRAPHENE_NET_MIN_BLOCK_IDS_TO_PREFETCH: keep asking for ids until this many are queued. */
  public static final int MIN_BLOCK_IDS_TO_PREFETCH = 10_000;
  /** Hard cap on ids queued per peer. */
  public static final int MAX_QUEUED_IDS = MIN_BLOCK_IDS_TO_PREFETCH + 2_000;
  /** get_block_ids default limit. */
  public static final int MAX_IDS_PER_REPLY = 2000;
  /** Normal-mode items we remember wanting from one peer. */
  public static final int MAX_WANTED = 1000;
  /** Messages we keep for peers that fetch what we advertised. */
  public static final int MESSAGE_CACHE_SIZE = 2000;
  /** How long an advertised message stays fetchable (about 5 blocks at 3 s, generously). */
  public static final long MESSAGE_CACHE_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final int MAX_CONFIRMS_WITHOUT_PROGRESS = 3;
  /**
   * Most transactions from one peer awaiting the node's verdict: further items are requested from
   * that peer only when a verdict comes back, so a flood from one peer is bounded by this, whatever
   * the node's speed.
   */
  public static final int MAX_VALIDATING_PER_PEER = 64;
  /** GRAPHENE_NET_FUTURE_SYNC_BLOCKS_GRACE_PERIOD_SEC. */
  static final long FUTURE_SYNC_GRACE_SECONDS = 3600;

  /** Per-peer sync state. */
  static final class PeerSync {
    boolean weNeedSync = true;
    boolean peerNeedsSync = true;
    List<Bytes> sentSynopsis = List.of();
    long idsRequestedAt = -1;
    final ArrayDeque<Bytes> idsToFetch = new ArrayDeque<>();
    final Set<Bytes> queued = new HashSet<>();
    long lastRemaining;
    final LinkedHashSet<Bytes> inFlight = new LinkedHashSet<>();
    /** Requested blocks we stopped waiting for; they may still arrive and are then dropped. */
    final LinkedHashSet<Bytes> abandoned = new LinkedHashSet<>();

    void abandonInFlight() {
      abandoned.addAll(inFlight);
      inFlight.clear();
      while (abandoned.size() > 4 * MAX_IDS_PER_REPLY) {
        Iterator<Bytes> it = abandoned.iterator();
        it.next();
        it.remove();
      }
    }
    long lastBlockAt;
    int confirmsWithoutProgress;
    final LinkedHashMap<Bytes, Long> wanted = new LinkedHashMap<>();
    final Map<Bytes, Long> normalRequested = new HashMap<>();
    final Map<Bytes, Long> normalRequestedTypes = new HashMap<>();
    /** Transactions from this peer handed to the node whose verdict has not come back yet. */
    int validating;
  }

  private record Cached(RawMessage raw, long at) {}

  private final P2pNode node;
  private final ChainAccess chain;
  private final EventExecutor executor = new DefaultEventExecutor();
  private final Map<PeerSession, PeerSync> peers = new LinkedHashMap<>();
  private final Map<Bytes, Cached> cache = new ConcurrentHashMap<>();
  private final ArrayDeque<Bytes> cacheOrder = new ArrayDeque<>();
  private final Set<Bytes> seen = new LinkedHashSet<>();
  private PeerSession fetchOwner;
  private volatile long blocksReceived;
  private final java.util.concurrent.atomic.AtomicLong trxAccepted = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong trxKnown = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong trxInvalid = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong trxNotProcessed = new java.util.concurrent.atomic.AtomicLong();

  SyncManager(P2pNode node, ChainAccess chain) {
    this.node = node;
    this.chain = chain;
  }

  void start() {
    executor.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  void stop() {
    executor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
  }

  void submit(Runnable r) {
    if (executor.isShuttingDown()) {
      return;
    }
    try {
      executor.execute(
          () -> {
            try {
              r.run();
            } catch (RuntimeException e) {
              LOG.warn("sync task failed", e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException stopped) {
      // shutting down
    }
  }

  public long blocksReceived() {
    return blocksReceived;
  }

  /** Transactions from peers by the node's verdict (accepted ones were relayed, no others). */
  public record TrxCounts(long accepted, long alreadyKnown, long invalid, long notProcessed) {}

  public TrxCounts trxCounts() {
    return new TrxCounts(trxAccepted.get(), trxKnown.get(), trxInvalid.get(), trxNotProcessed.get());
  }

  /** Number of messages we currently keep for peers to fetch (bounded by {@link #MESSAGE_CACHE_SIZE}). */
  public int cachedMessages() {
    return cache.size();
  }

  Optional<RawMessage> cachedMessage(Bytes messageId) {
    Cached c = cache.get(messageId);
    return c == null ? Optional.empty() : Optional.of(c.raw());
  }

  /** The peer's sync state, or null when it is not active or already closing. */
  private PeerSync ps(PeerSession s) {
    return s.closeReason().isPresent() ? null : peers.get(s);
  }

  private void misbehaved(PeerSession s, DisconnectReason reason, String detail) {
    s.disconnect(reason, detail);
  }

  // ---- peer life-cycle ----

  void peerActive(PeerSession s) {
    PeerSync p = new PeerSync();
    peers.put(s, p);
    requestIds(s, p, chain.synopsis());
  }

  void peerClosed(PeerSession s) {
    submit(
        () -> {
          PeerSync p = peers.remove(s);
          if (p != null && fetchOwner == s) {
            fetchOwner = null;
            fetchMoreAll();
          }
        });
  }

  private void requestIds(PeerSession s, PeerSync p, List<Bytes> synopsis) {
    p.sentSynopsis = List.copyOf(synopsis);
    p.idsRequestedAt = System.nanoTime();
    s.send(new Message.FetchBlockchainItemIds(MessageType.BLOCK, synopsis));
  }

  // ---- we sync from them ----

  void onBlockchainItemIds(PeerSession s, Message.BlockchainItemIdsInventory inv) {
    PeerSync p = ps(s);
    if (p == null || p.idsRequestedAt < 0) {
      return; // unsolicited replies are ignored
    }
    p.idsRequestedAt = -1;
    List<Bytes> ids = inv.itemHashes();
    for (int i = 1; i < ids.size(); i++) {
      if (BlockIds.num(ids.get(i)) != BlockIds.num(ids.get(i - 1)) + 1) {
        misbehaved(s, DisconnectReason.INVALID_SYNC_RESPONSE, "ids are not consecutive at index " + i);
        return;
      }
    }
    if (!ids.isEmpty()) {
      if (p.sentSynopsis.isEmpty() && BlockIds.num(ids.get(0)) != 1) {
        misbehaved(s, DisconnectReason.INVALID_SYNC_RESPONSE, "reply to an empty synopsis must start at block 1");
        return;
      }
      if (!p.sentSynopsis.isEmpty() && !p.sentSynopsis.contains(ids.get(0))) {
        misbehaved(s, DisconnectReason.INVALID_SYNC_RESPONSE, "reply does not start with a synopsis id");
        return;
      }
    }
    long remaining = inv.totalRemainingItemCount();
    // core's plausibility check: the peer cannot have more blocks than fit between our head's
    // time and an hour from now at the minimum block interval (1 s)
    long headTime = chain.head().timeSeconds();
    long nowSeconds = node.nowMicros() / 1_000_000L;
    if (headTime + remaining > nowSeconds + FUTURE_SYNC_GRACE_SECONDS) {
      misbehaved(s, DisconnectReason.INVALID_SYNC_RESPONSE, "implausible remaining item count " + remaining);
      return;
    }
    boolean upToDate =
        remaining == 0
            && (ids.isEmpty() || (ids.size() == 1 && chain.hasBlock(ids.get(0))))
            && p.idsToFetch.isEmpty()
            && p.inFlight.isEmpty();
    if (upToDate) {
      markInSync(s, p);
      return;
    }
    int added = 0;
    for (Bytes id : ids) {
      if (p.idsToFetch.size() >= MAX_QUEUED_IDS) {
        break;
      }
      if (chain.hasBlock(id) || p.queued.contains(id) || p.inFlight.contains(id)) {
        continue;
      }
      p.idsToFetch.add(id);
      p.queued.add(id);
      added++;
    }
    p.lastRemaining = remaining;
    if (added > 0) {
      p.confirmsWithoutProgress = 0;
    } else if (++p.confirmsWithoutProgress > MAX_CONFIRMS_WITHOUT_PROGRESS) {
      markInSync(s, p);
      return;
    }
    if (remaining > 0 && p.idsToFetch.size() < MIN_BLOCK_IDS_TO_PREFETCH && !ids.isEmpty()) {
      requestIds(s, p, List.of(ids.get(ids.size() - 1)));
    }
    fetchMoreAll();
    if (p.idsToFetch.isEmpty() && p.inFlight.isEmpty() && p.idsRequestedAt < 0) {
      requestIds(s, p, chain.synopsis());
    }
  }

  private void markInSync(PeerSession s, PeerSync p) {
    if (p.weNeedSync) {
      p.weNeedSync = false;
      node.listener().onInSync(s);
    }
  }

  /**
   * Keeps one peer fetching: at most {@code maxBlocksPerFetch} blocks in flight, topped up in
   * halves (a new fetch_items of up to half the limit goes out when half the blocks arrived), so
   * the peer serves the next request while we process the previous one.
   */
  private void fetchMoreAll() {
    if (fetchOwner != null) {
      PeerSync o = peers.get(fetchOwner);
      if (o != null && !o.inFlight.isEmpty()) {
        topUp(fetchOwner, o);
        return;
      }
      fetchOwner = null;
    }
    for (Map.Entry<PeerSession, PeerSync> e : peers.entrySet()) {
      PeerSync p = e.getValue();
      if (!p.inFlight.isEmpty() || p.idsToFetch.isEmpty()) {
        continue;
      }
      if (topUp(e.getKey(), p)) {
        fetchOwner = e.getKey();
        return;
      }
    }
  }

  private boolean topUp(PeerSession s, PeerSync p) {
    int max = node.config().maxBlocksPerFetch();
    if (p.inFlight.size() > max / 2 || p.idsToFetch.isEmpty()) {
      return false;
    }
    int room = max - p.inFlight.size();
    List<Bytes> batch = new ArrayList<>();
    while (!p.idsToFetch.isEmpty() && batch.size() < room) {
      Bytes id = p.idsToFetch.poll();
      p.queued.remove(id);
      if (!chain.hasBlock(id)) {
        batch.add(id);
      }
    }
    if (batch.isEmpty()) {
      if (p.idsToFetch.isEmpty() && p.inFlight.isEmpty() && p.idsRequestedAt < 0) {
        // every block this peer offered arrived from other peers meanwhile: ask it again. Without
        // this the peer keeps the answer it gave to our last synopsis, in which we lacked blocks,
        // so it goes on believing we need sync items and advertises nothing (no transactions) to us
        requestIds(s, p, chain.synopsis());
      }
      return false;
    }
    if (p.inFlight.isEmpty()) {
      p.lastBlockAt = System.nanoTime();
    }
    p.inFlight.addAll(batch);
    s.send(new Message.FetchItems(MessageType.BLOCK, batch));
    return true;
  }

  void onBlock(PeerSession s, Message.Block b, RawMessage raw) {
    if (s.closeReason().isPresent()) {
      return;
    }
    PeerSync p = ps(s);
    if (p == null) {
      misbehaved(s, DisconnectReason.UNREQUESTED_ITEM, "block before the connection was active");
      return;
    }
    Bytes id = b.blockId();
    boolean sync = p.inFlight.remove(id);
    if (!sync && p.abandoned.remove(id)) {
      return; // requested, then given up on (resync or not available): not a misbehaviour
    }
    Bytes msgId = null;
    if (!sync) {
      msgId = raw.messageId();
      if (p.normalRequested.remove(msgId) == null) {
        // Core answers a normal-mode fetch by re-serialising the block from its database; should
        // those bytes differ from the advertised message, the one outstanding block request
        // (we keep at most one per peer) is still this reply (spec/p2p.md §4.5).
        Bytes only = p.normalRequested.size() == 1 ? p.normalRequested.keySet().iterator().next() : null;
        if (only == null || !Long.valueOf(MessageType.BLOCK).equals(p.normalRequestedTypes.get(only))) {
          misbehaved(s, DisconnectReason.UNREQUESTED_ITEM, "You sent me a block that I didn't ask for: " + id.toHex());
          return;
        }
        p.normalRequested.remove(only);
        p.normalRequestedTypes.remove(only);
      } else {
        p.normalRequestedTypes.remove(msgId);
      }
    }
    io.graphyne.protocol.SignedBlock block;
    Bytes computed;
    try {
      block = b.block();
      computed = block.id();
    } catch (DecodeException e) {
      misbehaved(s, DisconnectReason.INVALID_BLOCK, "undecodable block: " + e.getMessage());
      return;
    }
    if (!computed.equals(id)) {
      misbehaved(s, DisconnectReason.INVALID_BLOCK, "block_id " + id.toHex() + " but the header hashes to " + computed.toHex());
      return;
    }
    p.lastBlockAt = System.nanoTime();
    blocksReceived++;
    BlockVerdict v = chain.blockArrived(block, b.raw(), id, s.ref());
    switch (v) {
      case INVALID -> {
        // the node is told through peerMisbehaved when the session closes (with the ban)
        misbehaved(s, DisconnectReason.INVALID_BLOCK, "block " + block.blockNum() + " rejected by the node");
        return;
      }
      case UNLINKABLE -> {
        p.idsToFetch.clear();
        p.queued.clear();
        p.abandonInFlight();
        p.weNeedSync = true;
        if (p.idsRequestedAt < 0) {
          requestIds(s, p, chain.synopsis());
        }
      }
      case NOT_NEEDED -> {
        p.idsToFetch.clear();
        p.queued.clear();
        p.weNeedSync = false;
      }
      case ACCEPTED -> {
        if (!sync) {
          relay(raw, msgId, s);
        }
      }
      case ALREADY_KNOWN -> {}
    }
    if (!sync) {
      requestWanted(s, p);
    }
    if (sync) {
      if (fetchOwner == s && p.inFlight.isEmpty()) {
        fetchOwner = null;
      }
      fetchMoreAll();
      if (p.inFlight.isEmpty() && p.idsToFetch.isEmpty() && p.idsRequestedAt < 0 && p.weNeedSync) {
        // ids exhausted: ask again; the reply either continues or confirms we are in sync (§4.4)
        requestIds(s, p, chain.synopsis());
      }
    }
  }

  void onItemNotAvailable(PeerSession s, Message.ItemNotAvailable na) {
    PeerSync p = ps(s);
    if (p == null) {
      return;
    }
    if (p.inFlight.remove(na.itemHash())) {
      if (!p.peerNeedsSync) {
        misbehaved(s, DisconnectReason.MISSING_SYNC_ITEM, "You are missing a sync item you claim to have");
        return;
      }
      p.idsToFetch.clear();
      p.queued.clear();
      p.abandonInFlight();
      if (fetchOwner == s) {
        fetchOwner = null;
      }
      fetchMoreAll();
      return;
    }
    p.normalRequested.remove(na.itemHash());
    p.normalRequestedTypes.remove(na.itemHash());
    requestWanted(s, p);
  }

  // ---- normal operation ----

  void onItemIdsInventory(PeerSession s, Message.ItemIdsInventory inv) {
    PeerSync p = ps(s);
    if (p == null) {
      return;
    }
    if (inv.itemType() != MessageType.BLOCK && inv.itemType() != MessageType.TRX) {
      return;
    }
    for (Bytes h : inv.itemHashes()) {
      if (p.wanted.size() >= MAX_WANTED) {
        break;
      }
      if (cache.containsKey(h) || seen.contains(h) || p.normalRequested.containsKey(h)) {
        continue;
      }
      p.wanted.put(h, inv.itemType());
    }
    requestWanted(s, p);
  }

  private void requestWanted(PeerSession s, PeerSync p) {
    if (!p.normalRequested.isEmpty()) {
      return; // one item at a time per peer, as core does in normal operation
    }
    if (p.validating >= MAX_VALIDATING_PER_PEER) {
      return; // resumed when a verdict comes back
    }
    Iterator<Map.Entry<Bytes, Long>> it = p.wanted.entrySet().iterator();
    if (!it.hasNext()) {
      return;
    }
    Map.Entry<Bytes, Long> e = it.next();
    it.remove();
    p.normalRequested.put(e.getKey(), System.nanoTime());
    p.normalRequestedTypes.put(e.getKey(), e.getValue());
    remember(e.getKey());
    s.send(new Message.FetchItems(e.getValue(), List.of(e.getKey())));
  }

  private void remember(Bytes messageId) {
    seen.add(messageId);
    if (seen.size() > MESSAGE_CACHE_SIZE * 4) {
      Iterator<Bytes> it = seen.iterator();
      it.next();
      it.remove();
    }
  }

  /**
   * A transaction we requested. As bitshares-core's {@code process_ordinary_message}: it is handed
   * to the node and relayed to the other peers only once the node accepted it (core broadcasts
   * after {@code handle_transaction} returned without throwing). A rejected one is remembered (we do
   * not fetch it again while it is in {@link #seen}) and dropped; an invalid one is counted against
   * the peer, which stays connected (core only logs it).
   */
  void onTrx(PeerSession s, Message.Trx t, RawMessage raw) {
    if (s.closeReason().isPresent()) {
      return;
    }
    PeerSync p = ps(s);
    Bytes msgId = raw.messageId();
    if (p != null) {
      p.normalRequestedTypes.remove(msgId);
    }
    if (p == null || p.normalRequested.remove(msgId) == null) {
      misbehaved(s, DisconnectReason.UNREQUESTED_ITEM, "transaction that was not requested");
      return;
    }
    p.validating++;
    java.util.concurrent.CompletionStage<ChainAccess.TxVerdict> verdict;
    try {
      verdict = chain.transactionArrived(t.transaction(), s.ref());
    } catch (RuntimeException e) {
      LOG.warn("the node failed on a transaction", e);
      verdict = java.util.concurrent.CompletableFuture.completedFuture(ChainAccess.TxVerdict.NOT_PROCESSED);
    }
    verdict.whenComplete((v, e) -> submit(() -> onTrxVerdict(s, raw, msgId, e == null && v != null ? v : ChainAccess.TxVerdict.NOT_PROCESSED)));
    requestWanted(s, p);
  }

  private void onTrxVerdict(PeerSession s, RawMessage raw, Bytes msgId, ChainAccess.TxVerdict v) {
    switch (v) {
      case ACCEPTED -> {
        trxAccepted.incrementAndGet();
        s.countTransaction(true);
        relay(raw, msgId, s);
      }
      case ALREADY_KNOWN -> trxKnown.incrementAndGet();
      case INVALID -> {
        trxInvalid.incrementAndGet();
        s.countTransaction(false);
        LOG.atDebug().setMessage("invalid transaction {} from {}").addArgument(msgId).addArgument(s).log();
      }
      case NOT_PROCESSED -> trxNotProcessed.incrementAndGet();
    }
    PeerSync p = ps(s);
    if (p != null) {
      p.validating--;
      requestWanted(s, p);
    }
  }

  /** Caches a message and advertises it to every in-sync peer except its source. */
  private void relay(RawMessage raw, Bytes msgId, PeerSession source) {
    long now = System.nanoTime();
    if (cache.putIfAbsent(msgId, new Cached(raw, now)) == null) {
      cacheOrder.add(msgId);
      while (cacheOrder.size() > MESSAGE_CACHE_SIZE) {
        cache.remove(cacheOrder.poll());
      }
    }
    remember(msgId);
    for (Map.Entry<PeerSession, PeerSync> e : peers.entrySet()) {
      if (e.getKey() != source && !e.getValue().peerNeedsSync) {
        e.getKey().send(new Message.ItemIdsInventory(raw.type(), List.of(msgId)));
      }
    }
  }

  /** A block produced or accepted locally: advertise it to peers (normal operation). */
  public void broadcast(Message m) {
    RawMessage raw = io.graphyne.p2p.message.Messages.toRaw(m);
    submit(() -> relay(raw, raw.messageId(), null));
  }

  // ---- they sync from us ----

  void onFetchBlockchainItemIds(PeerSession s, Message.FetchBlockchainItemIds f) {
    ChainAccess.IdsAfter reply = chain.blockIdsAfter(f.blockchainSynopsis(), MAX_IDS_PER_REPLY);
    List<Bytes> ids = reply.ids();
    PeerSync p = ps(s);
    if (p != null) {
      p.peerNeedsSync = !(ids.isEmpty() || (ids.size() == 1 && f.blockchainSynopsis().contains(ids.get(0))));
    }
    s.send(new Message.BlockchainItemIdsInventory(reply.remaining(), f.itemType(), ids));
  }

  // ---- timeouts ----

  private void tick() {
    long now = System.nanoTime();
    long timeout = node.config().requestTimeout().toNanos();
    for (Map.Entry<PeerSession, PeerSync> e : new ArrayList<>(peers.entrySet())) {
      PeerSync p = e.getValue();
      PeerSession s = e.getKey();
      if (p.idsRequestedAt >= 0 && now - p.idsRequestedAt > timeout) {
        misbehaved(s, DisconnectReason.REQUEST_TIMEOUT, "fetch_blockchain_item_ids unanswered");
      } else if (!p.inFlight.isEmpty() && now - p.lastBlockAt > timeout) {
        misbehaved(s, DisconnectReason.REQUEST_TIMEOUT, "no sync block for " + node.config().requestTimeout());
      } else {
        for (long at : p.normalRequested.values()) {
          if (now - at > timeout) {
            misbehaved(s, DisconnectReason.REQUEST_TIMEOUT, "fetch_items unanswered");
            break;
          }
        }
      }
    }
    Iterator<Bytes> it = cacheOrder.iterator();
    while (it.hasNext()) {
      Bytes id = it.next();
      Cached c = cache.get(id);
      if (c == null || now - c.at() > MESSAGE_CACHE_NANOS) {
        cache.remove(id);
        it.remove();
      } else {
        break;
      }
    }
  }
}
