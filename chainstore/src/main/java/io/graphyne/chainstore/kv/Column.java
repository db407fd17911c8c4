package io.graphyne.chainstore.kv;

/**
 * The key spaces of the store. Each has a fixed one-byte id that is part of the on-disk format
 * (RocksDB column family names are derived from it); never renumber a column.
 */
public enum Column {
  /** Schema version, chain id, head pointer. */
  META(0),
  /** account id (8 bytes, packed object id) -> AccountPb. */
  ACCOUNTS(1),
  /** account name (UTF-8) -> account id. */
  ACCOUNT_NAMES(2),
  /** public key (33) || role (1) || account id (8) -> empty. */
  KEY_ACCOUNTS(3),
  /** witness id -> WitnessPb. */
  WITNESSES(4),
  /** implementation object id (2.0.0, 2.1.0, 2.12.0) -> properties record. */
  PROPERTIES(5),
  /** slot (u16, block number &amp; 0xffff) -> block id (20 bytes). */
  BLOCK_SUMMARY(6),
  /** transaction id (20) -> RecentTransactionPb. */
  RECENT_TX(7),
  /** expiration (8) || transaction id (20) -> empty. */
  RECENT_TX_BY_EXPIRATION(8),
  /** proposal id -> ProposalPb. */
  PROPOSALS(9),
  /** custom authority id -> CustomAuthorityPb. */
  CUSTOM_AUTHORITIES(10),
  /** block number (8) -> raw fc block bytes. */
  BLOCKS(11),
  /** block id (20) -> block number (8). */
  BLOCK_IDS(12),
  /** transaction id (20) -> TxLocationPb. */
  TX_LOCATIONS(13),
  /** block number (8) -> UndoRecordPb. */
  UNDO(14);

  private static final Column[] BY_ID = new Column[256];

  static {
    for (Column c : values()) {
      if (BY_ID[c.id] != null) {
        throw new ExceptionInInitializerError("duplicate column id " + c.id);
      }
      BY_ID[c.id] = c;
    }
  }

  private final int id;

  Column(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** The RocksDB column family name: {@code c<id>-<name>}. */
  public String familyName() {
    return "c" + id + "-" + name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Column byId(int id) {
    Column c = id >= 0 && id < 256 ? BY_ID[id] : null;
    if (c == null) {
      throw new IllegalArgumentException("unknown column id " + id);
    }
    return c;
  }
}
