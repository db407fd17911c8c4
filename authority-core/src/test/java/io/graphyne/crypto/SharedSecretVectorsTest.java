package io.graphyne.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.codec.FcWriter;
import io.graphyne.testing.Vectors;
import io.graphyne.util.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fc's shared secret (SHA-512 of the ECDH x coordinate): the ECDH section of misc.json, the memo
 * vectors (memo key = SHA-512(decimal nonce || hex(secret)), AES-256-CBC, 4-byte SHA-256
 * checksum in front of the text), the P2P key derivation vectors and the real node's handshake.
 */
class SharedSecretVectorsTest {

  private static JsonNode section(String name) {
    return Vectors.json("misc.json").get("sections").get(name);
  }

  private static String prefixOf(String text) {
    int i = 0;
    while (i < text.length() && Character.isUpperCase(text.charAt(i))) {
      i++;
    }
    return text.substring(0, i);
  }

  private static PublicKey key(String text) {
    return PublicKey.parse(text, prefixOf(text));
  }

  private static PrivateKey priv(String field) {
    String t = field.strip();
    int eq = t.lastIndexOf("= ");
    if (eq >= 0) {
      return PrivateKey.fromHex(t.substring(eq + 2).strip());
    }
    return PrivateKey.fromWif(t);
  }

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void ecdhVectors(Secp256k1 secp) {
    int n = 0;
    for (JsonNode v : section("ecdh_shared_secret")) {
      PrivateKey k = PrivateKey.fromWif(v.get("input").get("private_wif").asText());
      PublicKey other = key(v.get("input").get("public_key").asText());
      byte[] secret = k.sharedSecret(other, secp);
      byte[] x = Hex.decode(v.get("expected").get("ecdh_x_coordinate_hex").asText());
      assertThat(Hex.encode(secret)).isEqualTo(Hex.encode(Hashes.sha512(x)));
      assertThat(secp.ecdhX(k.toArray(), other.toArray())).isEqualTo(x);
      assertThat(Hex.encode(secret))
          .isEqualTo(v.get("derived").get("fc_shared_secret_sha512_of_x").asText());
      n++;
    }
    assertThat(n).isEqualTo(10);
  }

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void p2pKeyDerivation(Secp256k1 secp) {
    for (JsonNode v : section("p2p_stcp_key_derivation")) {
      PrivateKey a = priv(v.get("input").get("private_key_A").asText());
      PrivateKey b = priv(v.get("input").get("private_key_B").asText());
      assertThat(a.publicKey(secp).toHex()).isEqualTo(v.get("input").get("public_key_A_hex").asText());
      assertThat(b.publicKey(secp).toHex()).isEqualTo(v.get("input").get("public_key_B_hex").asText());
      byte[] ab = a.sharedSecret(b.publicKey(secp), secp);
      byte[] ba = b.sharedSecret(a.publicKey(secp), secp);
      assertThat(ab).isEqualTo(ba);
      assertThat(Hex.encode(ab)).isEqualTo(v.get("expected").get("shared_secret_sha512_hex").asText());
      assertThat(Hex.encode(Hashes.sha256(ab)))
          .isEqualTo(v.get("expected").get("aes256_key_sha256_of_shared_secret").asText());
    }
  }

  /** The real bitshares-core node's handshake: ECDH and its signature over SHA-256(secret). */
  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void realNodeHandshake(Secp256k1 secp) {
    JsonNode p2p = Vectors.json("p2p-real-node.json");
    JsonNode stcp = p2p.get("stcp");
    PrivateKey client = PrivateKey.fromHex(stcp.get("client_ephemeral_private_key").asText());
    assertThat(client.publicKey(secp).toHex()).isEqualTo(stcp.get("client_ephemeral_public_key").asText());
    byte[] secret =
        client.sharedSecret(PublicKey.fromHex(stcp.get("node_ephemeral_public_key").asText()), secp);
    assertThat(Hex.encode(secret)).isEqualTo(stcp.get("shared_secret_sha512").asText());
    assertThat(Hex.encode(secret)).isEqualTo(Hex.encode(Hashes.sha512(Hex.decode(stcp.get("ecdh_x").asText()))));
    byte[] aesKey = Hashes.sha256(secret);
    assertThat(Hex.encode(aesKey)).isEqualTo(stcp.get("aes_key_sha256_of_shared_secret").asText());
    JsonNode hello = p2p.get("node_hello").get("decoded");
    Recovery rec = secp.recover(aesKey, Hex.decode(hello.get("signed_shared_secret").asText()));
    assertThat(rec.key().toHex()).isEqualTo(hello.get("node_public_key").asText());
  }

