package io.graphyne.p2p;

import io.graphyne.testing.Vectors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.crypto.Hashes;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.crypto.StcpSecret;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.message.MessageType;
import io.graphyne.p2p.message.Messages;
import io.graphyne.p2p.message.RawMessage;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.codec.FcVariant;
import io.graphyne.util.Hex;
import java.nio.charset.StandardCharsets;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** spec/p2p.md §8.2, misc.json p2p_stcp_key_derivation and the real-node capture. */
class StcpVectorTest {
  private final EcCrypto ec = EcCrypto.system();

  static Cipher cipher(int mode, StcpSecret s) throws Exception {
    Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
    c.init(mode, new SecretKeySpec(s.aesKey(), "AES"), new IvParameterSpec(s.iv()));
    return c;
  }

  @Test
  void miscKeyDerivationVectors() throws Exception {
    for (JsonNode e : Vectors.json("misc.json").at("/sections/p2p_stcp_key_derivation")) {
      String a = e.at("/input/private_key_A").asText();
      String b = e.at("/input/private_key_B").asText();
      byte[] privA = Hex.decode(a.substring(a.lastIndexOf(' ') + 1));
      byte[] privB = Hex.decode(b.substring(b.lastIndexOf(' ') + 1));
      assertThat(Hex.encode(ec.publicKey(privA))).isEqualTo(e.at("/input/public_key_A_hex").asText());
      assertThat(Hex.encode(ec.publicKey(privB))).isEqualTo(e.at("/input/public_key_B_hex").asText());
      byte[] sab = ec.sharedSecret(privA, ec.publicKey(privB));
      assertThat(sab).isEqualTo(ec.sharedSecret(privB, ec.publicKey(privA)));
      StcpSecret s = StcpSecret.fromSharedSecret(sab);
      assertThat(Hex.encode(s.sharedSecret())).isEqualTo(e.at("/expected/shared_secret_sha512_hex").asText());
      assertThat(Hex.encode(s.aesKey())).isEqualTo(e.at("/expected/aes256_key_sha256_of_shared_secret").asText());
      assertThat(Hex.encode(s.iv())).isEqualTo(e.at("/expected/aes_iv").asText());
      byte[] plain = new byte[32];
      for (int i = 0; i < 32; i++) {
        plain[i] = (byte) i;
      }
      assertThat(Hex.encode(cipher(Cipher.ENCRYPT_MODE, s).doFinal(plain)))
          .isEqualTo(e.at("/expected/aes_cbc_no_padding_encrypt_of_bytes_00_to_1f").asText());
    }
  }

