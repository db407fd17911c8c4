package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.types.Authority;

/**
 * Read access to account authorities: the same checker runs on a map (tests), on the store (node)
 * and on a JSON dump (CLI). A null authority means "account unknown"; the checker treats it as not
 * satisfiable.
 */
public interface AuthorityView {
  Authority active(ObjectId account);

  Authority owner(ObjectId account);

  /** The account's name, or null when unknown. */
  default String name(ObjectId account) {
    return null;
  }

  /** The account id for a name, or null when unknown. */
  default ObjectId idOf(String name) {
    return null;
  }

  /** Resolves {@code 1.2.N} or a name; null when unknown. */
  default ObjectId resolve(String nameOrId) {
    if (nameOrId.matches("\\d+\\.\\d+\\.\\d+")) {
      return ObjectId.parse(nameOrId);
    }
    return idOf(nameOrId);
  }

  /** The authority of one role. */
  default Authority authority(ObjectId account, Role role) {
    return role == Role.OWNER ? owner(account) : active(account);
  }

  /** An account's two authority roles. */
  enum Role {
    ACTIVE,
    OWNER;

    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role parse(String s) {
      return switch (s.toLowerCase(java.util.Locale.ROOT)) {
        case "active" -> ACTIVE;
        case "owner" -> OWNER;
        default -> throw new IllegalArgumentException("role must be active or owner: " + s);
      };
    }
  }
}
