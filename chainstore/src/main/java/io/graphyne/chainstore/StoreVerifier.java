package io.graphyne.chainstore;

import io.graphyne.chainstore.kv.Column;
import io.graphyne.chainstore.kv.KvCursor;
import io.graphyne.chainstore.kv.KvReader;
import io.graphyne.chainstore.kv.Keys;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Re-checks the secondary indexes and history links against the primary records. */
public final class StoreVerifier {
  /** The kinds of inconsistency {@link #verify} reports. */
  public enum ProblemKind {
    UNDECODABLE_RECORD,
    NAME_INDEX_MISSING,
    NAME_INDEX_DANGLING,
    KEY_INDEX_MISSING,
    KEY_INDEX_DANGLING,
    RECENT_TX_INDEX_MISSING,
    RECENT_TX_INDEX_DANGLING,
    BLOCK_ID_DANGLING,
    TX_LOCATION_DANGLING,
    HEAD_BLOCK_MISSING,
    UNDO_RECORD_MISSING
  }

  public record Problem(ProblemKind kind, String detail) {}

  /**
   * @param checked number of records and index entries examined
   * @param problems the first {@link #MAX_PROBLEMS} problems found
   * @param problemCount all problems found
   */
  public record Report(long checked, List<Problem> problems, long problemCount) {
    public boolean ok() {
      return problemCount == 0;
    }
  }

  public static final int MAX_PROBLEMS = 1000;

  private final List<Problem> problems = new ArrayList<>();
  private long problemCount;
  private long checked;

  private StoreVerifier() {}

  public static Report verify(StateReader state) {
    StoreVerifier v = new StoreVerifier();
    v.run(state);
    return new Report(v.checked, List.copyOf(v.problems), v.problemCount);
  }

