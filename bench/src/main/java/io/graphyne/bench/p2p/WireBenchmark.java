package io.graphyne.bench.p2p;

import io.graphyne.bench.RealBlocks;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.message.Messages;
import io.graphyne.p2p.transport.FrameDecoder;
import io.graphyne.p2p.transport.FrameEncoder;
import io.graphyne.p2p.transport.MessageCodec;
import io.graphyne.p2p.transport.StcpDecryptor;
import io.graphyne.p2p.transport.StcpEncryptor;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-block CPU of the P2P wire path on both ends, without sockets: the server side frames
 * and encrypts a stored block message (as {@code p2p serve} does), the client side decrypts,
 * deframes, decodes the signed block and recomputes its id (as sync does). {@code txPerBlock}
 * real private-chain transactions per block; 0 is an empty block like the generated chains.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WireBenchmark {
  @Param({"0", "100"})
  int txPerBlock;

  Bytes raw;
  Bytes id;
  EmbeddedChannel sender;
  EmbeddedChannel receiver;

  @Setup(Level.Trial)
  public void setup() {
    SignedBlock block = RealBlocks.block(txPerBlock);
    raw = Bytes.wrap(block.toBytes());
    id = block.id();
    byte[] key = new byte[32];
    byte[] iv = new byte[16];
    key[0] = 7;
    iv[0] = 9;
    sender = new EmbeddedChannel(new StcpEncryptor(key, iv), new FrameEncoder(Messages.MAX_MESSAGE_SIZE), new MessageCodec());
    receiver = new EmbeddedChannel(new StcpDecryptor(key, iv), new FrameDecoder(Messages.MAX_MESSAGE_SIZE), new MessageCodec());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sender.finishAndReleaseAll();
    receiver.finishAndReleaseAll();
  }

  /** Serve one stored block and receive it: returns the recomputed block id. */
  @Benchmark
  public Bytes serveAndReceiveBlock() {
    sender.writeOutbound(Message.Block.ofRaw(raw, id));
    ByteBuf wire = sender.readOutbound();
    receiver.writeInbound(wire);
    MessageCodec.Received r = receiver.readInbound();
    Message.Block b = (Message.Block) r.message();
    Bytes computed = b.block().id();
    if (!computed.equals(id)) {
      throw new IllegalStateException("id mismatch");
    }
    return computed;
  }
}
