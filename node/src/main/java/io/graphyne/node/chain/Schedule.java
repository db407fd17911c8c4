package io.graphyne.node.chain;

import io.graphyne.chainstore.DynamicProperties;
import io.graphyne.protocol.ObjectId;
import java.util.ArrayList;
import java.util.List;

/**
 * Slot arithmetic (spec/authority.md §6.3) and the witness shuffle (§6.4), as pure functions of
 * the head state. Times are seconds since the epoch.
 */
public final class Schedule {
  private Schedule() {}

  /** The multiplier of bitshares-core's shuffle (xorshift* constant). */
  static final long SHUFFLE_MULTIPLIER = 2685821657736338717L;

  /**
   * Start of slot {@code n} (n &gt;= 1) after the head: {@code head_slot_time + (n + skip) *
   * interval}, skip = maintenance_skip_slots after a maintenance block; at block 0 it is {@code
   * genesis_time + n * interval}. Slot 0 is the head's own time.
   */
  public static long slotTime(DynamicProperties head, int interval, int maintenanceSkipSlots, long n) {
    if (n == 0) {
      return 0;
    }
    if (head.headBlockNumber() == 0) {
      return head.time() + n * interval;
    }
    long headSlotTime = Math.floorDiv(head.time(), interval) * (long) interval;
    long skip = head.maintenanceFlag() ? maintenanceSkipSlots : 0;
    return headSlotTime + (n + skip) * interval;
  }

  /** 0 if {@code t} is before slot 1, else the slot that contains {@code t}. */
  public static long slotAtTime(DynamicProperties head, int interval, int maintenanceSkipSlots, long t) {
    long first = slotTime(head, interval, maintenanceSkipSlots, 1);
    if (t < first) {
      return 0;
    }
    return (t - first) / interval + 1;
  }

  /** {@code current_shuffled_witnesses[(current_aslot + slot) mod size]}. */
  public static ObjectId scheduledWitness(DynamicProperties head, List<ObjectId> shuffled, long slot) {
    long a = head.currentAslot() + slot;
    return shuffled.get((int) Long.remainderUnsigned(a, shuffled.size()));
  }

  /**
   * bitshares-core's {@code update_witness_schedule} shuffle of the active witnesses (ascending id
   * order) seeded with the block time.
   */
  public static List<ObjectId> shuffle(List<ObjectId> activeWitnesses, long blockTimeSeconds) {
    List<ObjectId> list = new ArrayList<>(activeWitnesses);
    list.sort(null);
    int n = list.size();
    long nowHi = blockTimeSeconds << 32;
    for (int i = 0; i < n; i++) {
      long k = nowHi + (long) i * SHUFFLE_MULTIPLIER;
      k ^= k >>> 12;
      k ^= k << 25;
      k ^= k >>> 27;
      k *= SHUFFLE_MULTIPLIER;
      int jmax = n - i;
      int j = i + (int) Long.remainderUnsigned(k, jmax);
      ObjectId tmp = list.get(i);
      list.set(i, list.get(j));
      list.set(j, tmp);
    }
    return list;
  }

  /**
   * Next maintenance time after a maintenance block at {@code blockTime} (§6.5): for block 1 the
   * next multiple of the interval, else {@code old + (floor((blockTime - old) / interval) + 1) *
   * interval}.
   */
  public static long nextMaintenanceTime(long blockNum, long old, long blockTime, long interval) {
    if (blockNum == 1) {
      return (blockTime / interval + 1) * interval;
    }
    long y = (blockTime - old) / interval;
    return old + (y + 1) * interval;
  }

  /**
   * LIB candidate (§6.6): the value at position {@code floor(30% of n)} of the active witnesses'
   * last confirmed block numbers in ascending order.
   */
  public static long irreversibleCandidate(List<Long> lastConfirmed) {
    if (lastConfirmed.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(lastConfirmed);
    sorted.sort(null);
    int offset = (int) ((10000L - 7000L) * sorted.size() / 10000L);
    return sorted.get(offset);
  }
}
