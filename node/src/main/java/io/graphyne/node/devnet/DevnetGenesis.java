package io.graphyne.node.devnet;

import io.graphyne.node.genesis.Genesis;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.graphyne.protocol.Address;
import io.graphyne.protocol.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a devnet genesis.json in bitshares-core's {@code genesis_state_type} format (the same
 * fields and layout as a private chain started by a bitshares-core witness_node): a few witnesses
 * {@code init0..} (lifetime members, also committee candidates), the registrar {@code nathan} with
 * the core supply's balance at the address of its active key, every key derived from a seed
 * ({@link DevnetKeys}). The chain id is the sha256 of the file's bytes.
 */
public final class DevnetGenesis {
  /** The registrar account: creates the seeds' accounts and funds them. */
  public static final String REGISTRAR = "nathan";
  public static final long MAX_CORE_SUPPLY = 1_000_000_000_000_000L;
  public static final long REGISTRAR_BALANCE = 100_000_000_000_000L;
  /** bitshares-core creates 1.2.0..1.2.5 (committee, witness, relaxed, null, temp, proxy) first. */
  public static final int FIRST_GENESIS_ACCOUNT = 6;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  /** The generated file and what a node needs to know about it. */
  public record Generated(byte[] bytes, Bytes chainId, Instant initialTimestamp, List<String> witnesses,
      List<String> accounts, int blockInterval) {

    /** Object id instance of a genesis account (witnesses first, then the registrar). */
    public long accountInstance(String name) {
      int i = accounts.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException("not a genesis account: " + name);
      }
      return FIRST_GENESIS_ACCOUNT + i;
    }
  }

  private DevnetGenesis() {}

  public static List<String> witnessNames(int count) {
    List<String> w = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      w.add("init" + i);
    }
    return w;
  }

  /**
   * @param start the genesis timestamp (truncated to a multiple of the block interval)
   * @param witnesses how many witnesses (1..21)
   * @param blockInterval seconds between blocks (1..30)
   */
  public static Generated generate(Instant start, int witnesses, int blockInterval) {
    if (witnesses < 1 || witnesses > 21) {
      throw new IllegalArgumentException("witnesses must be 1..21");
    }
    if (blockInterval < 1 || blockInterval > 30) {
      throw new IllegalArgumentException("block interval must be 1..30 s");
    }
    long t = start.getEpochSecond() / blockInterval * blockInterval;
    Instant ts = Instant.ofEpochSecond(t);
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode g = f.objectNode();
    g.put("initial_timestamp", TIME.format(ts));
    g.put("max_core_supply", Long.toString(MAX_CORE_SUPPLY));
    g.set("initial_parameters", parameters(f, blockInterval));
    List<String> names = witnessNames(witnesses);
    List<String> accounts = new ArrayList<>(names);
    accounts.add(REGISTRAR);
    ArrayNode acc = g.putArray("initial_accounts");
    for (String n : accounts) {
      ObjectNode a = acc.addObject();
      a.put("name", n);
      a.put("owner_key", DevnetKeys.text(DevnetKeys.owner(n).publicKey()));
      a.put("active_key", DevnetKeys.text(DevnetKeys.active(n).publicKey()));
      a.put("is_lifetime_member", true);
    }
    g.putArray("initial_assets");
    ArrayNode bal = g.putArray("initial_balances");
    ObjectNode b = bal.addObject();
    b.put("owner", Address.fromKey(DevnetKeys.active(REGISTRAR).publicKey()).toString(DevnetKeys.PREFIX));
    b.put("asset_symbol", "BTS");
    b.put("amount", REGISTRAR_BALANCE);
    g.putArray("initial_vesting_balances");
    g.put("initial_active_witnesses", witnesses);
    ArrayNode wc = g.putArray("initial_witness_candidates");
    ArrayNode cc = g.putArray("initial_committee_candidates");
    for (String n : names) {
      ObjectNode w = wc.addObject();
      w.put("owner_name", n);
      w.put("block_signing_key", DevnetKeys.text(DevnetKeys.witness(n).publicKey()));
      cc.addObject().put("owner_name", n);
    }
    g.putArray("initial_worker_candidates");
    ObjectNode imm = g.putObject("immutable_parameters");
    imm.put("min_committee_member_count", witnesses);
    imm.put("min_witness_count", witnesses);
    imm.put("num_special_accounts", 0);
    imm.put("num_special_assets", 0);
    byte[] bytes;
    try {
      bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(g);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Generated(bytes, Genesis.chainIdOf(bytes), ts, names, accounts, blockInterval);
  }

  /** Chain parameters as a bitshares-core private chain has them, with the devnet's block interval. */
  private static ObjectNode parameters(JsonNodeFactory f, int blockInterval) {
    ObjectNode p = f.objectNode();
    ObjectNode fees = p.putObject("current_fees");
    ArrayNode params = fees.putArray("parameters");
    fee(params, 0).put("fee", 2_000_000).put("price_per_kbyte", 1_000_000);
    fee(params, 5).put("basic_fee", 500_000).put("premium_fee", 200_000_000).put("price_per_kbyte", 100_000);
    fee(params, 6).put("fee", 2_000_000).put("price_per_kbyte", 100_000);
    fee(params, 8).put("membership_annual_fee", 200_000_000).put("membership_lifetime_fee", 1_000_000_000);
    fee(params, 22).put("fee", 2_000_000).put("price_per_kbyte", 10);
    fee(params, 23).put("fee", 2_000_000).put("price_per_kbyte", 10);
    fee(params, 24).put("fee", 100_000);
    fee(params, 37);
    fees.put("scale", 10000);
    p.put("block_interval", blockInterval);
    p.put("maintenance_interval", 600);
    p.put("maintenance_skip_slots", 3);
    p.put("committee_proposal_review_period", 1_209_600);
    p.put("maximum_transaction_size", 2048);
    p.put("maximum_block_size", 2_000_000);
    p.put("maximum_time_until_expiration", 86_400);
    p.put("maximum_proposal_lifetime", 2_419_200);
    p.put("maximum_asset_whitelist_authorities", 10);
    p.put("maximum_asset_feed_publishers", 10);
    p.put("maximum_witness_count", 1001);
    p.put("maximum_committee_count", 1001);
    p.put("maximum_authority_membership", 10);
    p.put("reserve_percent_of_fee", 2000);
    p.put("network_percent_of_fee", 2000);
    p.put("lifetime_referrer_percent_of_fee", 3000);
    p.put("cashback_vesting_period_seconds", 31_536_000);
    p.put("cashback_vesting_threshold", 10_000_000);
    p.put("count_non_member_votes", true);
    p.put("allow_non_member_whitelists", false);
    p.put("witness_pay_per_block", 1_000_000);
    p.put("worker_budget_per_day", "50000000000");
    p.put("max_predicate_opcode", 1);
    p.put("fee_liquidation_threshold", 10_000_000);
    p.put("accounts_per_fee_scale", 1000);
    p.put("account_fee_scale_bitshifts", 4);
    p.put("max_authority_depth", 2);
    p.putObject("extensions");
    return p;
  }

  private static ObjectNode fee(ArrayNode params, int op) {
    ArrayNode pair = params.addArray();
    pair.add(op);
    return pair.addObject();
  }

  /** Writes the file atomically (temporary file, then rename). */
  public static void write(Generated g, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, g.bytes());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The chain id of an existing genesis file: sha256 of its bytes. */
  public static Bytes chainIdOf(Path file) throws IOException {
    return Genesis.chainIdOf(Files.readAllBytes(file));
  }
}
