package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.codec.FcReader;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The private chain made by bitshares-core 7.0.2 and cli_wallet (vectors/private-chain): every
 * transaction signature is re-made with the signer's key and must equal cli_wallet's byte for
 * byte; every block's witness signature recovers to its witness's genesis signing key.
 */
class PrivateChainSignaturesTest {
  private static final String DIR = "private-chain/";

  private static byte[] chainId() {
    return Hex.decode(Vectors.json(DIR + "chain.json").get("chain_id").asText());
  }

  private static Map<PublicKey, PrivateKey> keys() {
    Map<PublicKey, PrivateKey> out = new HashMap<>();
    Vectors.json(DIR + "keys.json")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode k = e.getValue();
              PrivateKey priv = PrivateKey.fromWif(k.get("wif").asText());
              assertThat(priv).isEqualTo(PrivateKey.fromSeed(k.get("seed").asText()));
              out.put(PublicKey.parse(k.get("pub").asText(), "BTS"), priv);
            });
    return out;
  }

  /** The signatures that follow the unsigned bytes: varint count, then 65 bytes each. */
  private static List<byte[]> signatures(byte[] signed, int unsignedLength) {
    FcReader r = new FcReader(Arrays.copyOfRange(signed, unsignedLength, signed.length));
    long n = r.varint();
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(r.bytes(65));
    }
    assertThat(r.remaining()).isZero();
    return out;
  }

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void cliWalletSignaturesAreReproducedByteForByte(Secp256k1 secp) {
    byte[] chainId = chainId();
    Map<PublicKey, PrivateKey> keys = keys();
    int checked = 0;
    for (JsonNode tx : Vectors.jsonLines(DIR + "transactions.jsonl")) {
      byte[] signed = Hex.decode(tx.get("hex").asText());
      byte[] unsigned = Hex.decode(tx.get("hex_without_sig").asText());
      assertThat(Arrays.copyOf(signed, unsigned.length)).isEqualTo(unsigned);
      byte[] digest = Hashes.sha256(chainId, unsigned);
      // Transaction id = first 20 bytes of sha256(unsigned bytes).
      assertThat(Hex.encode(Arrays.copyOf(Hashes.sha256(unsigned), 20)))
          .isEqualTo(tx.get("tx_id").asText());
      for (byte[] sig : signatures(signed, unsigned.length)) {
        Recovery rec = secp.recover(digest, sig);
        assertThat(rec.ok()).as("tx %s: %s", tx.get("tx_id"), rec).isTrue();
        PrivateKey priv = keys.get(rec.key());
        assertThat(priv).as("signer %s is in keys.json", rec.key().toString("BTS")).isNotNull();
        byte[] ours = secp.sign(digest, priv.toArray());
        assertThat(Hex.encode(ours)).as("tx %s", tx.get("tx_id").asText()).isEqualTo(Hex.encode(sig));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(217);
  }

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void everyWitnessSignatureRecoversToItsWitnessKey(Secp256k1 secp) {
    JsonNode candidates =
        Vectors.json(DIR + "genesis.json").get("initial_witness_candidates");
    List<String> blockIds = new ArrayList<>();
    for (JsonNode n : Vectors.jsonLines(DIR + "block_ids.jsonl")) {
      blockIds.add(n.get("block_id").asText());
    }
    int num = 0;
    for (String line : Vectors.lines(DIR + "blocks.hex")) {
      if (line.isBlank()) {
        continue;
      }
      num++;
      byte[] block = Hex.decode(line.strip());
      FcReader r = new FcReader(block);
      byte[] previous = r.bytes(20);
      r.u32(); // timestamp
      long witness = r.varint();
      r.bytes(20); // transaction_merkle_root
      long extensions = r.varint();
      assertThat(extensions).isZero();
      int headerLength = block.length - r.remaining();
      byte[] sig = r.bytes(65);
      byte[] digest = Hashes.sha256(block, 0, headerLength);

      Recovery rec = secp.recover(digest, sig);
      assertThat(rec.ok()).as("block %d: %s", num, rec).isTrue();
      // Witness 1.6.(i+1) is genesis candidate i (1.6.0 is not a real witness).
      String expected = candidates.get((int) witness - 1).get("block_signing_key").asText();
      assertThat(rec.key().toString("BTS")).as("block %d witness 1.6.%d", num, witness).isEqualTo(expected);

      // Block id from header + signature, number in the first four bytes.
      byte[] id = Arrays.copyOf(Hashes.sha224(block, 0, headerLength + 65), 20);
      id[0] = (byte) (num >>> 24);
      id[1] = (byte) (num >>> 16);
      id[2] = (byte) (num >>> 8);
      id[3] = (byte) num;
      assertThat(Hex.encode(id)).isEqualTo(blockIds.get(num - 1));
      if (num > 1) {
        assertThat(Hex.encode(previous)).isEqualTo(blockIds.get(num - 2));
      }
    }
    assertThat(num).isEqualTo(220);
  }
}
