package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.PublicKey;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every compact signature in vectors/signatures.json, on both backends. */
class SignatureVectorsTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode v : Vectors.json("signatures.json").get("vectors")) {
      for (Secp256k1 b : Backends.all()) {
        out.add(Arguments.of(v.get("id").asText(), b, v));
      }
    }
    return out.stream();
  }

  private static String prefixOf(String key) {
    int i = 0;
    while (i < key.length() && Character.isUpperCase(key.charAt(i))) {
      i++;
    }
    // The Base58 body of a key starts with a digit (the 0x02/0x03 byte), so the run of capitals
    // is exactly the prefix.
    return key.substring(0, i);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void recoversTheListedKey(String id, Secp256k1 secp, JsonNode v) {
    byte[] digest = Hex.decode(v.get("digest_sha256").asText());
    byte[] sig = Hex.decode(v.get("signature_compact_hex").asText());
    assertThat(sig[0] & 0xff).isEqualTo(v.get("recovery_header_byte").asInt());
    assertThat(Secp256k1.recoveryId(sig[0] & 0xff)).isEqualTo(v.get("recid").asInt());
    assertThat(Secp256k1.isCanonical(sig)).isEqualTo(v.get("fc_canonical").asBoolean());

    Recovery r = secp.recover(digest, sig);
    assertThat(r.ok()).as("recovery of %s: %s", id, r).isTrue();
    String recovered = v.get("recovered_public_key").asText();
    String prefix = prefixOf(recovered);
    assertThat(r.key().toString(prefix)).isEqualTo(recovered);
    assertThat(secp.verify(digest, sig, r.key().toArray())).isTrue();

    if (v.has("expected_public_key")) {
      PublicKey expected = PublicKey.parse(v.get("expected_public_key").asText());
      boolean valid = v.get("signature_valid_for_expected_key").asBoolean();
      assertThat(r.key().equals(expected)).as("valid for expected key").isEqualTo(valid);
      assertThat(secp.verify(digest, sig, expected.toArray())).isEqualTo(valid);
    }
  }

  @Test
  void holdsNineNegatives() {
    int negatives = 0;
    for (JsonNode v : Vectors.json("signatures.json").get("vectors")) {
      if (v.has("signature_valid_for_expected_key")
          && !v.get("signature_valid_for_expected_key").asBoolean()) {
        negatives++;
      }
    }
    assertThat(negatives).isEqualTo(9);
  }

  /** Mainnet block 1 (blocks.json): header digest from the listed header bytes, then signee. */
  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void mainnetBlockOneSignee(Secp256k1 secp) {
    JsonNode b = Vectors.json("blocks.json").get("vectors").get(0);
    assertThat(b.get("block_num").asInt()).isEqualTo(1);
    byte[] header = Hex.decode(b.get("derived").get("header_bytes_hex").asText());
    byte[] digest = Hashes.sha256(header);
    assertThat(Hex.encode(digest)).isEqualTo(b.get("derived").get("header_digest_sha256").asText());
    byte[] sig = Hex.decode(b.get("block").get("witness_signature").asText());
    Recovery r = secp.recover(digest, sig);
    assertThat(r.key().toString("BTS")).isEqualTo(b.get("block").get("signing_key").asText());
    // Block id = sha224(header || signature) with the block number in the first 4 bytes.
    byte[] signed = new byte[header.length + 65];
    System.arraycopy(header, 0, signed, 0, header.length);
    System.arraycopy(sig, 0, signed, header.length, 65);
    byte[] id = java.util.Arrays.copyOf(Hashes.sha224(signed), 20);
    id[0] = 0;
    id[1] = 0;
    id[2] = 0;
    id[3] = 1;
    assertThat(Hex.encode(id)).isEqualTo(b.get("block").get("block_id").asText());
  }
}