  private static byte[] memoKey(byte[] secret, String nonce) {
    return Hashes.sha512((nonce + Hex.encode(secret)).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] aes(int mode, byte[] key64, byte[] data, boolean padding) throws Exception {
    Cipher c = Cipher.getInstance(padding ? "AES/CBC/PKCS5Padding" : "AES/CBC/NoPadding");
    c.init(
        mode,
        new SecretKeySpec(Arrays.copyOf(key64, 32), "AES"),
        new IvParameterSpec(Arrays.copyOfRange(key64, 32, 48)));
    return c.doFinal(data);
  }

  private static byte[] memoPlain(String text) {
    byte[] msg = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[4 + msg.length];
    System.arraycopy(Hashes.sha256(msg), 0, out, 0, 4);
    System.arraycopy(msg, 0, out, 4, msg.length);
    return out;
  }

  /** Decrypts and checks the 4-byte checksum; returns the text. */
  private static String memoOpen(byte[] key64, byte[] cipher, boolean padding) throws Exception {
    byte[] plain = aes(Cipher.DECRYPT_MODE, key64, cipher, padding);
    byte[] msg = Arrays.copyOfRange(plain, 4, plain.length);
    assertThat(Arrays.copyOf(plain, 4)).isEqualTo(Arrays.copyOf(Hashes.sha256(msg), 4));
    return new String(msg, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("io.graphyne.crypto.Backends#all")
  void memos(Secp256k1 secp) throws Exception {
    int n = 0;
    for (JsonNode v : section("memo")) {
      JsonNode in = v.get("input");
      JsonNode ex = v.get("expected");
      String nonce = in.get("nonce").asText();
      if (in.has("sender_wif") || in.has("sender_private_key")) {
        PrivateKey sender =
            priv(in.has("sender_wif") ? in.get("sender_wif").asText() : in.get("sender_private_key").asText());
        PrivateKey recipient =
            in.has("recipient_wif")
                ? PrivateKey.fromWif(in.get("recipient_wif").asText())
                : in.has("recipient_private_key") ? priv(in.get("recipient_private_key").asText()) : null;
        PublicKey from = sender.publicKey(secp);
        if (in.has("sender_public_key")) {
          assertThat(from).isEqualTo(key(in.get("sender_public_key").asText()));
        }
        PublicKey to =
            in.has("recipient_public_key") ? key(in.get("recipient_public_key").asText()) : recipient.publicKey(secp);
        byte[] secret = sender.sharedSecret(to, secp);
        if (recipient != null) {
          assertThat(recipient.sharedSecret(from, secp)).isEqualTo(secret);
        }
        byte[] mkey = memoKey(secret, nonce);
        String plaintext = in.has("plaintext") ? in.get("plaintext").asText() : null;
        if (ex.has("message_hex")) {
          byte[] cipher = Hex.decode(ex.get("message_hex").asText());
          boolean legacy = v.get("notes") != null && v.get("notes").asText().startsWith("LEGACY");
          if (legacy) {
            // No PKCS#7 block: decrypt without padding removal.
            assertThat(memoOpen(mkey, cipher, false)).isEqualTo(plaintext);
          } else {
            assertThat(Hex.encode(aes(Cipher.ENCRYPT_MODE, mkey, memoPlain(plaintext), true)))
                .isEqualTo(ex.get("message_hex").asText());
            assertThat(memoOpen(mkey, cipher, true)).isEqualTo(plaintext);
          }
        } else if (in.has("message_hex")) {
          assertThat(memoOpen(mkey, Hex.decode(in.get("message_hex").asText()), true))
              .isEqualTo(v.get("derived").get("plaintext").asText());
        } else {
          byte[] cipher = aes(Cipher.ENCRYPT_MODE, mkey, memoPlain(plaintext), true);
          FcWriter w = new FcWriter();
          w.bytes(from.toArray());
          w.bytes(to.toArray());
          w.i64(Long.parseUnsignedLong(nonce));
          w.varBytes(cipher);
          byte[] packed = w.toByteArray();
          if (ex.has("optional_memo_data_serialized_hex")) {
            byte[] withFlag = new byte[packed.length + 1];
            withFlag[0] = 1;
            System.arraycopy(packed, 0, withFlag, 1, packed.length);
            assertThat(Hex.encode(withFlag)).isEqualTo(ex.get("optional_memo_data_serialized_hex").asText());
          } else {
            assertThat(Hex.encode(Hashes.sha256(packed))).isEqualTo(ex.get("sha256_of_packed_memo_data").asText());
            assertThat(Hex.encode(cipher)).isEqualTo(v.get("derived").get("message_hex").asText());
          }
        }
      } else {
        // memo-018: cli_wallet output, decrypted with the key of "to" (from == to).
        PrivateKey k = PrivateKey.fromWif(in.get("decrypt_with_wif").asText());
        PublicKey from = key(in.get("from").asText());
        assertThat(k.publicKey(secp)).isEqualTo(key(in.get("to").asText()));
        byte[] mkey = memoKey(k.sharedSecret(from, secp), nonce);
        assertThat(memoOpen(mkey, Hex.decode(in.get("message").asText()), true))
            .isEqualTo(v.get("derived").get("plaintext").asText());
      }
      n++;
    }
    assertThat(n).isEqualTo(20);
  }
}
