package io.graphyne.p2p.message;

/** Message type ids of bitshares-core's net library (spec/p2p.md §3.1). */
public final class MessageType {
  private MessageType() {}

  public static final int TRX = 1000;
  public static final int BLOCK = 1001;
  public static final int CORE_FIRST = 5000;
  public static final int ITEM_IDS_INVENTORY = 5001;
  public static final int BLOCKCHAIN_ITEM_IDS_INVENTORY = 5002;
  public static final int FETCH_BLOCKCHAIN_ITEM_IDS = 5003;
  public static final int FETCH_ITEMS = 5004;
  public static final int ITEM_NOT_AVAILABLE = 5005;
  public static final int HELLO = 5006;
  public static final int CONNECTION_ACCEPTED = 5007;
  public static final int CONNECTION_REJECTED = 5008;
  public static final int ADDRESS_REQUEST = 5009;
  public static final int ADDRESS = 5010;
  public static final int CLOSING_CONNECTION = 5011;
  public static final int CURRENT_TIME_REQUEST = 5012;
  public static final int CURRENT_TIME_REPLY = 5013;
  public static final int CHECK_FIREWALL = 5014;
  public static final int CHECK_FIREWALL_REPLY = 5015;
  public static final int GET_CURRENT_CONNECTIONS_REQUEST = 5016;
  public static final int GET_CURRENT_CONNECTIONS_REPLY = 5017;
  public static final int CORE_LAST = 5099;

  /** True for the core range 5000..5099 that a node ignores when it does not know the type. */
  public static boolean isCore(long type) {
    return type >= CORE_FIRST && type <= CORE_LAST;
  }

  public static String name(long type) {
    return switch ((int) type) {
      case TRX -> "trx";
      case BLOCK -> "block";
      case ITEM_IDS_INVENTORY -> "item_ids_inventory";
      case BLOCKCHAIN_ITEM_IDS_INVENTORY -> "blockchain_item_ids_inventory";
      case FETCH_BLOCKCHAIN_ITEM_IDS -> "fetch_blockchain_item_ids";
      case FETCH_ITEMS -> "fetch_items";
      case ITEM_NOT_AVAILABLE -> "item_not_available";
      case HELLO -> "hello";
      case CONNECTION_ACCEPTED -> "connection_accepted";
      case CONNECTION_REJECTED -> "connection_rejected";
      case ADDRESS_REQUEST -> "address_request";
      case ADDRESS -> "address";
      case CLOSING_CONNECTION -> "closing_connection";
      case CURRENT_TIME_REQUEST -> "current_time_request";
      case CURRENT_TIME_REPLY -> "current_time_reply";
      case CHECK_FIREWALL -> "check_firewall";
      case CHECK_FIREWALL_REPLY -> "check_firewall_reply";
      case GET_CURRENT_CONNECTIONS_REQUEST -> "get_current_connections_request";
      case GET_CURRENT_CONNECTIONS_REPLY -> "get_current_connections_reply";
      default -> "type_" + type;
    };
  }
}
