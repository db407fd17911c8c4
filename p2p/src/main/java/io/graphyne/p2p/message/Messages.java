package io.graphyne.p2p.message;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.codec.DecodeException.Kind;
import io.graphyne.protocol.codec.FcReader;
import io.graphyne.protocol.codec.FcVariant;
import io.graphyne.protocol.codec.FcWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The codec between {@link RawMessage} payloads and typed {@link Message}s. Every decoder is
 * bounded by the payload it reads (counts are checked against the bytes left), and malformed input
 * raises only {@link DecodeException}. Like bitshares-core's {@code message::as<T>()}, trailing
 * bytes after a message are tolerated.
 */
public final class Messages {
  /** MAX_MESSAGE_SIZE: largest payload accepted or sent (2 MiB). */
  public static final int MAX_MESSAGE_SIZE = 2 * 1024 * 1024;
  /** Upper bound on any hash list (a 2 MiB payload holds fewer than this many 20-byte hashes). */
  public static final int MAX_HASHES = MAX_MESSAGE_SIZE / 20;
  /** Upper bound on address_info entries decoded from one message. */
  public static final int MAX_ADDRESSES = MAX_MESSAGE_SIZE / 53;
  /** Upper bound on log messages inside a closing_connection exception. */
  public static final int MAX_LOG_MESSAGES = 1000;

  private Messages() {}

  public static byte[] encodePayload(Message m) {
    FcWriter w = new FcWriter(64);
    m.writePayload(w);
    return w.toByteArray();
  }

  public static RawMessage toRaw(Message m) {
    return new RawMessage(m.type(), encodePayload(m));
  }

  public static Message decode(RawMessage raw) {
    return decode(raw.type(), raw.payload());
  }

  public static Message decode(long type, byte[] payload) {
    FcReader r = new FcReader(payload);
    try {
      return decode(type, payload, r);
    } catch (DecodeException e) {
      throw e.within(MessageType.name(type));
    } catch (RuntimeException e) {
      // a value the protocol types refuse (their constructors validate): still malformed input
      throw new DecodeException(DecodeException.Kind.INVALID_VALUE, r.position(), String.valueOf(e.getMessage()))
          .within(MessageType.name(type));
    }
  }

  private static List<Bytes> hashes(FcReader r) {
    int n = r.count(20, MAX_HASHES);
    List<Bytes> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Bytes.wrap(r.bytes(20)));
    }
    return out;
  }

  private static Message decode(long type, byte[] payload, FcReader r) {
    if (type == MessageType.TRX || type == MessageType.BLOCK) {
      return type == MessageType.TRX ? Message.Trx.read(r, payload) : Message.Block.read(r, payload);
    }
    switch ((int) type) {
      case MessageType.ITEM_IDS_INVENTORY:
        return new Message.ItemIdsInventory(r.u32(), hashes(r));
      case MessageType.BLOCKCHAIN_ITEM_IDS_INVENTORY:
        {
          long remaining = r.u32();
          long itemType = r.u32();
          return new Message.BlockchainItemIdsInventory(remaining, itemType, hashes(r));
        }
      case MessageType.FETCH_BLOCKCHAIN_ITEM_IDS:
        return new Message.FetchBlockchainItemIds(r.u32(), hashes(r));
      case MessageType.FETCH_ITEMS:
        return new Message.FetchItems(r.u32(), hashes(r));
      case MessageType.ITEM_NOT_AVAILABLE:
        return new Message.ItemNotAvailable(r.u32(), Bytes.wrap(r.bytes(20)));
      case MessageType.HELLO:
        {
          String ua = r.string();
          long version = r.u32();
          int addr = r.i32();
          int inPort = r.u16();
          int outPort = r.u16();
          Bytes key = Bytes.wrap(r.bytes(33));
          Bytes sig = Bytes.wrap(r.bytes(65));
          Bytes chain = Bytes.wrap(r.bytes(32));
          FcVariant.Obj ud;
          try {
            ud = FcVariant.Obj.readBody(r);
          } catch (DecodeException e) {
            throw e.within("user_data");
          }
          return new Message.Hello(ua, version, addr, inPort, outPort, key, sig, chain, ud);
        }
      case MessageType.CONNECTION_ACCEPTED:
        return new Message.ConnectionAccepted();
      case MessageType.CONNECTION_REJECTED:
        {
          String ua = r.string();
          long version = r.u32();
          Endpoint ep = Endpoint.read(r);
          int code = r.u8();
          return new Message.ConnectionRejected(ua, version, ep, code, r.string());
        }
      case MessageType.ADDRESS_REQUEST:
        return new Message.AddressRequest();
      case MessageType.ADDRESS:
        {
          int n = r.count(53, MAX_ADDRESSES);
          List<Message.AddressInfo> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            Endpoint ep = Endpoint.read(r);
            long seen = r.u32();
            long latency = r.i64();
            Bytes id = Bytes.wrap(r.bytes(33));
            list.add(new Message.AddressInfo(ep, seen, latency, id, r.u8(), r.u8()));
          }
          return new Message.Address(list);
        }
      case MessageType.CLOSING_CONNECTION:
        {
          String reason = r.string();
          boolean dueToError = r.bool();
          Optional<Message.FcException> error = Optional.empty();
          if (r.bool()) {
            long code = r.i64();
            String name = r.string();
            String what = r.string();
            int n = r.count(1, MAX_LOG_MESSAGES);
            List<FcVariant> logs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              logs.add(FcVariant.read(r));
            }
            error = Optional.of(new Message.FcException(code, name, what, logs));
          }
          return new Message.ClosingConnection(reason, dueToError, error);
        }
      case MessageType.CURRENT_TIME_REQUEST:
        return new Message.CurrentTimeRequest(r.i64());
      case MessageType.CURRENT_TIME_REPLY:
        return new Message.CurrentTimeReply(r.i64(), r.i64(), r.i64());
      case MessageType.CHECK_FIREWALL:
        return new Message.CheckFirewall(Bytes.wrap(r.bytes(33)), Endpoint.read(r));
      case MessageType.CHECK_FIREWALL_REPLY:
        return new Message.CheckFirewallReply(Bytes.wrap(r.bytes(33)), Endpoint.read(r), r.u8());
      case MessageType.GET_CURRENT_CONNECTIONS_REQUEST:
        return new Message.GetCurrentConnectionsRequest();
      case MessageType.GET_CURRENT_CONNECTIONS_REPLY:
        {
          long[] rates = new long[6];
          for (int i = 0; i < 6; i++) {
            rates[i] = r.u32();
          }
          // each entry is at least 4 + 6 + 33 + 8 + 8 + 1 + 1 + 1 bytes
          int n = r.count(62, MAX_ADDRESSES);
          List<Message.CurrentConnectionData> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            long duration = r.u32();
            Endpoint ep = Endpoint.read(r);
            Bytes id = Bytes.wrap(r.bytes(33));
            long offset = r.i64();
            long rtt = r.i64();
            int dir = r.u8();
            int fw = r.u8();
            list.add(new Message.CurrentConnectionData(duration, ep, id, offset, rtt, dir, fw, FcVariant.Obj.readBody(r)));
          }
          return new Message.GetCurrentConnectionsReply(
              rates[0], rates[1], rates[2], rates[3], rates[4], rates[5], list);
        }
      default:
        return new Message.Unknown(type, Bytes.of(payload));
    }
  }
}