  @Test
  void specSection82EndToEnd() throws Exception {
    byte[] privA = Hashes.sha256("graphene-p2p-test-A".getBytes(StandardCharsets.US_ASCII));
    byte[] privB = Hashes.sha256("graphene-p2p-test-B".getBytes(StandardCharsets.US_ASCII));
    assertThat(Hex.encode(ec.publicKey(privA))).isEqualTo("03f2293e0bbd8e45e564070d7f338a97a20e8976352f1d1714983cbb9bf535501a");
    assertThat(Hex.encode(ec.publicKey(privB))).isEqualTo("0370804e90551bcb9fe3879e777d9c4a3b38824e0b5b2dd122b3761b3ed80cc9f5");
    byte[] x = Hex.decode("c4743df0e95f3326596ee3f72c1709765957627717be5fa1fbfa775d9d62a7b4");
    StcpSecret s = StcpSecret.fromSharedSecret(ec.sharedSecret(privA, ec.publicKey(privB)));
    assertThat(s).isEqualTo(StcpSecret.fromEcdhX(x));
    assertThat(Hex.encode(s.sharedSecret()))
        .isEqualTo("62fb9f58a7946753aa7b2a17f2e722fbbdba5c0c77bbfd09603ce6b2a9e36b22"
            + "5bd0e8f7e694a474102e218294aa464bfbd77387e16735af9c94578812ed958c");
    assertThat(Hex.encode(s.aesKey())).isEqualTo("17a58d376bd8582a85ea4dfed54baa9a0d0c8ac4cfcfcc4df57aa4780cabe7aa");
    assertThat(Hex.encode(s.iv())).isEqualTo("92f0edec094d52a7f807ed494291b112");

    Cipher enc = cipher(Cipher.ENCRYPT_MODE, s);
    byte[] f1 = framed(new Message.CurrentTimeRequest(1700000000000000L));
    assertThat(Hex.encode(f1)).isEqualTo("080000009413000000401e18240a0600");
    assertThat(Hex.encode(enc.update(f1))).isEqualTo("801152f3d5d622133494790ba6c7305b");
    byte[] f2 = framed(new Message.ConnectionAccepted());
    assertThat(Hex.encode(f2)).isEqualTo("000000008f1300000000000000000000");
    assertThat(Hex.encode(enc.update(f2))).isEqualTo("383866ee7d509116e88816b68cd16fde");

    // hello signature: verification (recovery), not signing bytes
    byte[] sig = Hex.decode(
        "1f77ab231056efdb26012f2cee2d7f05a81529ec307979dc17ded9677e3a3d30"
            + "48505f9e4d08a0f3461752a0afcc885bc34fe73cd06504e26487d53ed12222e93d");
    assertThat(ec.recoverCompact(sig, s.helloDigest())).hasValueSatisfying(k -> assertThat(k).isEqualTo(ec.publicKey(privA)));
    byte[] ours = ec.signCompact(privA, s.helloDigest());
    assertThat(io.graphyne.crypto.Secp256k1.isCanonical(ours)).isTrue();
    assertThat(ec.recoverCompact(ours, s.helloDigest())).hasValueSatisfying(k -> assertThat(k).isEqualTo(ec.publicKey(privA)));

    Message.Hello hello =
        new Message.Hello(
            "graphene-java-test/0.1", 106, 0, 0, 0,
            Bytes.wrap(ec.publicKey(privA)), Bytes.wrap(sig),
            Bytes.fromHex("4018d7844c78f6a6c41c6a552b898022310fc5dec06da467ee7905a8dad512c8"),
            FcVariant.Obj.builder()
                .put("platform", "linux")
                .putUInt64("bitness", 64)
                .put("node_id", Hex.encode(ec.publicKey(privA)))
                .put("last_known_block_hash", "0".repeat(40))
                .putUInt64("last_known_block_number", 0)
                .put("last_known_block_time", "1970-01-01T00:00:00")
                .build());
    String expectedHello =
        "166772617068656e652d6a6176612d746573742f302e316a000000000000000000000003f2293e0bbd8e45e564070d7f"
            + "338a97a20e8976352f1d1714983cbb9bf535501a1f77ab231056efdb26012f2cee2d7f05a81529ec307979dc17ded967"
            + "7e3a3d3048505f9e4d08a0f3461752a0afcc885bc34fe73cd06504e26487d53ed12222e93d4018d7844c78f6a6c41c6a"
            + "552b898022310fc5dec06da467ee7905a8dad512c80608706c6174666f726d05056c696e7578076269746e6573730240"
            + "00000000000000076e6f64655f69640542303366323239336530626264386534356535363430373064376633333861"
            + "393761323065383937363335326631643137313439383363626239626635333535303161156c6173745f6b6e6f776e"
            + "5f626c6f636b5f68617368052830303030303030303030303030303030303030303030303030303030303030303030"
            + "303030303030176c6173745f6b6e6f776e5f626c6f636b5f6e756d626572020000000000000000156c6173745f6b6e"
            + "6f776e5f626c6f636b5f74696d650513313937302d30312d30315430303a30303a3030";
    byte[] payload = Messages.encodePayload(hello);
    assertThat(payload).hasSize(415);
    assertThat(Hex.encode(payload)).isEqualTo(expectedHello);
    assertThat(Messages.toRaw(hello).messageId().toHex()).isEqualTo("9be9a3533ec527806d19599671e6b80be04f80fd");
    assertThat(Messages.decode(MessageType.HELLO, payload)).isEqualTo(hello);
    byte[] frame = framed(hello);
    assertThat(frame).hasSize(432);
    byte[] c = cipher(Cipher.ENCRYPT_MODE, s).update(frame);
    assertThat(Hex.encode(c, 0, 32)).isEqualTo("0f5acaac40ba839bfff1d69f5d0174be474598f01daf893ab6471d63c287d536");
    assertThat(Hex.encode(c, 416, 16)).isEqualTo("91a31a96e4bffa04721ba779a9580785");

    assertThat(Hex.encode(framed(new Message.AddressRequest()))).isEqualTo("00000000911300000000000000000000");
    assertThat(Hex.encode(framed(new Message.FetchBlockchainItemIds(1001, java.util.List.of()))))
        .isEqualTo("050000008b130000e903000000000000");
    assertThat(Hex.encode(Messages.encodePayload(new Message.BlockchainItemIdsInventory(0, 1001, java.util.List.of()))))
        .isEqualTo("00000000e903000000");
    assertThat(Hex.encode(Messages.encodePayload(new Message.Address(java.util.List.of())))).isEqualTo("00");
  }

