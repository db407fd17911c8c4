package io.graphyne.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.codec.Codecs;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The real chain bitshares-core 7.0.2 produced under load (shared/vectors/load-chain): 40 blocks
 * of up to ~16,000 transactions decode, re-encode byte for byte, link, and match their merkle roots.
 */
class LoadChainBlocksTest {
  @Test
  void largeRealBlocksRoundTrip() throws Exception {
    long txs = 0;
    int blocks = 0;
    Bytes previous = Bytes.zeros(20);
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(Vectors.path("load-chain/blocks.hex.gz"))),
                StandardCharsets.US_ASCII))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        byte[] raw = Hex.decode(line);
        SignedBlock b = Codecs.decode(SignedBlock.class, raw);
        assertThat(b.toBytes()).isEqualTo(raw);
        assertThat(b.header().previous()).isEqualTo(previous);
        assertThat(b.computeMerkleRoot()).isEqualTo(b.header().transactionMerkleRoot());
        if (blocks == 0) {
          assertThat(b.id().toHex())
              .isEqualTo(Vectors.json("load-chain/chain.json").get("first_block_id").asText());
        }
        previous = b.id();
        txs += b.transactions().size();
        blocks++;
      }
    }
    assertThat(blocks).isEqualTo(40);
    assertThat(txs).isEqualTo(Vectors.json("load-chain/chain.json").get("transactions_here").asLong());
  }
}
