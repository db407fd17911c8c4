package io.graphyne.p2p;

import io.graphyne.testing.Vectors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.message.Messages;
import io.graphyne.p2p.message.RawMessage;
import io.graphyne.p2p.transport.MessageCodec;
import io.graphyne.p2p.transport.StcpHandshakeHandler;
import io.graphyne.util.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Replays the captured session with a bitshares-core 7.0.2 node through our Netty pipeline: with
 * the client's ephemeral key, the handshake handler must derive the same secret, decrypt and
 * decode every frame the node sent, and produce byte-identical ciphertext for what the client sent.
 */
class RealNodeReplayTest {

  @Test
  void pipelineReproducesTheCapturedSession() {
    JsonNode v = Vectors.json("p2p-real-node.json");
    byte[] clientPriv = Hex.decode(v.at("/stcp/client_ephemeral_private_key").asText());
    CodecEmbeddedChannelTest.Sink sink = new CodecEmbeddedChannelTest.Sink();
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.pipeline()
        .addLast(StcpHandshakeHandler.NAME, new StcpHandshakeHandler(EcCrypto.system(), clientPriv, Messages.MAX_MESSAGE_SIZE))
        .addLast(sink);
    ByteBuf key = ch.readOutbound();
    byte[] ourKey = new byte[key.readableBytes()];
    key.readBytes(ourKey);
    key.release();
    assertThat(Hex.encode(ourKey)).isEqualTo(v.at("/stcp/client_ephemeral_public_key").asText());

    // the node's key and every captured node->client frame, delivered in odd-sized chunks
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(Hex.decode(v.at("/stcp/node_ephemeral_public_key").asText()));
    for (JsonNode f : v.at("/first_frames/node_to_client")) {
      in.writeBytes(Hex.decode(f.get("ciphertext").asText()));
    }
    byte[] stream = in.toByteArray();
    for (int i = 0; i < stream.length; i += 1000) {
      ch.writeInbound(Unpooled.wrappedBuffer(stream, i, Math.min(1000, stream.length - i)));
    }
    assertThat(sink.done).isNotNull();
    assertThat(Hex.encode(sink.done.secret().iv())).isEqualTo(v.at("/stcp/aes_iv").asText());
    JsonNode expected = v.at("/first_frames/node_to_client");
    assertThat(sink.messages).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      MessageCodec.Received r = (MessageCodec.Received) sink.messages.get(i);
      assertThat(r.raw().type()).isEqualTo(expected.get(i).get("msg_type").asLong());
      assertThat(Hex.encode(r.raw().payload())).isEqualTo(expected.get(i).get("payload").asText());
    }
    Message.Hello hello = (Message.Hello) ((MessageCodec.Received) sink.messages.get(0)).message();
    assertThat(hello.userAgent()).isEqualTo("BitShares Reference Implementation");
    assertThat(EcCrypto.system().recoverCompact(hello.signedSharedSecret().toArray(), sink.done.secret().helloDigest()))
        .hasValueSatisfying(k -> assertThat(Hex.encode(k)).isEqualTo(hello.nodePublicKey().toHex()));
    Message.BlockchainItemIdsInventory inv = (Message.BlockchainItemIdsInventory) ((MessageCodec.Received) sink.messages.get(4)).message();
    assertThat(inv.itemHashes()).hasSize(659);

    // what the client sent, re-encoded by our pipeline, is byte-identical on the wire
    ByteArrayOutputStream expectedOut = new ByteArrayOutputStream();
    for (JsonNode f : v.at("/first_frames/client_to_node")) {
      Message m = Messages.decode(new RawMessage(f.get("msg_type").asLong(), Hex.decode(f.get("payload").asText())));
      ch.writeOutbound(m);
      expectedOut.writeBytes(Hex.decode(f.get("ciphertext").asText()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuf b;
    while ((b = ch.readOutbound()) != null) {
      byte[] chunk = new byte[b.readableBytes()];
      b.readBytes(chunk);
      b.release();
      out.writeBytes(chunk);
    }
    assertThat(Hex.encode(out.toByteArray())).isEqualTo(Hex.encode(expectedOut.toByteArray()));
    ch.finish();
  }
}
