package io.graphyne.p2p.message;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.FcReader;
import io.graphyne.protocol.codec.FcVariant;
import io.graphyne.protocol.codec.FcWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every message of bitshares-core's net library as a typed record (spec/p2p.md §3). Component
 * order is the wire order; {@link Messages} holds the codec.
 */
public sealed interface Message
    permits Message.Trx, Message.Block, Message.ItemIdsInventory, Message.BlockchainItemIdsInventory,
        Message.FetchBlockchainItemIds, Message.FetchItems, Message.ItemNotAvailable, Message.Hello,
        Message.ConnectionAccepted, Message.ConnectionRejected, Message.AddressRequest, Message.Address,
        Message.ClosingConnection, Message.CurrentTimeRequest, Message.CurrentTimeReply, Message.CheckFirewall,
        Message.CheckFirewallReply, Message.GetCurrentConnectionsRequest, Message.GetCurrentConnectionsReply,
        Message.Unknown {

  /** The 32-bit message type id. */
  long type();

  /** Writes the fc::raw payload. */
  void writePayload(FcWriter w);

  /** 5000..5099: id of an item inventory / fetch (block hashes or message ids, 20 bytes each). */
  static void writeHashes(FcWriter w, List<Bytes> hashes) {
    w.varint(hashes.size());
    for (Bytes h : hashes) {
      w.bytes(h.unsafeArray());
    }
  }

  /**
   * 1000: a signed transaction. Keeps the raw bytes it was received or built with (what is sent
   * and hashed) and the decoded {@link SignedTransaction}.
   */
  final class Trx implements Message {
    private final Bytes raw;
    private final SignedTransaction transaction;

    private Trx(Bytes raw, SignedTransaction transaction) {
      this.raw = raw;
      this.transaction = transaction;
    }

    public static Trx of(SignedTransaction t) {
      return new Trx(Bytes.wrap(Codecs.encode(t)), t);
    }

    /** Decodes raw precomputable_transaction bytes (trailing bytes tolerated, as core does). */
    static Trx read(FcReader r, byte[] payload) {
      int start = r.position();
      SignedTransaction t = Codecs.of(SignedTransaction.class).read(r);
      return new Trx(Bytes.wrap(java.util.Arrays.copyOfRange(payload, start, r.position())), t);
    }

    public Bytes raw() {
      return raw;
    }

    public SignedTransaction transaction() {
      return transaction;
    }

    @Override
    public long type() {
      return MessageType.TRX;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.bytes(raw.unsafeArray());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Trx t && t.raw.equals(raw);
    }

    @Override
    public int hashCode() {
      return raw.hashCode();
    }

    @Override
    public String toString() {
      return "Trx[" + raw.length() + " bytes]";
    }
  }

  /**
   * 1001: a signed block followed by its 20-byte block id. Keeps the raw block bytes (served as
   * stored, without re-encoding) and decodes the {@link SignedBlock} on first use; received blocks
   * are decoded eagerly by the codec, which also proves them well-formed.
   */
  final class Block implements Message {
    private final Bytes raw;
    private final Bytes blockId;
    private volatile SignedBlock block;

    private Block(Bytes raw, Bytes blockId, SignedBlock block) {
      Objects.requireNonNull(raw);
      requireLength(blockId, 20, "block_id");
      this.raw = raw;
      this.blockId = blockId;
      this.block = block;
    }

    public static Block of(SignedBlock b) {
      return new Block(Bytes.wrap(b.toBytes()), b.id(), b);
    }

    /** Stored raw block bytes and the id to announce (decoded lazily if ever needed). */
    public static Block ofRaw(Bytes raw, Bytes blockId) {
      return new Block(raw, blockId, null);
    }

    static Block read(FcReader r, byte[] payload) {
      int start = r.position();
      SignedBlock b = Codecs.of(SignedBlock.class).read(r);
      Bytes raw = Bytes.wrap(java.util.Arrays.copyOfRange(payload, start, r.position()));
      return new Block(raw, Bytes.wrap(r.bytes(20)), b);
    }

    public Bytes raw() {
      return raw;
    }

    public Bytes blockId() {
      return blockId;
    }

    /** The decoded block. */
    public SignedBlock block() {
      SignedBlock b = block;
      if (b == null) {
        b = Codecs.decode(SignedBlock.class, raw.unsafeArray());
        block = b;
      }
      return b;
    }

    @Override
    public long type() {
      return MessageType.BLOCK;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.bytes(raw.unsafeArray()).bytes(blockId.unsafeArray());
    }

    /** The block number encoded in the first four bytes of the id. */
    public long blockNum() {
      return BlockIds.num(blockId);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Block b && b.raw.equals(raw) && b.blockId.equals(blockId);
    }

    @Override
    public int hashCode() {
      return raw.hashCode() * 31 + blockId.hashCode();
    }

    @Override
    public String toString() {
      return "Block[" + blockNum() + " " + blockId.toHex() + ", " + raw.length() + " bytes]";
    }
  }

  /** 5001 item_ids_inventory_message. */
  record ItemIdsInventory(long itemType, List<Bytes> itemHashes) implements Message {
    public ItemIdsInventory {
      itemHashes = List.copyOf(itemHashes);
    }

    @Override
    public long type() {
      return MessageType.ITEM_IDS_INVENTORY;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.u32(itemType);
      writeHashes(w, itemHashes);
    }
  }

  /** 5002 blockchain_item_ids_inventory_message. */
  record BlockchainItemIdsInventory(long totalRemainingItemCount, long itemType, List<Bytes> itemHashes)
      implements Message {
    public BlockchainItemIdsInventory {
      itemHashes = List.copyOf(itemHashes);
    }

    @Override
    public long type() {
      return MessageType.BLOCKCHAIN_ITEM_IDS_INVENTORY;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.u32(totalRemainingItemCount).u32(itemType);
      writeHashes(w, itemHashes);
    }
  }

  /** 5003 fetch_blockchain_item_ids_message. */
  record FetchBlockchainItemIds(long itemType, List<Bytes> blockchainSynopsis) implements Message {
    public FetchBlockchainItemIds {
      blockchainSynopsis = List.copyOf(blockchainSynopsis);
    }

    @Override
    public long type() {
      return MessageType.FETCH_BLOCKCHAIN_ITEM_IDS;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.u32(itemType);
      writeHashes(w, blockchainSynopsis);
    }
  }

  /** 5004 fetch_items_message. */
  record FetchItems(long itemType, List<Bytes> itemsToFetch) implements Message {
    public FetchItems {
      itemsToFetch = List.copyOf(itemsToFetch);
    }

    @Override
    public long type() {
      return MessageType.FETCH_ITEMS;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.u32(itemType);
      writeHashes(w, itemsToFetch);
    }
  }

  /** 5005 item_not_available_message: item_id = {uint32 item_type, ripemd160 item_hash}. */
  record ItemNotAvailable(long itemType, Bytes itemHash) implements Message {
    public ItemNotAvailable {
      requireLength(itemHash, 20, "item_hash");
    }

    @Override
    public long type() {
      return MessageType.ITEM_NOT_AVAILABLE;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.u32(itemType).bytes(itemHash.unsafeArray());
    }
  }

  /** 5006 hello_message (spec/p2p.md §3.2). {@code inboundAddress} is the numeric IPv4 value. */
  record Hello(
      String userAgent,
      long coreProtocolVersion,
      int inboundAddress,
      int inboundPort,
      int outboundPort,
      Bytes nodePublicKey,
      Bytes signedSharedSecret,
      Bytes chainId,
      FcVariant.Obj userData)
      implements Message {
    public Hello {
      Objects.requireNonNull(userAgent);
      requireLength(nodePublicKey, 33, "node_public_key");
      requireLength(signedSharedSecret, 65, "signed_shared_secret");
      requireLength(chainId, 32, "chain_id");
      Objects.requireNonNull(userData);
    }

    @Override
    public long type() {
      return MessageType.HELLO;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.string(userAgent).u32(coreProtocolVersion).i32(inboundAddress).u16(inboundPort).u16(outboundPort);
      w.bytes(nodePublicKey.unsafeArray()).bytes(signedSharedSecret.unsafeArray()).bytes(chainId.unsafeArray());
      userData.writeBody(w);
    }

    /** node_id from user_data when present and valid hex, else empty (then node_public_key is the id). */
    public Optional<Bytes> userDataNodeId() {
      return userData.string("node_id").flatMap(Hello::parseNodeId);
    }

    /** fc's conversion: at most 66 hex chars, shorter input zero-fills the 33 bytes. */
    static Optional<Bytes> parseNodeId(String hex) {
      if (hex.length() > 66 || hex.length() % 2 != 0 || !io.graphyne.util.Hex.isHex(hex)) {
        return Optional.empty();
      }
      byte[] out = new byte[33];
      byte[] b = io.graphyne.util.Hex.decode(hex);
      System.arraycopy(b, 0, out, 0, b.length);
      return Optional.of(Bytes.wrap(out));
    }

    /** The id this peer is known by: user_data.node_id if usable, else node_public_key. */
    public Bytes peerNodeId() {
      return userDataNodeId().orElse(nodePublicKey);
    }
  }

  /** 5007 connection_accepted_message (empty). */
  record ConnectionAccepted() implements Message {
    @Override
    public long type() {
      return MessageType.CONNECTION_ACCEPTED;
    }

    @Override
    public void writePayload(FcWriter w) {}
  }

  /** 5008 connection_rejected_message; {@code reasonCode} keeps the raw byte. */
  record ConnectionRejected(
      String userAgent, long coreProtocolVersion, Endpoint remoteEndpoint, int reasonCode, String reasonString)
      implements Message {
    public ConnectionRejected {
      Objects.requireNonNull(userAgent);
      Objects.requireNonNull(remoteEndpoint);
      Objects.requireNonNull(reasonString);
    }

    public ConnectionRejected(
        String userAgent, long version, Endpoint remote, RejectionReason reason, String text) {
      this(userAgent, version, remote, reason.code(), text);
    }

    public RejectionReason reason() {
      return RejectionReason.of(reasonCode);
    }

    @Override
    public long type() {
      return MessageType.CONNECTION_REJECTED;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.string(userAgent).u32(coreProtocolVersion);
      remoteEndpoint.write(w);
      w.u8(reasonCode).string(reasonString);
    }
  }

  /** 5009 address_request_message (empty). */
  record AddressRequest() implements Message {
    @Override
    public long type() {
      return MessageType.ADDRESS_REQUEST;
    }

    @Override
    public void writePayload(FcWriter w) {}
  }

  /** One address_info entry of an address_message (53 bytes). */
  record AddressInfo(
      Endpoint remoteEndpoint, long lastSeenTime, long latencyMicros, Bytes nodeId, int direction, int firewalled) {
    public AddressInfo {
      Objects.requireNonNull(remoteEndpoint);
      requireLength(nodeId, 33, "node_id");
    }

    void write(FcWriter w) {
      remoteEndpoint.write(w);
      w.u32(lastSeenTime).i64(latencyMicros).bytes(nodeId.unsafeArray()).u8(direction).u8(firewalled);
    }
  }

  /** 5010 address_message. */
  record Address(List<AddressInfo> addresses) implements Message {
    public Address {
      addresses = List.copyOf(addresses);
    }

    @Override
    public long type() {
      return MessageType.ADDRESS;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.varint(addresses.size());
      for (AddressInfo a : addresses) {
        a.write(w);
      }
    }
  }

  /** fc::exception as packed in closing_connection (spec/p2p.md §0.1). */
  record FcException(long code, String name, String what, List<FcVariant> logMessages) {
    public FcException {
      Objects.requireNonNull(name);
      Objects.requireNonNull(what);
      logMessages = List.copyOf(logMessages);
    }

    void write(FcWriter w) {
      w.i64(code).string(name).string(what).varint(logMessages.size());
      for (FcVariant v : logMessages) {
        v.write(w);
      }
    }
  }

  /** 5011 closing_connection_message. */
  record ClosingConnection(String reasonForClosing, boolean closingDueToError, Optional<FcException> error)
      implements Message {
    public ClosingConnection {
      Objects.requireNonNull(reasonForClosing);
      Objects.requireNonNull(error);
    }

    public ClosingConnection(String reason) {
      this(reason, false, Optional.empty());
    }

    @Override
    public long type() {
      return MessageType.CLOSING_CONNECTION;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.string(reasonForClosing).bool(closingDueToError).bool(error.isPresent());
      error.ifPresent(e -> e.write(w));
    }
  }

  /** 5012 current_time_request_message (time_point = int64 µs). */
  record CurrentTimeRequest(long requestSentTime) implements Message {
    @Override
    public long type() {
      return MessageType.CURRENT_TIME_REQUEST;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.i64(requestSentTime);
    }
  }

  /** 5013 current_time_reply_message. */
  record CurrentTimeReply(long requestSentTime, long requestReceivedTime, long replyTransmittedTime)
      implements Message {
    @Override
    public long type() {
      return MessageType.CURRENT_TIME_REPLY;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.i64(requestSentTime).i64(requestReceivedTime).i64(replyTransmittedTime);
    }
  }

  /** 5014 check_firewall_message (old nodes only). */
  record CheckFirewall(Bytes nodeId, Endpoint endpointToCheck) implements Message {
    public CheckFirewall {
      requireLength(nodeId, 33, "node_id");
      Objects.requireNonNull(endpointToCheck);
    }

    @Override
    public long type() {
      return MessageType.CHECK_FIREWALL;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.bytes(nodeId.unsafeArray());
      endpointToCheck.write(w);
    }
  }

  /** 5015 check_firewall_reply_message; result 0 unable_to_check, 1 unable_to_connect, 2 ok. */
  record CheckFirewallReply(Bytes nodeId, Endpoint endpointChecked, int result) implements Message {
    public CheckFirewallReply {
      requireLength(nodeId, 33, "node_id");
      Objects.requireNonNull(endpointChecked);
    }

    @Override
    public long type() {
      return MessageType.CHECK_FIREWALL_REPLY;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.bytes(nodeId.unsafeArray());
      endpointChecked.write(w);
      w.u8(result);
    }
  }

  /** 5016 get_current_connections_request_message (empty). */
  record GetCurrentConnectionsRequest() implements Message {
    @Override
    public long type() {
      return MessageType.GET_CURRENT_CONNECTIONS_REQUEST;
    }

    @Override
    public void writePayload(FcWriter w) {}
  }

  /** One current_connection_data entry. */
  record CurrentConnectionData(
      long connectionDuration,
      Endpoint remoteEndpoint,
      Bytes nodeId,
      long clockOffset,
      long roundTripDelay,
      int connectionDirection,
      int firewalled,
      FcVariant.Obj userData) {
    public CurrentConnectionData {
      Objects.requireNonNull(remoteEndpoint);
      requireLength(nodeId, 33, "node_id");
      Objects.requireNonNull(userData);
    }

    void write(FcWriter w) {
      w.u32(connectionDuration);
      remoteEndpoint.write(w);
      w.bytes(nodeId.unsafeArray()).i64(clockOffset).i64(roundTripDelay).u8(connectionDirection).u8(firewalled);
      userData.writeBody(w);
    }
  }

  /** 5017 get_current_connections_reply_message. */
  record GetCurrentConnectionsReply(
      long uploadRateOneMinute,
      long downloadRateOneMinute,
      long uploadRateFifteenMinutes,
      long downloadRateFifteenMinutes,
      long uploadRateOneHour,
      long downloadRateOneHour,
      List<CurrentConnectionData> currentConnections)
      implements Message {
    public GetCurrentConnectionsReply {
      currentConnections = List.copyOf(currentConnections);
    }

    @Override
    public long type() {
      return MessageType.GET_CURRENT_CONNECTIONS_REPLY;
    }

    @Override
    public void writePayload(FcWriter w) {
      w.u32(uploadRateOneMinute).u32(downloadRateOneMinute).u32(uploadRateFifteenMinutes);
      w.u32(downloadRateFifteenMinutes).u32(uploadRateOneHour).u32(downloadRateOneHour);
      w.varint(currentConnections.size());
      for (CurrentConnectionData c : currentConnections) {
        c.write(w);
      }
    }
  }

  /** Any other type: kept raw (core types are ignored by the session; others are unsolicited). */
  record Unknown(long type, Bytes payload) implements Message {
    @Override
    public void writePayload(FcWriter w) {
      w.bytes(payload.unsafeArray());
    }
  }

  private static void requireLength(Bytes b, int n, String what) {
    Objects.requireNonNull(b, what);
    if (b.length() != n) {
      throw new IllegalArgumentException(what + " must be " + n + " bytes, got " + b.length());
    }
  }
}
