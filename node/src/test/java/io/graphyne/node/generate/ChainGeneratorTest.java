package io.graphyne.node.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.authority.HardforkSchedule;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.crypto.Secp256k1Provider;
import io.graphyne.node.chain.BlockResult;
import io.graphyne.node.chain.ChainController;
import io.graphyne.node.chain.PreparedBlock;
import io.graphyne.node.chain.Reason;
import io.graphyne.node.genesis.Genesis;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainGeneratorTest {
  static final Secp256k1 SECP = Secp256k1Provider.system();

  @Test
  void generatedChainReplaysToTheSameStateAndInvalidSiblingsAreRejected() {
    ChainGenerator.Config cfg = ChainGenerator.Config.of(30, 40).withAccounts(20, 5, 2).withInvalidBlocks(30);
    ChainGenerator gen = new ChainGenerator(cfg, SECP);
    List<byte[]> blocks = new ArrayList<>();
    ChainGenerator.Result res = gen.generate(blocks::add, null);
    assertThat(res.invalidBlocks()).isPositive();
    assertThat(res.blocks()).isEqualTo(blocks.size());
    Genesis g = Genesis.parse(gen.genesisJson());
    assertThat(g.protocolParameters()).isNotNull();
    Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
    try (ChainStore store = ChainStore.inMemory(g.chainId())) {
      g.initialize(store);
      ChainController c = ChainController.open(store, ChainController.Options.defaults(HardforkSchedule.allActive()));
      long txs = 0;
      for (byte[] raw : blocks) {
        PreparedBlock b = PreparedBlock.decode(raw, g.chainId(), SECP);
        BlockResult r = c.pushBlock(b);
        reasons.merge(r.reason(), 1, Integer::sum);
        if (r.applied()) {
          txs += r.transactions();
        }
      }
      assertThat(reasons.get(Reason.ACCEPTED)).isEqualTo((int) res.validBlocks());
      assertThat(reasons.values().stream().mapToInt(Integer::intValue).sum() - reasons.get(Reason.ACCEPTED))
          .isEqualTo((int) res.invalidBlocks());
      assertThat(reasons.keySet()).doesNotContain(Reason.B1_UNLINKABLE, Reason.B7_WRONG_WITNESS, Reason.B2_BEFORE_NEXT_SLOT);
      assertThat(txs).isEqualTo(res.transactions());
      assertThat(store.stateHash()).isEqualTo(res.stateHash());
      assertThat(c.head().blockNum()).isEqualTo(res.headBlockNum());
    }
  }
}
