package io.graphyne.p2p;

import io.graphyne.testing.Vectors;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.message.MessageType;
import io.graphyne.p2p.message.Messages;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.util.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Every decoder on mutated, truncated and extended bytes: a value or a DecodeException, nothing else. */
class MessagesPropertyTest {

  record Case(long type, byte[] payload) {}

  static List<Case> corpus() {
    List<Case> out = new ArrayList<>();
    for (Message m : Samples.all()) {
      out.add(new Case(m.type(), Messages.encodePayload(m)));
    }
    var v = Vectors.json("p2p-real-node.json");
    out.add(new Case(MessageType.HELLO, Hex.decode(v.at("/node_hello/payload").asText())));
    out.add(new Case(MessageType.CLOSING_CONNECTION, Hex.decode(v.at("/closing_connection_inactivity/payload").asText())));
    out.add(new Case(MessageType.BLOCK, Hex.decode(v.at("/block_messages/0/payload").asText())));
    return out;
  }

  private static final List<Case> CORPUS = corpus();

  @Provide
  Arbitrary<Integer> caseIndex() {
    return Arbitraries.integers().between(0, CORPUS.size() - 1);
  }

  private static void decodeOnlyTyped(long type, byte[] bytes) {
    try {
      Message m = Messages.decode(type, bytes);
      assertThat(m).isNotNull();
      // whatever decoded re-encodes without error
      Messages.encodePayload(m);
    } catch (DecodeException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 2000)
  void mutatedBytes(@ForAll("caseIndex") int index, @ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int flips) {
    Case c = CORPUS.get(index);
    byte[] b = c.payload().clone();
    Random r = new Random(seed);
    if (b.length > 0) {
      for (int i = 0; i < flips; i++) {
        b[r.nextInt(b.length)] = (byte) r.nextInt(256);
      }
    }
    decodeOnlyTyped(c.type(), b);
  }

  @Property(tries = 1000)
  void truncatedAndExtended(@ForAll("caseIndex") int index, @ForAll @IntRange(min = 0, max = 600) int cut, @ForAll long seed) {
    Case c = CORPUS.get(index);
    byte[] t = Arrays.copyOf(c.payload(), Math.max(0, c.payload().length - cut));
    decodeOnlyTyped(c.type(), t);
    byte[] ext = Arrays.copyOf(c.payload(), c.payload().length + 1 + (cut % 40));
    new Random(seed).nextBytes(ext);
    System.arraycopy(c.payload(), 0, ext, 0, c.payload().length);
    decodeOnlyTyped(c.type(), ext);
  }

  @Property(tries = 1000)
  void randomBytesForEveryType(@ForAll @IntRange(min = 5000, max = 5020) int type, @ForAll byte[] bytes) {
    decodeOnlyTyped(type, bytes);
    decodeOnlyTyped(MessageType.BLOCK, bytes);
    decodeOnlyTyped(MessageType.TRX, bytes);
  }

  /** Random bytes through the whole inbound pipeline: decoder errors only, never anything else. */
  @Property(tries = 300)
  void randomFramesThroughThePipeline(@ForAll byte[] bytes, @ForAll @IntRange(min = 5000, max = 5020) int type) {
    io.netty.channel.embedded.EmbeddedChannel ch =
        new io.netty.channel.embedded.EmbeddedChannel(
            new io.graphyne.p2p.transport.FrameDecoder(Messages.MAX_MESSAGE_SIZE), new io.graphyne.p2p.transport.MessageCodec());
    io.netty.buffer.ByteBuf frame = io.netty.buffer.Unpooled.buffer();
    frame.writeIntLE(bytes.length).writeIntLE(type).writeBytes(bytes).writeZero((16 - (8 + bytes.length) % 16) % 16);
    try {
      ch.writeInbound(frame);
      Object o;
      while ((o = ch.readInbound()) != null) {
        assertThat(o).isInstanceOf(io.graphyne.p2p.transport.MessageCodec.Received.class);
      }
    } catch (io.netty.handler.codec.DecoderException e) {
      assertThat(e.getCause()).isInstanceOf(DecodeException.class);
    } finally {
      ch.finishAndReleaseAll();
    }
  }
}
