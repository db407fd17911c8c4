package io.graphyne.node.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.chain.BlockResult;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.chain.PreparedBlock;
import io.graphyne.node.generate.ChainGenerator;
import io.graphyne.node.genesis.Genesis;
import io.graphyne.p2p.chain.ChainAccess;
import io.graphyne.protocol.BlockHeader;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.codec.Codecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The P2P view of a real chain store holding a generated, validated chain. */
class StoreChainAccessTest {
  static final Secp256k1 SECP = Secp256k1Provider.system();

  /** A sink that only records: these tests read, they do not push. */
  static final class Recording implements ChainSink {
    final List<Bytes> blocks = new ArrayList<>();
    Optional<ChainAccess.Head> tip = Optional.empty();

    @Override
    public ChainAccess.BlockVerdict block(SignedBlock block, Bytes raw, Bytes blockId, ChainAccess.PeerRef from) {
      blocks.add(blockId);
      return ChainAccess.BlockVerdict.ACCEPTED;
    }

    @Override
    public java.util.concurrent.CompletionStage<ChainAccess.TxVerdict> transaction(SignedTransaction transaction,
        ChainAccess.PeerRef from) {
      return java.util.concurrent.CompletableFuture.completedFuture(ChainAccess.TxVerdict.NOT_PROCESSED);
    }

    @Override
    public Optional<ChainAccess.Head> queuedTip() {
      return tip;
    }
  }

  @Test
  void synopsisIdsAfterAndBlocksComeFromTheStoredMainChain() {
    ChainGenerator gen = new ChainGenerator(ChainGenerator.Config.of(40, 3), SECP);
    List<byte[]> raw = new ArrayList<>();
    gen.generate(raw::add, null);
    Genesis g = Genesis.parse(gen.genesisJson());
    try (ChainStore store = ChainStore.inMemory(g.chainId())) {
      g.initialize(store);
      ChainController c = ChainController.open(store, ChainController.Options.defaults(HardforkSchedule.allActive()));
      List<Bytes> ids = new ArrayList<>();
      for (byte[] b : raw) {
        BlockResult r = c.pushBlock(PreparedBlock.decode(b, g.chainId(), SECP));
        if (r.applied()) {
          ids.add(r.blockId());
        }
      }
      long head = ids.size();
      assertThat(head).isEqualTo(raw.size()).isGreaterThan(40);
      Recording sink = new Recording();
      StoreChainAccess a = new StoreChainAccess(store, sink);

      ChainAccess.Head h = a.head();
      assertThat(h.num()).isEqualTo(head);
      assertThat(h.id()).isEqualTo(ids.get(ids.size() - 1));
      SignedBlock last = Codecs.decode(SignedBlock.class, raw.get(raw.size() - 1));
      assertThat(h.timeSeconds()).isEqualTo(last.header().timestamp().getEpochSecond());

      // synopsis: from the last irreversible block to the head, ascending, halving the gap
      List<Bytes> syn = a.synopsis();
      long lib = store.head().lastIrreversibleBlockNum();
      assertThat(syn.get(0)).isEqualTo(ids.get((int) Math.max(1, lib) - 1));
      assertThat(syn.get(syn.size() - 1)).isEqualTo(ids.get(ids.size() - 1));
      for (int i = 1; i < syn.size(); i++) {
        assertThat(BlockHeader.numFromId(syn.get(i))).isGreaterThan(BlockHeader.numFromId(syn.get(i - 1)));
      }
      // a queued tip beyond the head ends the synopsis
      Bytes tipId = Bytes.fromHex(String.format("%08x", head + 2) + "00".repeat(16));
      sink.tip = Optional.of(new ChainAccess.Head(head + 2, tipId, 0));
      assertThat(a.synopsis()).last().isEqualTo(tipId);
      sink.tip = Optional.empty();

      // ids after a synopsis
      ChainAccess.IdsAfter all = a.blockIdsAfter(List.of(), 2000);
      assertThat(all.ids()).containsExactlyElementsOf(ids);
      assertThat(all.remaining()).isZero();
      ChainAccess.IdsAfter some = a.blockIdsAfter(List.of(Bytes.zeros(20), ids.get(9)), 5);
      assertThat(some.ids()).containsExactlyElementsOf(ids.subList(9, 14));
      assertThat(some.remaining()).isEqualTo(head - 14);
      assertThat(a.blockIdsAfter(List.of(Bytes.fromHex("00000005" + "11".repeat(16))), 10).ids()).isEmpty();

      // blocks by id are the stored bytes
      assertThat(a.hasBlock(ids.get(20))).isTrue();
      assertThat(a.hasBlock(tipId)).isFalse();
      assertThat(a.blockById(ids.get(20))).contains(Bytes.wrap(raw.get(20)));

      // arrivals go to the sink
      assertThat(a.blockArrived(last, Bytes.wrap(raw.get(0)), ids.get(0), new ChainAccess.PeerRef("x", Bytes.zeros(33))))
          .isEqualTo(ChainAccess.BlockVerdict.ACCEPTED);
      assertThat(sink.blocks).containsExactly(ids.get(0));
    }
  }
}
