package io.graphyne.chainstore;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.codec.FcReader;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A custom active authority 1.17.N (BSIP40); restrictions kept as fc::raw bytes
 * ({@code vector<restriction>} in id order). As in bitshares-core's {@code custom_authority_object}
 * ({@code flat_map<uint16_t, restriction> restrictions; uint16_t restriction_counter}), each
 * restriction has an id: {@code restrictionIds} holds them in the same order (strictly
 * increasing), {@code restrictionCounter} is the next id to hand out (uint16).
 */
public record CustomAuthorityRecord(
    ObjectId id,
    ObjectId account,
    boolean enabled,
    long validFrom,
    long validTo,
    int operationType,
    Authority auth,
    Bytes restrictions,
    List<Integer> restrictionIds,
    int restrictionCounter) {
  public CustomAuthorityRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(restrictions, "restrictions");
    restrictionIds = List.copyOf(restrictionIds);
    if (restrictionCounter < 0 || restrictionCounter > 0xffff) {
      throw new IllegalArgumentException("restriction counter " + restrictionCounter + " is not a uint16");
    }
    int prev = -1;
    for (int rid : restrictionIds) {
      if (rid <= prev || rid > 0xffff) {
        throw new IllegalArgumentException("restriction ids must be increasing uint16 values: " + restrictionIds);
      }
      prev = rid;
    }
  }

  /**
   * A record whose restrictions were never updated: ids 0..n-1 and counter n, n read from the
   * bytes' leading vector size (the store does not otherwise look into them; bytes that do not
   * start with a size of at most 65535 get no ids).
   */
  public CustomAuthorityRecord(ObjectId id, ObjectId account, boolean enabled, long validFrom, long validTo,
      int operationType, Authority auth, Bytes restrictions) {
    this(id, account, enabled, validFrom, validTo, operationType, auth, restrictions,
        firstIds(leadingCount(restrictions)), leadingCount(restrictions));
  }

  static List<Integer> firstIds(int n) {
    List<Integer> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(i);
    }
    return ids;
  }

  /** The element count of an fc::raw vector (its leading unsigned varint), 0 when absent or above 65535. */
  static int leadingCount(Bytes raw) {
    try {
      long v = new FcReader(raw.unsafeArray()).varint();
      return v <= 0xffff ? (int) v : 0;
    } catch (DecodeException e) {
      return 0;
    }
  }
}
