package io.graphyne.chainstore;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.Objects;

/**
 * An account as the light node tracks it (spec/authority.md §7.1).
 *
 * @param specialAuthorityFlags bit 0: owner is a special (top-holders) authority, bit 1: active is;
 *     higher bits are the account's {@code top_n_control_flags}
 */
public record AccountRecord(
    ObjectId id,
    String name,
    Authority owner,
    Authority active,
    PublicKey memoKey,
    int specialAuthorityFlags) {

  public static final int SPECIAL_OWNER = 1;
  public static final int SPECIAL_ACTIVE = 2;

  public AccountRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(active, "active");
    Objects.requireNonNull(memoKey, "memoKey");
    if (!id.isType(ObjectId.PROTOCOL_SPACE, ObjectId.ACCOUNT_TYPE)) {
      throw new IllegalArgumentException("not an account id: " + id);
    }
  }
}
