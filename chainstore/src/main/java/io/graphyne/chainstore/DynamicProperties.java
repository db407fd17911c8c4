package io.graphyne.chainstore;

import io.graphyne.protocol.Bytes;
import java.util.Objects;

/** Dynamic global properties 2.1.0 (times are seconds since the epoch). */
public record DynamicProperties(
    long headBlockNumber,
    Bytes headBlockId,
    long time,
    long currentAslot,
    long nextMaintenanceTime,
    boolean maintenanceFlag,
    long lastIrreversibleBlockNum,
    Bytes recentSlotsFilled) {
  public DynamicProperties {
    Objects.requireNonNull(headBlockId, "headBlockId");
    Objects.requireNonNull(recentSlotsFilled, "recentSlotsFilled");
  }
}
