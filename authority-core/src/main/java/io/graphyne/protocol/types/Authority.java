package io.graphyne.protocol.types;

import io.graphyne.protocol.Address;
import io.graphyne.protocol.Fc;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.codec.Canonical;
import java.util.Map;

/**
 * {@code authority}: a threshold and weighted members. Maps iterate in bitshares-core's order
 * (accounts by id, keys by address, addresses by bytes), which the authority check depends on.
 */
public record Authority(
    @Fc(name = "weight_threshold", type = "uint32_t") long weightThreshold,
    @Fc(name = "account_auths", type = "flat_map<account_id_type,weight_type>") Map<ObjectId, Integer> accountAuths,
    @Fc(name = "key_auths", type = "flat_map<public_key_type,weight_type>") Map<PublicKey, Integer> keyAuths,
    @Fc(name = "address_auths", type = "flat_map<address,weight_type>") Map<Address, Integer> addressAuths) {

  public Authority {
    accountAuths = Canonical.sortedMap(accountAuths);
    keyAuths = Canonical.sortedMap(keyAuths);
    addressAuths = Canonical.sortedMap(addressAuths);
  }

  /** Threshold 1, one key of weight 1. */
  public static Authority singleKey(PublicKey key) {
    return new Authority(1, Map.of(), Map.of(key, 1), Map.of());
  }
}
