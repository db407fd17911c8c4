package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** misc.json "hash_misc": fc's ripemd160, hash160 and sha224 against published vectors. */
class FcHashVectorsTest {
  @Test
  void hashMisc() {
    JsonNode section = Vectors.json("misc.json").get("sections").get("hash_misc");
    int n = 0;
    for (JsonNode v : section) {
      String what = v.get("what").asText();
      JsonNode in = v.get("input");
      byte[] data;
      if (in.has("preimage_hex")) {
        data = Hex.decode(in.get("preimage_hex").asText());
      } else {
        String ascii = in.get("ascii").asText();
        data = ascii.equals("'a' * 1000000") ? "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII)
            : ascii.getBytes(StandardCharsets.US_ASCII);
      }
      JsonNode exp = v.get("expected");
      String expected = exp.has("hex") ? exp.get("hex").asText() : exp.get("ripemd160_hex").asText();
      byte[] got;
      if (what.startsWith("fc::hash160")) {
        got = Hashes.hash160(data);
      } else if (what.startsWith("fc::sha224")) {
        got = Hashes.sha224(data);
      } else {
        got = Hashes.ripemd160(data);
      }
      assertThat(Hex.encode(got)).as(v.get("id").asText()).isEqualTo(expected);
      n++;
    }
    assertThat(n).isEqualTo(16);
  }
}
