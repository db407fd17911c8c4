package io.graphyne.node.devnet;

import java.util.List;
import java.util.Map;

/**
 * The authority setups of the seeds (seed 000/001: "Permissions" by BitTeaser; seed 002: the
 * company hierarchy), as the private chain in shared/vectors/private-chain built them with
 * cli_wallet: every account is first registered with single keys, then the multi-signature ones
 * get their weighted account authorities by account_update.
 */
public final class SeedAccounts {
  private SeedAccounts() {}

  public static final String ALICE = "alice";
  public static final String BOB = "bob";
  public static final String CHARLIE = "charlie";
  public static final String DENNIS = "dennis";
  /** Receives transfers; her key is the irrelevant signature. */
  public static final String EVE = "eve";
  /** 2-of-4: alice, bob, charlie, dennis at weight 33 each, threshold 51. */
  public static final String FLAT = "flat-multisig";
  /** alice 49, bob 25, charlie 25, dennis 10, threshold 51. */
  public static final String WEIGHTED = "weighted-multisig";
  public static final String CEO = "ceo.company";
  public static final String CHIEF = "chief.company";
  public static final String TREASURER = "treasurer.company";
  public static final String CONTROLLER = "controller.company";
  public static final String TAX = "tax-manager.company";
  public static final String ACCOUNTING = "accounting.company";
  /** chief 51, treasurer 33, controller 33, tax-manager 10, accounting 10, threshold 51. */
  public static final String CFO = "cfo.company";
  /** ceo.company 51, cfo.company 51, threshold 51. */
  public static final String COMPANY = "company";

  /** Registration order (single keys first; the multi-signature accounts are updated afterwards). */
  public static final List<String> REGISTER = List.of(
      ALICE, BOB, CHARLIE, DENNIS, EVE, CEO, CHIEF, TREASURER, CONTROLLER, TAX, ACCOUNTING, FLAT, WEIGHTED, CFO,
      COMPANY);

  /** A weighted account authority: threshold and member weights (members are account names). */
  public record Setup(String account, int threshold, Map<String, Integer> members) {}

  /** The account_update operations that turn the seed accounts into their setups, in order. */
  public static final List<Setup> SETUPS = List.of(
      new Setup(FLAT, 51, Map.of(ALICE, 33, BOB, 33, CHARLIE, 33, DENNIS, 33)),
      new Setup(WEIGHTED, 51, Map.of(ALICE, 49, BOB, 25, CHARLIE, 25, DENNIS, 10)),
      new Setup(CFO, 51, Map.of(CHIEF, 51, TREASURER, 33, CONTROLLER, 33, TAX, 10, ACCOUNTING, 10)),
      new Setup(COMPANY, 51, Map.of(CEO, 51, CFO, 51)));

  /** Who signs a transfer from an account (their active keys), and what the nodes must decide. */
  public record Coalition(String account, List<String> signers, Expected expected) {}

  /**
   * Transfers the load generator sends. Sufficient coalitions are minimal (bitshares-core rejects
   * a signature the check did not need as irrelevant), insufficient ones fall short of 51.
   */
  public static final List<Coalition> COALITIONS = List.of(
      // 2-of-4, weights 33 / threshold 51: any two sign, one does not
      ok(FLAT, ALICE, BOB), ok(FLAT, ALICE, CHARLIE), ok(FLAT, ALICE, DENNIS), ok(FLAT, BOB, CHARLIE),
      ok(FLAT, BOB, DENNIS), ok(FLAT, CHARLIE, DENNIS),
      insufficient(FLAT, ALICE), insufficient(FLAT, BOB), insufficient(FLAT, CHARLIE), insufficient(FLAT, DENNIS),
      new Coalition(FLAT, List.of(ALICE, BOB, EVE), Expected.IRRELEVANT_SIG),
      // 49/25/25/10: alice and any friend, or all three friends
      ok(WEIGHTED, ALICE, BOB), ok(WEIGHTED, ALICE, CHARLIE), ok(WEIGHTED, ALICE, DENNIS),
      ok(WEIGHTED, BOB, CHARLIE, DENNIS),
      insufficient(WEIGHTED, ALICE), insufficient(WEIGHTED, BOB, CHARLIE), insufficient(WEIGHTED, BOB, DENNIS),
      insufficient(WEIGHTED, CHARLIE, DENNIS),
      // company: the CEO, the chief, treasurer + controller, controller or treasurer + tax + accounting
      ok(COMPANY, CEO), ok(COMPANY, CHIEF), ok(COMPANY, TREASURER, CONTROLLER),
      ok(COMPANY, CONTROLLER, TAX, ACCOUNTING), ok(COMPANY, TREASURER, TAX, ACCOUNTING),
      insufficient(COMPANY, TREASURER), insufficient(COMPANY, CONTROLLER), insufficient(COMPANY, TAX, ACCOUNTING),
      insufficient(COMPANY, TREASURER, TAX), insufficient(COMPANY, CONTROLLER, ACCOUNTING));

  private static Coalition ok(String account, String... signers) {
    return new Coalition(account, List.of(signers), Expected.ACCEPT);
  }

  private static Coalition insufficient(String account, String... signers) {
    return new Coalition(account, List.of(signers), Expected.MISSING_ACTIVE);
  }
}