  static byte[] framed(Message m) {
    RawMessage raw = Messages.toRaw(m);
    int size = raw.payload().length;
    byte[] out = new byte[(8 + size + 15) & ~15];
    java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(size).putInt((int) raw.type()).put(raw.payload());
    return out;
  }

  @Test
  void realNodeSessionReproducesEveryCapturedByte() throws Exception {
    JsonNode v = Vectors.json("p2p-real-node.json");
    JsonNode st = v.get("stcp");
    byte[] clientPriv = Hex.decode(st.get("client_ephemeral_private_key").asText());
    assertThat(Hex.encode(ec.publicKey(clientPriv))).isEqualTo(st.get("client_ephemeral_public_key").asText());
    StcpSecret s = StcpSecret.fromSharedSecret(ec.sharedSecret(clientPriv, Hex.decode(st.get("node_ephemeral_public_key").asText())));
    assertThat(s).isEqualTo(StcpSecret.fromEcdhX(Hex.decode(st.get("ecdh_x").asText())));
    assertThat(Hex.encode(s.sharedSecret())).isEqualTo(st.get("shared_secret_sha512").asText());
    assertThat(Hex.encode(s.aesKey())).isEqualTo(st.get("aes_key_sha256_of_shared_secret").asText());
    assertThat(Hex.encode(s.iv())).isEqualTo(st.get("aes_iv").asText());

    // client -> node: our encoder reproduces each plaintext frame and the ciphertext chain
    Cipher enc = cipher(Cipher.ENCRYPT_MODE, s);
    for (JsonNode f : v.at("/first_frames/client_to_node")) {
      byte[] payload = Hex.decode(f.get("payload").asText());
      Message m = Messages.decode(f.get("msg_type").asLong(), payload);
      assertThat(Messages.encodePayload(m)).as(f.get("name").asText()).isEqualTo(payload);
      byte[] frame = framed(m);
      assertThat(Hex.encode(frame)).isEqualTo(f.get("plaintext_frame").asText());
      assertThat(Hex.encode(enc.update(frame))).isEqualTo(f.get("ciphertext").asText());
    }
    // node -> client: decrypt the captured ciphertext chain and decode every message
    Cipher dec = cipher(Cipher.DECRYPT_MODE, s);
    for (JsonNode f : v.at("/first_frames/node_to_client")) {
      byte[] plain = dec.update(Hex.decode(f.get("ciphertext").asText()));
      assertThat(Hex.encode(plain)).isEqualTo(f.get("plaintext_frame").asText());
      byte[] payload = Hex.decode(f.get("payload").asText());
      Message m = Messages.decode(f.get("msg_type").asLong(), payload);
      assertThat(m.type()).isEqualTo(f.get("msg_type").asLong());
      assertThat(Messages.encodePayload(m)).isEqualTo(payload);
    }

    // the node's hello: fields, and the signature recovers to node_public_key with digest SHA-256(S)
    Message.Hello hello = (Message.Hello) Messages.decode(MessageType.HELLO, Hex.decode(v.at("/node_hello/payload").asText()));
    JsonNode d = v.at("/node_hello/decoded");
    assertThat(hello.userAgent()).isEqualTo(d.get("user_agent").asText());
    assertThat(hello.coreProtocolVersion()).isEqualTo(106);
    assertThat(hello.inboundPort()).isEqualTo(d.get("inbound_port").asInt());
    assertThat(hello.outboundPort()).isEqualTo(d.get("outbound_port").asInt());
    assertThat(new io.graphyne.p2p.message.Endpoint(hello.inboundAddress(), 0).host()).isEqualTo("127.0.0.1");
    assertThat(hello.nodePublicKey().toHex()).isEqualTo(d.get("node_public_key").asText());
    assertThat(hello.chainId().toHex()).isEqualTo(v.at("/node/chain_id").asText());
    assertThat(ec.recoverCompact(hello.signedSharedSecret().toArray(), s.helloDigest()))
        .hasValueSatisfying(k -> assertThat(Hex.encode(k)).isEqualTo(d.get("node_public_key").asText()));
    assertThat(hello.userDataNodeId().orElseThrow().toHex())
        .isEqualTo("10355aeb91b51f7f81b930f435e24a30727307225d8c86a8d486521f14bfc7f0de");

    // the client's hello that the node accepted: its signature recovers to the client identity key
    Message.Hello ch = (Message.Hello) Messages.decode(MessageType.HELLO, Hex.decode(v.get("client_hello_payload").asText()));
    byte[] idPriv = Hex.decode(v.get("client_identity_private_key").asText());
    assertThat(ch.nodePublicKey().toArray()).isEqualTo(ec.publicKey(idPriv));
    assertThat(ec.recoverCompact(ch.signedSharedSecret().toArray(), s.helloDigest()))
        .hasValueSatisfying(k -> assertThat(k).isEqualTo(ec.publicKey(idPriv)));
  }

