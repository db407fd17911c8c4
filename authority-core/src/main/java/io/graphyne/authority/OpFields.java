package io.graphyne.authority;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.types.Authority;
import java.util.List;

/**
 * Field access to one operation by bitshares-core field names, so that one requirement table
 * serves operation records and their JSON form alike. Paths are dotted ({@code
 * extensions.buyback_options.asset_to_buy_issuer}); a missing optional reads as absent.
 */
public interface OpFields {
  /** An {@code account_id_type} field. */
  ObjectId account(String path);

  /** Any object-id field ({@code proposal_id_type}, ...). */
  ObjectId id(String path);

  /** A {@code flat_set<account_id_type>} field (empty when absent). */
  List<ObjectId> accounts(String path);

  /** A {@code public_key_type} field. */
  PublicKey key(String path);

  /** A {@code flat_set<public_key_type>} field (empty when absent). */
  List<PublicKey> keys(String path);

  /** Whether an optional field (or extension member) is present. */
  boolean present(String path);

  /** For a vector of structs, the authority field of each element ({@code inputs[i].owner}). */
  List<Authority> authorities(String listPath, String field);

  /** Field access to an operation held by an {@link OpRequirement} (a record or its JSON body). */
  static OpFields of(Object op) {
    if (op instanceof com.fasterxml.jackson.databind.JsonNode j) {
      return new JsonOpFields(j);
    }
    if (op != null && op.getClass().isRecord()) {
      return new RecordOpFields(op);
    }
    throw new IllegalArgumentException("no operation attached");
  }
}
