package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.types.Authority;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** An immutable {@link AuthorityView} over a set of accounts. */
public final class MapAuthorityView implements AuthorityView {
  private final Map<ObjectId, AccountAuthorities> byId;
  private final Map<String, ObjectId> byName;

  public MapAuthorityView(Collection<AccountAuthorities> accounts) {
    Map<ObjectId, AccountAuthorities> ids = new TreeMap<>();
    Map<String, ObjectId> names = new HashMap<>();
    for (AccountAuthorities a : accounts) {
      ids.put(a.id(), a);
      if (a.name() != null) {
        names.put(a.name(), a.id());
      }
    }
    this.byId = Collections.unmodifiableMap(ids);
    this.byName = Collections.unmodifiableMap(names);
  }

  /** Accounts in id order. */
  public Collection<AccountAuthorities> accounts() {
    return byId.values();
  }

  public AccountAuthorities get(ObjectId id) {
    return byId.get(id);
  }

  /**
   * Which accounts list a key directly, as {@code "name role"} (or {@code "1.2.N role"}), sorted;
   * for labelling keys in analysis output.
   */
  public java.util.List<String> holders(io.graphyne.protocol.PublicKey key) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (AccountAuthorities a : byId.values()) {
      String who = a.name() == null ? a.id().toString() : a.name();
      if (a.active() != null && a.active().keyAuths().containsKey(key)) {
        out.add(who + " active");
      }
      if (a.owner() != null && a.owner().keyAuths().containsKey(key)) {
        out.add(who + " owner");
      }
    }
    return out;
  }

  /** A copy with one account added or replaced. */
  public MapAuthorityView with(AccountAuthorities account) {
    Map<ObjectId, AccountAuthorities> m = new TreeMap<>(byId);
    m.put(account.id(), account);
    return new MapAuthorityView(m.values());
  }

  @Override
  public Authority active(ObjectId account) {
    AccountAuthorities a = byId.get(account);
    return a == null ? null : a.active();
  }

  @Override
  public Authority owner(ObjectId account) {
    AccountAuthorities a = byId.get(account);
    return a == null ? null : a.owner();
  }

  @Override
  public String name(ObjectId account) {
    AccountAuthorities a = byId.get(account);
    return a == null ? null : a.name();
  }

  @Override
  public ObjectId idOf(String name) {
    return byName.get(name);
  }
}
