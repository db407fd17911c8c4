package io.graphyne.node.run;

import io.graphyne.crypto.PrivateKey;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.chain.BlockProducer;
import io.graphyne.node.chain.BlockResult;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.chain.TxResult;
import io.graphyne.node.service.Service;
import io.graphyne.p2p.message.Message;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.chainstore.WitnessRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives issue 7's {@link BlockProducer} for the witnesses whose keys this node holds: every few
 * hundred milliseconds it looks at the current slot, and when the slot's scheduled witness is one
 * of ours and the slot has begun, it produces the block from the mempool, pushes it to its own
 * controller (the same rules the validators check) and announces it to its peers.
 */
public final class ProducerService implements Service {
  private static final Logger LOG = LoggerFactory.getLogger(ProducerService.class);
  /** A slot that began longer ago than this is not produced late (the next one is). */
  static final long LATE_MILLIS = 800;

  private final CoreChainModule core;
  private final Map<PublicKey, PrivateKey> keys = new HashMap<>();
  private final Clock clock;
  private final Consumer<Message> broadcast;
  private final Secp256k1 secp = Secp256k1Provider.system();
  private final AtomicLong produced = new AtomicLong();
  private ScheduledExecutorService timer;
  private volatile boolean paused;
  private long lastSlotTime;

  public ProducerService(CoreChainModule core, List<PrivateKey> signingKeys, Clock clock, Consumer<Message> broadcast) {
    this.core = core;
    for (PrivateKey k : signingKeys) {
      keys.put(k.publicKey(), k);
    }
    this.clock = clock;
    this.broadcast = broadcast;
  }

  @Override
  public String name() {
    return "producer";
  }

  @Override
  public synchronized void start() {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "graphyne-producer");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::maybeProduce, 100, 100, TimeUnit.MILLISECONDS);
  }

  /** Stops producing (the node keeps validating). */
  public void pause() {
    paused = true;
  }

  public void resume() {
    paused = false;
  }

  public long produced() {
    return produced.get();
  }

  private void maybeProduce() {
    if (paused) {
      return;
    }
    try {
      Optional<BlockResult> r = core.onState(this::produceOnStateThread, 10);
      r.ifPresent(res -> {
        produced.incrementAndGet();
        LOG.atDebug().setMessage("produced {}").addArgument(res).log();
      });
    } catch (Exception e) {
      LOG.warn("block production failed: {}", e.toString());
    }
  }

  private Optional<BlockResult> produceOnStateThread() throws Exception {
    ChainController c = core.controller();
    long nowMillis = clock.millis();
    long slot = c.slotAtTime(nowMillis / 1000);
    if (slot == 0) {
      return Optional.empty();
    }
    long slotTime = c.slotTime(slot);
    if (slotTime <= lastSlotTime || nowMillis - slotTime * 1000 > LATE_MILLIS && c.slotAtTime(nowMillis / 1000 + 1) > slot) {
      return Optional.empty();
    }
    ObjectId witness = c.scheduledWitness(slot);
    Optional<WitnessRecord> w = c.witness(witness);
    if (w.isEmpty() || !keys.containsKey(w.get().signingKey())) {
      return Optional.empty();
    }
    BlockProducer.Produced p = BlockProducer.produce(c, witness, keys.get(w.get().signingKey()), slotTime, c.mempool(), secp);
    if (!p.dropped().isEmpty()) {
      List<Bytes> ids = new ArrayList<>();
      for (TxResult d : p.dropped()) {
        ids.add(d.txId());
      }
      c.removeFromMempool(ids);
    }
    lastSlotTime = slotTime;
    BlockResult r = core.pushProduced(p.block());
    if (!r.applied()) {
      LOG.warn("own block rejected: {}", r);
      return Optional.empty();
    }
    broadcast.accept(Message.Block.of(p.block().block()));
    return Optional.of(r);
  }

  @Override
  public synchronized void stop() throws InterruptedException {
    if (timer != null) {
      timer.shutdownNow();
      timer.awaitTermination(2, TimeUnit.SECONDS);
    }
  }
}
