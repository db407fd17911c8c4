package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.Address;
import io.graphyne.protocol.PublicKey;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All 168 vectors of vectors/keys.json: Base58 forms, WIF, public keys and addresses with their
 * prefixes, PTS and Bitcoin-style addresses, key sort order, brain/password/seed keys, child keys.
 * Key derivations run on both backends.
 */
class KeysVectorsTest {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (JsonNode v : Vectors.json("keys.json").get("vectors")) {
      for (Secp256k1 b : Backends.all()) {
        out.add(Arguments.of(v.get("id").asText() + " " + v.get("category").asText(), b, v));
      }
    }
    return out.stream();
  }

  @Test
  void allVectorsPresent() {
    assertThat(Vectors.json("keys.json").get("vectors").size()).isEqualTo(168);
  }

  private static String prefixOf(String text) {
    int i = 0;
    while (i < text.length() && Character.isUpperCase(text.charAt(i))) {
      i++;
    }
    return text.substring(0, i);
  }

  private static String ripemdCheck(byte[] payload) {
    byte[] raw = Arrays.copyOf(payload, payload.length + 4);
    System.arraycopy(Hashes.ripemd160(payload), 0, raw, payload.length, 4);
    return Base58.encode(raw);
  }

  private static String sha256dCheck(byte[] payload) {
    byte[] raw = Arrays.copyOf(payload, payload.length + 4);
    System.arraycopy(Hashes.doubleSha256(payload), 0, raw, payload.length, 4);
    return Base58.encode(raw);
  }

  private static String pub(Secp256k1 secp, PrivateKey k, String prefix) {
    return k.publicKey(secp).toString(prefix);
  }

  private static PrivateKey sha256Key(String text) {
    return PrivateKey.of(Hashes.sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static PrivateKey brainKey(String brain, int sequence) {
    return PrivateKey.of(
        Hashes.sha256(Hashes.sha512((brain + " " + sequence).getBytes(StandardCharsets.UTF_8))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void vector(String name, Secp256k1 secp, JsonNode v) throws Exception {
    JsonNode in = v.get("input");
    JsonNode ex = v.get("expected");
    String prefix = v.has("prefix") ? v.get("prefix").asText() : null;
    switch (v.get("category").asText()) {
      case "base58_raw" -> {
        if (in.has("hex")) {
          assertThat(Base58.encode(Hex.decode(in.get("hex").asText()))).isEqualTo(ex.get("base58").asText());
        } else {
          assertThat(Hex.encode(Base58.decode(in.get("base58").asText()))).isEqualTo(ex.get("hex").asText());
        }
      }
      case "base58check_ripemd160" -> {
        if (in.has("hex")) {
          assertThat(ripemdCheck(Hex.decode(in.get("hex").asText()))).isEqualTo(ex.get("base58").asText());
        } else {
          byte[] raw = Base58.decode(in.get("base58").asText());
          byte[] payload = Arrays.copyOf(raw, raw.length - 4);
          assertThat(ripemdCheck(payload)).isEqualTo(in.get("base58").asText());
          assertThat(Hex.encode(payload)).isEqualTo(ex.get("hex").asText());
        }
      }
      case "base58check_doublesha256" -> {
        byte[] raw = Base58.decode(in.get("base58").asText());
        byte[] payload = Arrays.copyOf(raw, raw.length - 4);
        assertThat(sha256dCheck(payload)).isEqualTo(in.get("base58").asText());
        assertThat(payload[0] & 0xff).isEqualTo(0x80);
        assertThat(Hex.encode(Arrays.copyOfRange(payload, 1, payload.length)))
            .isEqualTo(ex.get("payload_hex_without_version_byte").asText());
      }
      case "wif_encode" ->
          assertThat(PrivateKey.fromHex(in.get("private_key_hex").asText()).toWif())
              .isEqualTo(ex.get("wif").asText());
      case "wif_decode" -> {
        PrivateKey k = PrivateKey.fromWif(in.get("wif").asText());
        assertThat(k.toHex()).isEqualTo(ex.get("private_key_hex").asText());
        assertThat(k.toWif()).isEqualTo(in.get("wif").asText());
      }
      case "prefixed_base58check_ripemd160" ->
          assertThat(in.get("prefix").asText() + ripemdCheck(Hex.decode(in.get("hex").asText())))
              .isEqualTo(ex.get("string").asText());
      case "address_roundtrip" -> {
        String a = in.get("address").asText();
        assertThat(Address.parse(a, prefix).toString(prefix)).isEqualTo(ex.get("address").asText());
      }
      case "address_decode" ->
          assertThat(Hex.encode(Address.parse(in.get("address").asText(), prefix).toArray()))
              .isEqualTo(ex.get("ripemd160_hex").asText());
      case "graphene_address_from_pubkey" -> {
        String text = in.get("public_key").asText();
        PublicKey key = PublicKey.parse(text, prefixOf(text));
        // One vector hashes the uncompressed form (a legacy construction); the chain's is compressed.
        Address addr =
            in.get("hash_over").asText().startsWith("uncompressed")
                ? Address.wrap(Hashes.ripemd160(Hashes.sha512(key.uncompressed())))
                : key.address();
        assertThat(Hex.encode(addr.toArray())).isEqualTo(ex.get("address_ripemd160_hex").asText());
        assertThat(addr.toString(prefixOf(text))).isEqualTo(ex.get("address_string").asText());
      }
      case "pubkey_to_address" -> {
        PublicKey key = PublicKey.parse(in.get("public_key").asText(), prefix);
        assertThat(key.address().toString(prefix)).isEqualTo(ex.get("address").asText());
      }
      case "wif_to_pts_derived_address" -> {
        PublicKey key = PrivateKey.fromWif(in.get("wif").asText()).publicKey(secp);
        boolean compressed = !in.has("pubkey_form") || in.get("pubkey_form").asText().equals("compressed");
        assertThat(Address.fromPts(Address.ptsAddress(key, compressed, 56)).toString(prefix))
            .isEqualTo(ex.get("address").asText());
      }
      case "wif_to_pubkey" ->
          assertThat(pub(secp, PrivateKey.fromWif(in.get("wif").asText()), prefix))
              .isEqualTo(ex.get("public_key").asText());
      case "pubkey_roundtrip" -> {
        String text = in.get("public_key").asText();
        PublicKey key = PublicKey.parse(text, prefix);
        assertThat(key.toString(prefix)).isEqualTo(ex.get("public_key").asText());
        if (ex.has("key_data_hex")) {
          assertThat(key.toHex()).isEqualTo(ex.get("key_data_hex").asText());
        }
      }
      case "pubkey_strip_prefix" -> {
        String text = in.get("public_key").asText();
        PublicKey key = PublicKey.parse(text);
        assertThat(key.toString("")).isEqualTo(ex.get("base58_without_prefix").asText());
      }
      case "pubkey_reprefix" ->
          assertThat(PublicKey.parse(in.get("public_key").asText()).toString("GPH"))
              .isEqualTo(ex.get("public_key_with_default_GPH_prefix").asText());
      case "brainkey_to_wif", "brainkey_to_pubkey" -> {
        PrivateKey k = brainKey(in.get("brainkey").asText(), in.get("sequence").asInt());
        if (ex.has("wif")) {
          assertThat(k.toWif()).isEqualTo(ex.get("wif").asText());
        }
        if (ex.has("public_key")) {
          String expected = ex.get("public_key").asText();
          assertThat(pub(secp, k, prefixOf(expected))).isEqualTo(expected);
        }
      }
      case "brainkey_blind_private" ->
          assertThat(sha256Key(in.get("brainkey").asText()).toWif()).isEqualTo(ex.get("wif").asText());
      case "password_key" -> {
        PrivateKey k =
            sha256Key(in.get("account").asText() + in.get("role").asText() + in.get("password").asText());
        assertThat(k.toWif()).isEqualTo(ex.get("wif").asText());
        String expected = ex.get("public_key").asText();
        assertThat(pub(secp, k, prefixOf(expected))).isEqualTo(expected);
      }
      case "wif_to_bitcoin_address" -> {
        PublicKey key = PrivateKey.fromWif(in.get("wif").asText()).publicKey(secp);
        byte[] pubBytes = in.get("pubkey_form").asText().equals("compressed") ? key.toArray() : key.uncompressed();
        byte[] payload = new byte[21];
        System.arraycopy(Hashes.hash160(pubBytes), 0, payload, 1, 20);
        assertThat(sha256dCheck(payload)).isEqualTo(ex.get("btc_address").asText());
      }
      case "child_private_key" -> {
        PrivateKey parent = PrivateKey.fromWif(in.get("wif").asText());
        byte[] tweak =
            Hashes.sha256(parent.publicKey(secp).toArray(), Hex.decode(in.get("offset_bytes_hex").asText()));
        BigInteger child =
            new BigInteger(1, parent.toArray()).add(new BigInteger(1, tweak)).mod(Curve.N);
        PrivateKey c = PrivateKey.of(Curve.to32(child));
        if (ex.has("wif")) {
          assertThat(c.toWif()).isEqualTo(ex.get("wif").asText());
        } else {
          assertThat(c.toHex()).isEqualTo(ex.get("private_key_hex").asText());
        }
      }
      case "derive_private_key_sequence" ->
          assertThat(brainKey(in.get("wif").asText(), in.get("sequence").asInt()).toHex())
              .isEqualTo(ex.get("private_key_hex").asText());
      case "pubkey_sort_order" -> {
        List<PublicKey> keys = new ArrayList<>();
        String p = null;
        for (JsonNode k : in.get("keys")) {
          p = prefixOf(k.asText());
          keys.add(PublicKey.parse(k.asText(), p));
        }
        keys.sort(null);
        List<String> sorted = new ArrayList<>();
        for (PublicKey k : keys) {
          sorted.add(k.toString(p));
        }
        JsonNode exp = ex.has("sorted") ? ex.get("sorted") : ex.get("sorted_as_in_flat_map");
        List<String> expected = new ArrayList<>();
        exp.forEach(n -> expected.add(n.asText()));
        assertThat(sorted).isEqualTo(expected);
      }
      case "seed_to_pubkey_and_address", "seed_to_pubkey" -> {
        PrivateKey k = PrivateKey.fromHex(in.get("private_key_hex").asText());
        if (in.has("seed")) {
          assertThat(sha256Key(in.get("seed").asText())).isEqualTo(k);
        }
        String expected = ex.get("public_key").asText();
        String p = prefixOf(expected);
        assertThat(pub(secp, k, p)).isEqualTo(expected);
        if (ex.has("address")) {
          assertThat(k.publicKey(secp).address().toString(p)).isEqualTo(ex.get("address").asText());
        }
        if (ex.has("wif")) {
          assertThat(k.toWif()).isEqualTo(ex.get("wif").asText());
        }
      }
      case "key_formats_bundle" -> keyFormats(secp, in, ex, prefix);
      case "shared_secret_child_derivation" -> {
        PrivateKey oneTime = PrivateKey.fromHex(in.get("one_time_private_hex").asText());
        String toText = in.get("to_public").asText();
        PublicKey to = PublicKey.parse(toText, prefixOf(toText));
        byte[] secret = oneTime.sharedSecret(to, secp);
        byte[] child = Hashes.sha256(secret);
        assertThat(Hex.encode(child)).isEqualTo(ex.get("child_sha256_of_shared_secret").asText());
        assertThat(Hex.encode(Hashes.sha256(oneTime.toArray())))
            .isEqualTo(ex.get("nonce_sha256_of_one_time_private").asText());
        byte[] tweak = Hashes.sha256(to.toArray(), child);
        ECPoint p = CURVE.getCurve().decodePoint(to.toArray());
        ECPoint c = p.add(CURVE.getG().multiply(new BigInteger(1, tweak))).normalize();
        assertThat(PublicKey.wrap(c.getEncoded(true)).toString(prefixOf(toText)))
            .isEqualTo(ex.get("child_public_key").asText());
      }
      default -> throw new AssertionError("unhandled category " + v.get("category"));
    }
  }

  private static void keyFormats(Secp256k1 secp, JsonNode in, JsonNode ex, String prefix) throws Exception {
    PrivateKey k = PrivateKey.fromHex(in.get("private_key_hex").asText());
    PublicKey key = k.publicKey(secp);
    assertThat(key.toString(prefix)).isEqualTo(ex.get("public_key").asText());
    assertThat(k.toHex()).isEqualTo(ex.get("private_key").asText());
    assertThat(k.toWif()).isEqualTo(ex.get("private_key_WIF_format").asText());
    assertThat(key.address().toString(prefix)).isEqualTo(ex.get("bts_address").asText());
    assertThat(Hex.encode(key.address().toArray())).isEqualTo(ex.get("blockchain_address").asText());
    assertThat(Address.fromPts(Address.ptsAddress(key, false, 0)).toString(prefix))
        .isEqualTo(ex.get("Uncompressed_BTC").asText());
    assertThat(Address.fromPts(Address.ptsAddress(key, true, 0)).toString(prefix))
        .isEqualTo(ex.get("Compressed_BTC").asText());
    assertThat(Address.fromPts(Address.ptsAddress(key, false, 56)).toString(prefix))
        .isEqualTo(ex.get("Uncompressed_PTS").asText());
    assertThat(Address.fromPts(Address.ptsAddress(key, true, 56)).toString(prefix))
        .isEqualTo(ex.get("Compressed_PTS").asText());
    assertThat(Base58.encode(Address.ptsAddress(key, true, 56))).isEqualTo(ex.get("pts_address").asText());
    assertThat(prefix + ripemdCheck(new byte[33])).isEqualTo(ex.get("null_public_key").asText());
    byte[] seed = Hashes.sha512(in.get("aes_seed_for_encrypted_private_key").asText().getBytes(StandardCharsets.UTF_8));
    Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
    aes.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(Arrays.copyOf(seed, 32), "AES"),
        new IvParameterSpec(Arrays.copyOfRange(seed, 32, 48)));
    assertThat(Hex.encode(aes.doFinal(k.toArray()))).isEqualTo(ex.get("encrypted_private_key").asText());
  }
}