  private void problem(ProblemKind kind, String detail) {
    problemCount++;
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(kind, detail));
    }
  }

  private void run(StateReader state) {
    KvReader kv = state.kv();
    // accounts -> name and key indexes
    long namesFound = 0;
    long keyEntriesFound = 0;
    try (KvCursor c = kv.iterate(Column.ACCOUNTS, null, null)) {
      while (c.next()) {
        checked++;
        AccountRecord a;
        try {
          a = Protos.fromPb(Schema.ACCOUNTS.values().decode(c.value()));
        } catch (ChainStoreException e) {
          problem(ProblemKind.UNDECODABLE_RECORD, "account key " + Bytes.wrap(c.key()).toHex() + ": " + e.getMessage());
          continue;
        }
        ObjectId named = kv.get(Schema.ACCOUNT_NAMES, a.name());
        if (!a.id().equals(named)) {
          problem(ProblemKind.NAME_INDEX_MISSING, a.id() + " '" + a.name() + "' -> " + named);
        } else {
          namesFound++;
        }
        for (byte[] k : BlockChanges.indexKeys(a)) {
          if (kv.get(Column.KEY_ACCOUNTS, k) == null) {
            problem(ProblemKind.KEY_INDEX_MISSING, a.id() + " key entry " + Bytes.wrap(k).toHex());
          } else {
            keyEntriesFound++;
          }
        }
      }
    }
    // Index entries found from the accounts are distinct, so when an index holds exactly that many
    // entries none can be dangling; only otherwise is every entry looked at (slow path).
    boolean namesExact = kv.count(Column.ACCOUNT_NAMES) == namesFound;
    boolean keysExact = kv.count(Column.KEY_ACCOUNTS) == keyEntriesFound;
    checked += namesFound + keyEntriesFound;
    // name index -> accounts
    if (!namesExact) {
      try (KvCursor c = kv.iterate(Column.ACCOUNT_NAMES, null, null)) {
        while (c.next()) {
          checked++;
          String name = Schema.ACCOUNT_NAMES.keys().decode(c.key());
          ObjectId id = Schema.ACCOUNT_NAMES.values().decode(c.value());
          Optional<AccountRecord> a = loadQuietly(state, id);
          if (a.isEmpty() || !a.get().name().equals(name)) {
            problem(ProblemKind.NAME_INDEX_DANGLING, "'" + name + "' -> " + id);
          }
        }
      }
    }
    // key index -> accounts
    if (!keysExact) {
      try (KvCursor c = kv.iterate(Column.KEY_ACCOUNTS, null, null)) {
        while (c.next()) {
          checked++;
          byte[] k = c.key();
          if (k.length != PublicKey.SIZE + 9) {
            problem(ProblemKind.KEY_INDEX_DANGLING, "malformed key entry " + Bytes.wrap(k).toHex());
            continue;
          }
          ObjectId id = ObjectId.fromNumber(Keys.getU64(k, PublicKey.SIZE + 1));
          Optional<AccountRecord> a = loadQuietly(state, id);
          boolean ok =
              a.isPresent()
                  && BlockChanges.indexKeys(a.get()).stream().anyMatch(x -> Arrays.equals(x, k));
          if (!ok) {
            problem(ProblemKind.KEY_INDEX_DANGLING, Bytes.wrap(k).toHex());
          }
        }
      }
    }
    // recent transactions <-> expiration index
    try (KvCursor c = kv.iterate(Column.RECENT_TX, null, null)) {
      while (c.next()) {
        checked++;
        long exp = Schema.RECENT_TX.values().decode(c.value()).getExpiration();
        if (kv.get(Column.RECENT_TX_BY_EXPIRATION, Schema.expirationKey(exp, Bytes.wrap(c.key()))) == null) {
          problem(ProblemKind.RECENT_TX_INDEX_MISSING, Bytes.wrap(c.key()).toHex());
        }
      }
    }
    try (KvCursor c = kv.iterate(Column.RECENT_TX_BY_EXPIRATION, null, null)) {
      while (c.next()) {
        checked++;
        byte[] k = c.key();
        var rec = k.length <= 8 ? null : kv.get(Schema.RECENT_TX, Bytes.wrap(Arrays.copyOfRange(k, 8, k.length)));
        if (rec == null || rec.getExpiration() != Keys.getU64(k, 0)) {
          problem(ProblemKind.RECENT_TX_INDEX_DANGLING, Bytes.wrap(k).toHex());
        }
      }
    }
    // history links
    try (KvCursor c = kv.iterate(Column.BLOCK_IDS, null, null)) {
      while (c.next()) {
        checked++;
        long num = Schema.BLOCK_IDS.values().decode(c.value());
        if (kv.get(Column.BLOCKS, Keys.u64(num)) == null) {
          problem(ProblemKind.BLOCK_ID_DANGLING, Bytes.wrap(c.key()).toHex() + " -> " + num);
        }
      }
    }
    try (KvCursor c = kv.iterate(Column.TX_LOCATIONS, null, null)) {
      while (c.next()) {
        checked++;
        long num = Schema.TX_LOCATIONS.values().decode(c.value()).getBlockNum();
        if (kv.get(Column.BLOCKS, Keys.u64(num)) == null) {
          problem(ProblemKind.TX_LOCATION_DANGLING, Bytes.wrap(c.key()).toHex() + " -> block " + num);
        }
      }
    }
    Head head = state.head();
    if (head.blockNum() > 0) {
      checked++;
      byte[] raw = kv.get(Column.BLOCKS, Keys.u64(head.blockNum()));
      Long byId = kv.get(Schema.BLOCK_IDS, head.blockId());
      if (raw == null || byId == null || byId != head.blockNum()) {
        problem(ProblemKind.HEAD_BLOCK_MISSING, "head " + head.blockNum() + " " + head.blockId().toHex());
      }
    }
    for (long n = head.lastIrreversibleBlockNum() + 1; n <= head.blockNum(); n++) {
      checked++;
      if (kv.get(Column.UNDO, Keys.u64(n)) == null) {
        problem(ProblemKind.UNDO_RECORD_MISSING, "block " + n);
      }
    }
  }

  private Optional<AccountRecord> loadQuietly(StateReader state, ObjectId id) {
    try {
      return state.loadAccount(id);
    } catch (ChainStoreException e) {
      return Optional.empty();
    }
  }
}
