package io.graphyne.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphyne.protocol.Address;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.codec.Codecs;
import io.graphyne.protocol.codec.DecodeException;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.protocol.ops.BalanceClaimOperation;
import io.graphyne.protocol.ops.ProposalCreateOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.AccountCreateOperationExt;
import io.graphyne.protocol.types.AccountOptions;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.types.OpWrapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules the JSON cases cannot reach (address authorities, a zero key, nesting) and the name rules. */
class ValidationEdgeCasesTest {
  private static final PublicKey K1 = PublicKey.parse("BTS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV", "BTS");
  private static final Asset ZERO = new Asset(0, ObjectId.asset(0));
  private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

  private static TransferOperation transfer() {
    return new TransferOperation(ZERO, ObjectId.account(10), ObjectId.account(11), new Asset(1, ObjectId.asset(0)), null, List.of());
  }

  private static AccountCreateOperation create(Authority owner) {
    return new AccountCreateOperation(ZERO, ObjectId.account(10), ObjectId.account(10), 0, "alice", owner,
        Authority.singleKey(K1), new AccountOptions(K1, ObjectId.account(5), 0, 0, List.of(), List.of()),
        new AccountCreateOperationExt(null, null, null, null));
  }

  @Test
  void accountAuthoritiesMayNotUseAddresses() {
    Authority withAddress = new Authority(1, Map.of(), Map.of(K1, 1), Map.of(Address.fromKey(K1), 1));
    assertThat(OperationValidator.validate(create(Authority.singleKey(K1)))).isNull();
    assertThat(OperationValidator.validate(create(withAddress)))
        .hasToString("account_create.owner.address_auths: authority must not have address_auths");
  }

  @Test
  void balanceClaimNeedsAKey() {
    BalanceClaimOperation ok = new BalanceClaimOperation(ZERO, ObjectId.account(10), new ObjectId(1, 15, 1), K1, new Asset(1, ObjectId.asset(0)));
    BalanceClaimOperation zero = new BalanceClaimOperation(ZERO, ObjectId.account(10), new ObjectId(1, 15, 1),
        PublicKey.wrap(new byte[33]), new Asset(1, ObjectId.asset(0)));
    assertThat(OperationValidator.validate(ok)).isNull();
    assertThat(OperationValidator.validate(zero)).hasToString("balance_claim.balance_owner_key: balance_owner_key must be set");
  }

  private static Operation nest(Operation inner, int levels) {
    Operation op = inner;
    for (int i = 0; i < levels; i++) {
      op = new ProposalCreateOperation(ZERO, ObjectId.account(10), T, List.of(new OpWrapper(op)), null, List.of());
    }
    return op;
  }

  @Test
  void proposalsValidateRecursivelyUpToTheNestingBound() {
    assertThat(OperationValidator.validate(nest(transfer(), OperationValidator.MAX_PROPOSAL_DEPTH + 1))).isNull();
    ValidationError deep = OperationValidator.validate(nest(transfer(), OperationValidator.MAX_PROPOSAL_DEPTH + 2));
    assertThat(deep).isNotNull();
    assertThat(deep.message()).isEqualTo("proposals nested too deeply");
    TransferOperation self = new TransferOperation(ZERO, ObjectId.account(10), ObjectId.account(10), new Asset(1, ObjectId.asset(0)), null, List.of());
    assertThat(OperationValidator.validate(nest(self, 2)))
        .hasToString("proposal_create.proposed_ops[0].proposal_create.proposed_ops[0].transfer.to: from and to must differ");
  }

  @Test
  void decodableNestingIsAlwaysWithinTheGuard() {
    // 40 proposals deep decode and validate, as in bitshares-core; the decoder refuses nesting that
    // could reach the recursion guard.
    byte[] forty = Codecs.encode(new Transaction(0, 0, T, List.of(nest(transfer(), 40)), List.of()));
    assertThat(OperationValidator.validate(Codecs.decode(Transaction.class, forty))).isNull();
    byte[] deep = Codecs.encode(new Transaction(0, 0, T, List.of(nest(transfer(), OperationValidator.MAX_PROPOSAL_DEPTH)), List.of()));
    assertThatThrownBy(() -> Codecs.decode(Transaction.class, deep)).isInstanceOf(DecodeException.class);
  }

  @Test
  void transactionNeedsAnOperationAndNamesTheFailingOne() {
    assertThat(OperationValidator.validate(new Transaction(0, 0, T, List.of(), List.of())))
        .hasToString("transaction.operations: a transaction must have at least one operation");
    TransferOperation bad = new TransferOperation(new Asset(-1, ObjectId.asset(0)), ObjectId.account(10), ObjectId.account(11),
        new Asset(1, ObjectId.asset(0)), null, List.of());
    assertThat(OperationValidator.validate(new Transaction(0, 0, T, List.of(transfer(), bad), List.of())))
        .hasToString("transaction.operations[1].transfer.fee.amount: fee must not be negative");
    assertThat(OperationValidator.validate(new Transaction(0, 0, T, List.of(transfer()), List.of()))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "alice", "a1", "a-b", "a.b", "init0", "a.b.c-d.e9", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk"})
  void validNames(String name) {
    assertThat(Names.isValidName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "A", "1a", "-a", "a-", "a..b", ".a", "a.", "a_b", "a.1b", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl", "al\u00ebce"})
  void invalidNames(String name) {
    assertThat(Names.isValidName(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTS", "USD", "GOLD.SILVER", "A1", "ABCDEFGHIJKLMNOP", "X9.Y", "BI1"})
  void symbolsAsBitsharesCoreSeesThem(String s) {
    // "A1" is too short; the rest are valid
    assertThat(Names.isValidSymbol(s)).isEqualTo(!s.equals("A1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"BITUSD", "usd", "1AB", "AB.", ".AB", "A.B.C", "ABCDEFGHIJKLMNOPQ", "AB-C", "\u00c9AB"})
  void invalidSymbols(String s) {
    assertThat(Names.isValidSymbol(s)).isFalse();
  }
}