  @Test
  void realNodeSyncMessages() {
    JsonNode v = Vectors.json("p2p-real-node.json");
    Message.BlockchainItemIdsInventory inv =
        (Message.BlockchainItemIdsInventory)
            Messages.decode(MessageType.BLOCKCHAIN_ITEM_IDS_INVENTORY, Hex.decode(v.at("/blockchain_item_ids_inventory/payload").asText()));
    assertThat(inv.itemHashes()).hasSize(659);
    assertThat(inv.totalRemainingItemCount()).isZero();
    assertThat(inv.itemType()).isEqualTo(1001);
    assertThat(inv.itemHashes().get(658).toHex()).isEqualTo(v.at("/blockchain_item_ids_inventory/last_id").asText());
    for (int i = 0; i < 659; i++) {
      assertThat(io.graphyne.p2p.message.BlockIds.num(inv.itemHashes().get(i))).isEqualTo(i + 1);
    }
    Message.FetchItems fetch =
        (Message.FetchItems) Messages.decode(MessageType.FETCH_ITEMS, Hex.decode(v.at("/fetch_items/payload").asText()));
    assertThat(fetch.itemsToFetch()).hasSize(200);
    Message.FetchBlockchainItemIds syn =
        (Message.FetchBlockchainItemIds)
            Messages.decode(MessageType.FETCH_BLOCKCHAIN_ITEM_IDS, Hex.decode(v.get("node_synopsis_fetch_blockchain_item_ids_payload").asText()));
    assertThat(syn.blockchainSynopsis()).extracting(io.graphyne.p2p.message.BlockIds::num).containsExactly(656L, 658L, 659L);
    Message confirm = Messages.decode(MessageType.BLOCKCHAIN_ITEM_IDS_INVENTORY, Hex.decode(v.at("/sync_confirm/reply_payload").asText()));
    assertThat(((Message.BlockchainItemIdsInventory) confirm).itemHashes()).hasSize(1);
    for (JsonNode b : v.get("block_messages")) {
      byte[] payload = Hex.decode(b.get("payload").asText());
      Message.Block blk = (Message.Block) Messages.decode(MessageType.BLOCK, payload);
      assertThat(blk.blockId().toHex()).isEqualTo(b.get("block_id").asText());
      assertThat(blk.blockNum()).isEqualTo(b.get("block_num").asLong());
      assertThat(new RawMessage(1001, payload).messageId().toHex()).isEqualTo(b.get("message_id_ripemd160_of_payload").asText());
      assertThat(Messages.encodePayload(blk)).isEqualTo(payload);
    }
    Message.ClosingConnection close =
        (Message.ClosingConnection) Messages.decode(MessageType.CLOSING_CONNECTION, Hex.decode(v.at("/closing_connection_inactivity/payload").asText()));
    assertThat(close.reasonForClosing()).isEqualTo("Disconnecting due to inactivity");
    assertThat(close.closingDueToError()).isFalse();
    assertThat(close.error()).hasValueSatisfying(e -> {
      assertThat(e.name()).isEqualTo("exception");
      assertThat(e.logMessages()).hasSize(1);
    });
    assertThat(Messages.encodePayload(close)).isEqualTo(Hex.decode(v.at("/closing_connection_inactivity/payload").asText()));
    Message ct = Messages.decode(MessageType.CURRENT_TIME_REQUEST, Hex.decode("9cdd72c3c3600600"));
    assertThat(((Message.CurrentTimeRequest) ct).requestSentTime()).isPositive();
  }
}
