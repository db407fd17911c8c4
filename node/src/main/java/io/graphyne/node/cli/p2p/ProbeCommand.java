package io.graphyne.node.cli.p2p;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.p2p.chain.BlockHeaders;
import io.graphyne.p2p.chain.MemoryChain;
import io.graphyne.p2p.crypto.EcCrypto;
import io.graphyne.p2p.message.Endpoint;
import io.graphyne.p2p.message.Message;
import io.graphyne.p2p.session.DisconnectReason;
import io.graphyne.p2p.session.P2pConfig;
import io.graphyne.p2p.session.P2pListener;
import io.graphyne.p2p.session.P2pNode;
import io.graphyne.p2p.session.PeerSession;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.codec.FcVariant;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code graphyne p2p probe HOST:PORT}: handshake with a peer, print its hello, sync blocks 1..N
 * checking every id and link, and print the sync rate.
 */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = "Connect to a peer, print its hello as JSON, then sync blocks 1..N and print the rate.")
public final class ProbeCommand implements Callable<Integer> {
  static final String DEFAULT_CHAIN = "mainnet";
  static final long DEFAULT_TIMEOUT_SECONDS = 300;

  @Parameters(index = "0", paramLabel = "HOST:PORT", description = "The peer's P2P endpoint.")
  String endpoint;

  @Option(names = "--chain", paramLabel = "C", defaultValue = DEFAULT_CHAIN,
      description = "Chain: mainnet, testnet or a chain id in hex (default: ${DEFAULT-VALUE}).")
  String chain;

  /** Blocks held in memory at most when --blocks is not given. */
  static final long DEFAULT_MAX_BLOCKS = 1000;

  @Option(names = "--blocks", paramLabel = "N",
      description = "Blocks to sync (default: the peer's head as announced in its hello, at most "
          + DEFAULT_MAX_BLOCKS + "; the probe keeps blocks in memory).")
  Long blocks;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_TIMEOUT_SECONDS,
      description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static ObjectNode helloJson(ObjectMapper om, Message.Hello h) {
    ObjectNode o = om.createObjectNode();
    o.put("user_agent", h.userAgent());
    o.put("core_protocol_version", h.coreProtocolVersion());
    o.put("inbound_endpoint", new Endpoint(h.inboundAddress(), h.inboundPort()).toString());
    o.put("outbound_port", h.outboundPort());
    o.put("node_public_key", h.nodePublicKey().toHex());
    o.put("node_id", h.peerNodeId().toHex());
    o.put("chain_id", h.chainId().toHex());
    FcVariant.Obj ud = h.userData();
    ud.number("last_known_block_number").ifPresent(n -> o.put("head_block_num", n));
    ud.string("last_known_block_hash").ifPresent(s -> o.put("head_block_id", s));
    ud.string("last_known_block_time").ifPresent(s -> o.put("head_block_time", s));
    ud.string("platform").ifPresent(s -> o.put("platform", s));
    ud.string("fc_git_revision_sha").ifPresent(s -> o.put("fc_git_revision_sha", s));
    o.putPOJO("user_data_keys", ud.keys());
    return o;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ObjectMapper om = new ObjectMapper();
    int colon = endpoint.lastIndexOf(':');
    if (colon <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "expected HOST:PORT, got " + endpoint);
    }
    String host = endpoint.substring(0, colon);
    int port = Integer.parseInt(endpoint.substring(colon + 1));
    Bytes chainId = P2pCommand.chainId(chain);

    CountDownLatch helloSeen = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Message.Hello[] hello = new Message.Hello[1];
    DisconnectReason[] closed = new DisconnectReason[1];
    String[] closedDetail = new String[1];
    if (blocks != null && blocks < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--blocks must be at least 1");
    }
    long[] target = {blocks == null ? -1 : blocks};
    MemoryChain local = new MemoryChain(blocks == null ? DEFAULT_MAX_BLOCKS : blocks);
    local.onAppend(n -> {
      if (target[0] >= 0 && n >= target[0]) {
        finished.countDown();
      }
    });
    P2pListener listener =
        new P2pListener() {
          @Override
          public void onHello(PeerSession peer, Message.Hello h) {
            hello[0] = h;
            if (target[0] < 0) {
              target[0] = Math.min(DEFAULT_MAX_BLOCKS, h.userData().number("last_known_block_number").orElse(DEFAULT_MAX_BLOCKS));
              if (local.size() >= target[0]) {
                finished.countDown();
              }
            }
            helloSeen.countDown();
          }

          @Override
          public void onInSync(PeerSession peer) {
            finished.countDown();
          }

          @Override
          public void onClosed(PeerSession peer, DisconnectReason reason, String detail) {
            closed[0] = reason;
            closedDetail[0] = detail;
            helloSeen.countDown();
            finished.countDown();
          }
        };
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    P2pConfig cfg = P2pConfig.defaults(chainId).withMaxPeers(8, 0);
    try (P2pNode node = new P2pNode(cfg, local, EcCrypto.system(), listener)) {
      node.start();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      node.connect(host, port).get(10, TimeUnit.SECONDS);
      if (!helloSeen.await(15, TimeUnit.SECONDS) || hello[0] == null) {
        throw new IllegalStateException("no hello from " + endpoint + (closed[0] == null ? "" : ": " + closed[0] + " " + closedDetail[0]));
      }
      out.println(om.writeValueAsString(om.createObjectNode().set("hello", helloJson(om, hello[0]))));
      out.flush();
      boolean done = finished.await(timeoutSeconds, TimeUnit.SECONDS);
      long t1 = System.nanoTime();
      long cpu1 = os.getProcessCpuTime();
      int n = local.size();
      // independent re-check of every id and link
      Bytes prev = Bytes.zeros(20);
      for (int i = 1; i <= n; i++) {
        BlockHeaders h = BlockHeaders.parse(local.blockOf(i).unsafeArray());
        if (!h.previous().equals(prev) || !h.id().equals(local.idOf(i)) || h.blockNum() != i) {
          throw new IllegalStateException("block " + i + " does not link or hash to its id");
        }
        prev = h.id();
      }
      double seconds = (t1 - t0) / 1e9;
      ObjectNode r = om.createObjectNode();
      r.put("fetched", n);
      r.put("first_id", n > 0 ? local.idOf(1).toHex() : null);
      r.put("last_id", n > 0 ? local.idOf(n).toHex() : null);
      r.put("seconds", Math.round(seconds * 1000) / 1000.0);
      r.put("blocks_per_s", n == 0 ? 0 : Math.round(n / seconds));
      r.put("cpu_ms_per_block", n == 0 ? 0 : Math.round((cpu1 - cpu0) / 1e6 / n * 1000) / 1000.0);
      out.println(om.writeValueAsString(r));
      out.flush();
      if (!done) {
        throw new IllegalStateException("timed out after " + timeoutSeconds + " s with " + n + " blocks");
      }
      if (target[0] > 0 && n < target[0]) {
        throw new IllegalStateException(
            "fetched " + n + " of " + target[0] + " blocks" + (closed[0] == null ? "" : "; peer closed: " + closed[0] + " " + closedDetail[0]));
      }
      return 0;
    }
  }
}
