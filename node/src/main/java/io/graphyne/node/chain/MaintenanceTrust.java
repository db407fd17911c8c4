package io.graphyne.node.chain;

import io.graphyne.chainstore.GlobalProperties;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.types.Authority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trusted source of vote-derived state at maintenance (spec/authority.md §7.3): the new active
 * witness set and the active authorities of 1.2.0 / 1.2.1 / 1.2.2 and top-holder accounts. A light
 * node cannot tally votes; it takes these from a snapshot or a configured full node and
 * cross-checks them against production (every later block's witness must match the shuffle).
 */
public interface MaintenanceTrust {
  /**
   * What the source says holds after the maintenance of block {@code blockNum}: the active set, the
   * vote-derived and top-holder active authorities, and the top-holder owner authorities (accounts
   * whose {@code owner_special_authority} is a top-holders one).
   */
  record Snapshot(List<ObjectId> activeWitnesses, Map<ObjectId, Authority> activeAuthorities, Map<ObjectId, Authority> ownerAuthorities) {
    public Snapshot {
      activeWitnesses = List.copyOf(activeWitnesses);
      activeAuthorities = Map.copyOf(activeAuthorities);
      ownerAuthorities = Map.copyOf(ownerAuthorities);
    }

    public Snapshot(List<ObjectId> activeWitnesses, Map<ObjectId, Authority> activeAuthorities) {
      this(activeWitnesses, activeAuthorities, Map.of());
    }
  }

  /**
   * The snapshot after maintenance at this block, or empty when the source does not cover it (the
   * controller then keeps the last known values, or learns the set from production when {@link
   * ChainController.Options#witnessSetFromProduction()} is on). A snapshot with an empty witness
   * list covers only the authorities.
   */
  Optional<Snapshot> afterMaintenance(long blockNum, Instant blockTime, GlobalProperties current);

  /** Where the values come from, for verdicts and logs. */
  String source();

  /** The first source that covers a maintenance (for a snapshot file plus a full node). */
  static MaintenanceTrust firstOf(List<MaintenanceTrust> sources) {
    List<MaintenanceTrust> list = List.copyOf(sources);
    return new MaintenanceTrust() {
      @Override
      public Optional<Snapshot> afterMaintenance(long blockNum, Instant blockTime, GlobalProperties current) {
        for (MaintenanceTrust t : list) {
          Optional<Snapshot> s = t.afterMaintenance(blockNum, blockTime, current);
          if (s.isPresent()) {
            return s;
          }
        }
        return Optional.empty();
      }

      @Override
      public String source() {
        return String.join(", then ", list.stream().map(MaintenanceTrust::source).toList());
      }
    };
  }

  /**
   * Covers nothing: the controller keeps the genesis (or last known) active set, which is right
   * for chains whose witnesses do not change, or learns it from production when told to.
   */
  MaintenanceTrust KEEP_LAST_KNOWN = new MaintenanceTrust() {
    @Override
    public Optional<Snapshot> afterMaintenance(long blockNum, Instant blockTime, GlobalProperties current) {
      return Optional.empty();
    }

    @Override
    public String source() {
      return "last-known (genesis)";
    }
  };
}
