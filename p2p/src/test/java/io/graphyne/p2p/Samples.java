package io.graphyne.p2p;

import io.graphyne.testing.Vectors;
import io.graphyne.p2p.message.Endpoint;
import io.graphyne.p2p.message.Message;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.codec.FcVariant;
import java.util.List;
import java.util.Optional;

/** One sample of every message type. */
public final class Samples {
  private Samples() {}

  static String TRX_HEX;

  static Bytes filled(int n, int v) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) v);
    return Bytes.wrap(b);
  }

  public static List<Message> all() {
    Bytes h1 = filled(20, 1);
    Bytes h2 = filled(20, 2);
    Bytes key = Bytes.wrap(new byte[33]);
    FcVariant.Obj ud = FcVariant.Obj.builder().put("platform", "linux").putUInt64("bitness", 64).build();
    java.util.List<String> lines;
    try {
      lines = java.nio.file.Files.readAllLines(Vectors.path("private-chain/blocks.hex"));
      String trxLine = java.nio.file.Files.readAllLines(Vectors.path("private-chain/transactions.jsonl")).get(0);
      TRX_HEX = new com.fasterxml.jackson.databind.ObjectMapper().readTree(trxLine).get("hex").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    io.graphyne.protocol.SignedBlock block =
        io.graphyne.protocol.codec.Codecs.decode(io.graphyne.protocol.SignedBlock.class, io.graphyne.util.Hex.decode(lines.get(2)));
    io.graphyne.protocol.SignedTransaction trx =
        io.graphyne.protocol.codec.Codecs.decode(io.graphyne.protocol.SignedTransaction.class, io.graphyne.util.Hex.decode(TRX_HEX));
    return List.of(
        Message.Trx.of(trx),
        Message.Block.of(block),
        new Message.ItemIdsInventory(1001, List.of(h1)),
        new Message.BlockchainItemIdsInventory(5, 1001, List.of(h1, h2)),
        new Message.FetchBlockchainItemIds(1001, List.of(h1, h2)),
        new Message.FetchItems(1001, List.of(h2)),
        new Message.ItemNotAvailable(1001, h1),
        new Message.Hello("ua", 106, 0x7f000001, 1776, 1776, key, filled(65, 0x1f), filled(32, 3), ud),
        new Message.ConnectionAccepted(),
        new Message.ConnectionRejected("ua", 106, Endpoint.parse("127.0.0.1:4000"), 1, "You are on a different chain"),
        new Message.AddressRequest(),
        new Message.Address(List.of(new Message.AddressInfo(Endpoint.parse("10.0.0.1:1776"), 1700000000L, 1234, key, 2, 0))),
        new Message.ClosingConnection(
            "bye",
            true,
            Optional.of(new Message.FcException(0, "exception", "unspecified", List.of(ud)))),
        new Message.CurrentTimeRequest(1700000000000000L),
        new Message.CurrentTimeReply(1, 2, 3),
        new Message.CheckFirewall(key, Endpoint.NONE),
        new Message.CheckFirewallReply(key, Endpoint.NONE, 0),
        new Message.GetCurrentConnectionsRequest(),
        new Message.GetCurrentConnectionsReply(
            1, 2, 3, 4, 5, 6,
            List.of(new Message.CurrentConnectionData(10, Endpoint.parse("1.2.3.4:5"), key, -7, 8, 1, 2, ud))),
        new Message.Unknown(5050, filled(3, 4)));
  }
}
