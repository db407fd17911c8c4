package io.graphyne.node.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphyne.chainstore.AccountRecord;
import io.graphyne.chainstore.BlockChanges;
import io.graphyne.chainstore.ChainParameters;
import io.graphyne.chainstore.ChainStore;
import io.graphyne.chainstore.DynamicProperties;
import io.graphyne.chainstore.GlobalProperties;
import io.graphyne.chainstore.WitnessRecord;
import io.graphyne.chainstore.WitnessSchedule;
import io.graphyne.crypto.Hashes;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.codec.JsonContext;
import io.graphyne.protocol.json.ProtocolJson;
import io.graphyne.protocol.types.Authority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chain's genesis state as bitshares-core reads it from a {@code genesis.json} (its {@code
 * genesis_state_type}). The chain id is SHA-256 of the file's exact bytes, as witness_node computes
 * it for {@code --genesis-json}; the {@code initial_chain_id} field inside some files is not the
 * chain id.
 *
 * <p>Only what a light node tracks is kept: the initial accounts (owner, active, memo = active
 * key), witness candidates and their signing keys, the number of initially active witnesses, the
 * chain parameters and the initial timestamp. Balances, assets and vesting balances are not
 * modelled (their checks are trusted to the block producers, spec/authority.md §6.8).
 *
 * <p>{@link #initialize(ChainStore)} writes the state bitshares-core's {@code init_genesis} makes:
 * the six special accounts 1.2.0-1.2.5, reserved instances up to {@code num_special_accounts},
 * the initial accounts in file order, witnesses 1.6.1.. for the candidates (1.6.0 is the reserved
 * null witness), active witnesses 1.6.1 .. 1.6.{@code initial_active_witnesses}, the unshuffled
 * schedule, and dynamic properties at the initial timestamp with {@code next_maintenance_time} 0
 * (so block 1 is always a maintenance block).
 */
public record Genesis(
    Bytes chainId,
    Instant initialTimestamp,
    ChainParameters parameters,
    io.graphyne.protocol.types.ChainParameters protocolParameters,
    List<InitialAccount> accounts,
    List<WitnessCandidate> witnessCandidates,
    int initialActiveWitnesses,
    int numSpecialAccounts,
    String addressPrefix) {

  /** Largest genesis file accepted (the real mainnet genesis is about 20 MB). */
  public static final int MAX_BYTES = 64 * 1024 * 1024;

  /** Names of the special accounts 1.2.0 .. 1.2.5 (bitshares-core {@code init_genesis}). */
  public static final List<String> SPECIAL_ACCOUNTS =
      List.of("committee-account", "witness-account", "relaxed-committee-account", "null-account", "temp-account", "proxy-to-self");

  /** The all-zero key bitshares-core uses as the memo key of the special accounts. */
  public static final PublicKey NULL_KEY = PublicKey.wrap(new byte[PublicKey.SIZE]);

  /** Counter names (see {@link io.graphyne.chainstore.BlockChanges#putCounter}). */
  public static final String NEXT_ACCOUNT = "next_account";
  public static final String NEXT_WITNESS = "next_witness";
  public static final String NEXT_PROPOSAL = "next_proposal";
  public static final String NEXT_CUSTOM_AUTHORITY = "next_custom_authority";

  public Genesis {
    accounts = List.copyOf(accounts);
    witnessCandidates = List.copyOf(witnessCandidates);
  }

  public record InitialAccount(String name, PublicKey ownerKey, PublicKey activeKey, boolean lifetimeMember) {}

  public record WitnessCandidate(String ownerName, PublicKey signingKey) {}

  /** Reads and parses a genesis file; the chain id is the hash of its bytes. */
  public static Genesis load(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException("genesis file " + file + " is " + size + " bytes, more than " + MAX_BYTES);
    }
    return parse(Files.readAllBytes(file));
  }

  /** A Graphene chain id: SHA-256 of the genesis file's exact bytes. */
  public static Bytes chainIdOf(byte[] genesisFileBytes) {
    return Bytes.wrap(Hashes.sha256(genesisFileBytes));
  }

  /**
   * Parses genesis JSON. Malformed input gives {@link DecodeException} (BAD_JSON) or
   * IllegalArgumentException naming the field.
   */
  public static Genesis parse(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("genesis is " + bytes.length + " bytes, more than " + MAX_BYTES);
    }
    Bytes chainId = chainIdOf(bytes);
    JsonNode root = ProtocolJson.parse(new String(bytes, StandardCharsets.UTF_8));
    if (!root.isObject()) {
      throw new IllegalArgumentException("genesis must be a JSON object");
    }
    Instant ts = time(required(root, "initial_timestamp").asText());
    String prefix = null;
    List<InitialAccount> accounts = new ArrayList<>();
    for (JsonNode a : array(root, "initial_accounts")) {
      String owner = required(a, "owner_key").asText();
      prefix = prefix == null ? prefixOf(owner) : prefix;
      accounts.add(
          new InitialAccount(
              required(a, "name").asText(),
              key(owner),
              key(required(a, "active_key").asText()),
              a.path("is_lifetime_member").asBoolean(false)));
    }
    List<WitnessCandidate> witnesses = new ArrayList<>();
    for (JsonNode w : array(root, "initial_witness_candidates")) {
      String k = required(w, "block_signing_key").asText();
      prefix = prefix == null ? prefixOf(k) : prefix;
      witnesses.add(new WitnessCandidate(required(w, "owner_name").asText(), key(k)));
    }
    int active = required(root, "initial_active_witnesses").asInt();
    if (active < 1 || active > witnesses.size()) {
      throw new IllegalArgumentException(
          "initial_active_witnesses " + active + " must be 1.." + witnesses.size() + " (the witness candidates)");
    }
    JsonNode params = required(root, "initial_parameters");
    io.graphyne.protocol.types.ChainParameters protocolParams = null;
    Bytes raw = Bytes.EMPTY;
    try {
      protocolParams = ProtocolJson.fromJson(io.graphyne.protocol.types.ChainParameters.class, params, new JsonContext(prefix == null ? "BTS" : prefix));
      raw = Bytes.wrap(Codecs.encode(protocolParams));
    } catch (RuntimeException e) {
      // e.g. "extensions": [] in old files; the scalar parameters below are still read.
      protocolParams = null;
    }
    ChainParameters cp = parameters(params, raw);
    int numSpecial = root.path("immutable_parameters").path("num_special_accounts").asInt(0);
    return new Genesis(chainId, ts, cp, protocolParams, accounts, witnesses, active, numSpecial, prefix == null ? "BTS" : prefix);
  }

  /** The light node's chain parameters from a {@code chain_parameters} JSON object. */
  public static ChainParameters parameters(JsonNode p, Bytes raw) {
    return new ChainParameters(
        p.path("block_interval").asInt(5),
        p.path("maintenance_interval").asLong(86400),
        p.path("maintenance_skip_slots").asInt(3),
        p.path("maximum_transaction_size").asLong(2048),
        p.path("maximum_block_size").asLong(2_000_000),
        p.path("maximum_time_until_expiration").asLong(86400),
        p.path("maximum_proposal_lifetime").asLong(2419200),
        p.path("committee_proposal_review_period").asLong(1209600),
        p.path("maximum_authority_membership").asInt(10),
        p.path("max_authority_depth").asInt(2),
        raw);
  }

  /** The light node's chain parameters from the protocol record (committee parameter updates). */
  public static ChainParameters parameters(io.graphyne.protocol.types.ChainParameters p) {
    return new ChainParameters(
        p.blockInterval(),
        p.maintenanceInterval(),
        p.maintenanceSkipSlots(),
        p.maximumTransactionSize(),
        p.maximumBlockSize(),
        p.maximumTimeUntilExpiration(),
        p.maximumProposalLifetime(),
        p.committeeProposalReviewPeriod(),
        p.maximumAuthorityMembership(),
        p.maxAuthorityDepth(),
        Bytes.wrap(Codecs.encode(p)));
  }

  /** Account id of an initial account by position in the file. */
  public ObjectId initialAccountId(int index) {
    return ObjectId.account(firstInitialAccountInstance() + index);
  }

  /** First instance after the special and reserved accounts. */
  public long firstInitialAccountInstance() {
    return Math.max(SPECIAL_ACCOUNTS.size(), numSpecialAccounts);
  }

  /** The initially active witnesses 1.6.1 .. 1.6.n. */
  public List<ObjectId> activeWitnessIds() {
    List<ObjectId> out = new ArrayList<>();
    for (int i = 1; i <= initialActiveWitnesses; i++) {
      out.add(ObjectId.witness(i));
    }
    return out;
  }

  /**
   * Writes the genesis state into an empty store (block 0). Throws if the store already holds
   * state or the genesis names unknown witness owners.
   */
  public void initialize(ChainStore store) {
    if (!store.chainId().equals(chainId)) {
      throw new IllegalArgumentException("store is for chain " + store.chainId().toHex() + ", genesis is " + chainId.toHex());
    }
    try (BlockChanges g = store.beginGenesis()) {
      Map<String, ObjectId> byName = new HashMap<>();
      for (int i = 0; i < SPECIAL_ACCOUNTS.size(); i++) {
        long threshold = i == 4 ? 0 : 1; // temp-account: threshold 0
        Authority a = new Authority(threshold, Map.of(), Map.of(), Map.of());
        ObjectId id = ObjectId.account(i);
        g.putAccount(new AccountRecord(id, SPECIAL_ACCOUNTS.get(i), a, a, NULL_KEY, 0));
        byName.put(SPECIAL_ACCOUNTS.get(i), id);
      }
      for (int i = 0; i < accounts.size(); i++) {
        InitialAccount a = accounts.get(i);
        ObjectId id = initialAccountId(i);
        if (byName.putIfAbsent(a.name(), id) != null) {
          throw new IllegalArgumentException("genesis account name '" + a.name() + "' appears twice");
        }
        g.putAccount(new AccountRecord(id, a.name(), Authority.singleKey(a.ownerKey()), Authority.singleKey(a.activeKey()), a.activeKey(), 0));
      }
      for (int i = 0; i < witnessCandidates.size(); i++) {
        WitnessCandidate w = witnessCandidates.get(i);
        ObjectId owner = byName.get(w.ownerName());
        if (owner == null) {
          throw new IllegalArgumentException("witness candidate owner '" + w.ownerName() + "' is not a genesis account");
        }
        g.putWitness(new WitnessRecord(ObjectId.witness(i + 1), owner, w.signingKey(), 0));
      }
      List<ObjectId> active = activeWitnessIds();
      g.putGlobalProperties(new GlobalProperties(parameters, Optional.empty(), active));
      byte[] filled = new byte[16];
      Arrays.fill(filled, (byte) 0xff);
      g.putDynamicProperties(
          new DynamicProperties(0, Bytes.zeros(20), initialTimestamp.getEpochSecond(), 0, 0, false, 0, Bytes.wrap(filled)));
      g.putWitnessSchedule(new WitnessSchedule(active));
      g.putCounter(NEXT_ACCOUNT, firstInitialAccountInstance() + accounts.size());
      g.putCounter(NEXT_WITNESS, witnessCandidates.size() + 1L);
      g.putCounter(NEXT_PROPOSAL, 0);
      g.putCounter(NEXT_CUSTOM_AUTHORITY, 0);
      g.commit();
    }
  }

  /** Parses bitshares-core's {@code time_point_sec} JSON form (UTC, no zone). */
  public static Instant time(String s) {
    String t = s.endsWith("Z") ? s.substring(0, s.length() - 1) : s;
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a time: '" + s + "'");
    }
  }

  private static PublicKey key(String text) {
    return PublicKey.parse(text, null);
  }

  /** The address prefix of a key in text form: the letter run that leaves a valid key body. */
  static String prefixOf(String key) {
    int letters = 0;
    while (letters < key.length() && Character.isLetter(key.charAt(letters))) {
      letters++;
    }
    for (int i = 1; i <= letters; i++) {
      try {
        PublicKey.parse(key, key.substring(0, i));
        return key.substring(0, i);
      } catch (IllegalArgumentException e) {
        // try a longer prefix
      }
    }
    throw new IllegalArgumentException("not a public key: '" + key + "'");
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("genesis field '" + field + "' is missing");
    }
    return v;
  }

  private static Iterable<JsonNode> array(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException("genesis field '" + field + "' must be an array");
    }
    return v;
  }
}
