package io.graphyne.node.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.chainstore.ChainStore;
import io.graphyne.config.node.HostPort;
import io.graphyne.config.node.Network;
import io.graphyne.config.node.NodeConfig;
import io.graphyne.crypto.PrivateKey;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.chain.BlockProducer;
import io.graphyne.node.chain.BlockResult;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.chain.PreparedBlock;
import io.graphyne.node.chain.PreparedTransaction;
import io.graphyne.node.chain.Reason;
import io.graphyne.node.devnet.DevnetGenesis;
import io.graphyne.node.devnet.DevnetKeys;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.Asset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fork switch in a running node (RocksDB store, pipeline with signature recovery, state thread):
 * the transactions of the abandoned branch that the new branch lacks are back in the mempool and go
 * into the next block the node produces; the one the new branch holds and the expired one do not.
 */
class ForkRequeueIT {
  private static final Secp256k1 SECP = Secp256k1Provider.system();
  private static final ChainAccess.PeerRef PEER = new ChainAccess.PeerRef("test", Bytes.zeros(33));

  @TempDir Path dir;

  private DevnetGenesis.Generated genesis;

  /** An independent controller over the same genesis, producing blocks as a peer's node would. */
  private ChainController peerChain(Path genesisFile, NodeConfig cfg) throws Exception {
    Genesis g = Genesis.load(genesisFile);
    ChainStore store = ChainStore.inMemory(g.chainId());
    g.initialize(store);
    return ChainController.open(store, ChainController.Options.defaults(NodeAssembly.chainOf(cfg).hardforks()));
  }

  private static PrivateKey witnessKey(ChainController c, ObjectId witness) {
    ObjectId account = c.witness(witness).orElseThrow().witnessAccount();
    return DevnetKeys.witness(c.store().state().account(account).orElseThrow().name());
  }

  private static PreparedBlock produce(ChainController c, long slot, List<PreparedTransaction> txs) {
    ObjectId w = c.scheduledWitness(slot);
    BlockProducer.Produced p = BlockProducer.produce(c, w, witnessKey(c, w), c.slotTime(slot), txs, SECP);
    assertThat(p.dropped()).isEmpty();
    assertThat(c.pushBlock(p.block()).reason()).isEqualTo(Reason.ACCEPTED);
    return p.block();
  }

  private PreparedTransaction transfer(Bytes refBlock, long amount, long expiration) {
    ObjectId from = ObjectId.account(genesis.accountInstance(DevnetGenesis.REGISTRAR));
    ObjectId to = ObjectId.account(genesis.accountInstance(genesis.witnesses().get(0)));
    ObjectId core = ObjectId.asset(0);
    Transaction tx = new Transaction(Transaction.refBlockNum(refBlock), Transaction.refBlockPrefix(refBlock),
        Instant.ofEpochSecond(expiration),
        List.of(new TransferOperation(new Asset(2_000_000, core), from, to, new Asset(amount, core), null, List.of())), List.of());
    PrivateKey k = DevnetKeys.active(DevnetGenesis.REGISTRAR);
    SignedTransaction st = new SignedTransaction(tx, List.of(Bytes.wrap(k.sign(tx.sigDigest(genesis.chainId()).toArray()))));
    return PreparedTransaction.prepare(st, genesis.chainId(), SECP);
  }

  private static void send(NodeAssembly.Assembled node, PreparedBlock b) {
    ChainAccess.BlockVerdict v = node.core().block(b.block(), Bytes.wrap(b.raw()), b.id(), PEER);
    assertThat(v).isIn(ChainAccess.BlockVerdict.ACCEPTED);
  }

  private static void awaitHead(NodeAssembly.Assembled node, Bytes id) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!node.core().onState(() -> node.core().controller().head().blockId(), 10).equals(id)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("head did not become " + id.toHex());
      }
      Thread.sleep(20);
    }
  }

  @Test
  void abandonedBranchTransactionsReachTheNextProducedBlock() throws Exception {
    // slots in the past, so no block is in the future (B0)
    genesis = DevnetGenesis.generate(Instant.now().minusSeconds(300), 3, 1);
    Path g = dir.resolve("genesis.json");
    DevnetGenesis.write(genesis, g);
    NodeConfig cfg = new NodeConfig(Network.DEVNET, dir.resolve("node"), new HostPort("127.0.0.1", 0), List.of(),
        Optional.empty(), List.of(), 10, Duration.ofSeconds(5), g, List.of(), Map.of());
    NodeAssembly.Assembled node = NodeAssembly.assemble(cfg, null);
    node.node().start();
    ChainController x = peerChain(g, cfg);
    ChainController y = peerChain(g, cfg);
    try {
      PreparedBlock common = produce(x, 1, List.of());
      assertThat(y.pushBlock(PreparedBlock.decode(common.raw(), genesis.chainId(), SECP)).reason()).isEqualTo(Reason.ACCEPTED);
      send(node, common);
      awaitHead(node, common.id());

      long x2Time = x.slotTime(1);
      long exp = x2Time + 600;
      PreparedTransaction lacking = transfer(common.id(), 1, exp);
      PreparedTransaction inBoth = transfer(common.id(), 2, exp);
      PreparedTransaction shortLived = transfer(common.id(), 3, x2Time); // expired once the head is past x2Time
      PreparedTransaction pending = transfer(common.id(), 4, exp);
      PreparedBlock x2 = produce(x, 1, List.of(lacking, inBoth, shortLived));
      send(node, x2);
      awaitHead(node, x2.id());
      assertThat(node.core().pushTransaction(pending.signed()).reason()).isEqualTo(Reason.ACCEPTED);

      PreparedBlock y2 = produce(y, 2, List.of(inBoth));
      PreparedBlock y3 = produce(y, 1, List.of());
      send(node, y2);
      send(node, y3);
      awaitHead(node, y3.id());

      CoreChainModule core = node.core();
      List<Bytes> mempool = core.onState(() -> core.controller().mempool().stream().map(PreparedTransaction::id).toList(), 10);
      assertThat(mempool).containsExactly(lacking.id(), pending.id());

      // the node produces the next block from its mempool
      BlockProducer.Produced next = core.onState(() -> {
        ChainController c = core.controller();
        ObjectId w = c.scheduledWitness(1);
        BlockProducer.Produced p = BlockProducer.produce(c, w, witnessKey(c, w), c.slotTime(1), c.mempool(), SECP);
        BlockResult r = core.pushProduced(p.block());
        assertThat(r.reason()).isEqualTo(Reason.ACCEPTED);
        return p;
      }, 10);
      assertThat(next.included()).extracting(PreparedTransaction::id).containsExactly(lacking.id(), pending.id());
      assertThat(core.onState(() -> core.controller().mempoolSize(), 10)).isZero();
      for (PreparedTransaction t : List.of(lacking, inBoth, pending)) {
        assertThat(core.onState(() -> core.controller().store().state().transactionLocation(t.id()).isPresent(), 10))
            .as("%s in the chain", t.id()).isTrue();
      }
      assertThat(core.onState(() -> core.controller().store().state().transactionLocation(shortLived.id()).isPresent(), 10))
          .isFalse();
    } finally {
      node.node().stop(Duration.ofSeconds(9));
      x.store().close();
      y.store().close();
    }
  }
}
