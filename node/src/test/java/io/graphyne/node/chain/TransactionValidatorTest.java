package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.ops.LimitOrderCreateOperation;
import io.graphyne.protocol.ops.ProposalCreateOperation;
import io.graphyne.protocol.ops.TransferOperation;
import io.graphyne.protocol.types.Asset;
import io.graphyne.protocol.types.LimitOrderCreateOperationOptionsType;
import io.graphyne.protocol.types.OpWrapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node's T1 entry point keeps its messages and delegates every operation to authority-core. */
class TransactionValidatorTest {
  private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");
  private static final ObjectId CORE = ObjectId.asset(0);

  private static TransferOperation transfer(long feeAmount, long to) {
    return new TransferOperation(new Asset(feeAmount, CORE), ObjectId.account(10), ObjectId.account(to), new Asset(1, CORE), null, List.of());
  }

  private static Transaction tx(io.graphyne.protocol.Operation... ops) {
    return new Transaction(0, 0, T, List.of(ops), List.of());
  }

  @Test
  void messagesNameTheOperationIndexFieldAndRule() {
    assertThat(TransactionValidator.validate(tx())).isEqualTo("transaction has no operations");
    assertThat(TransactionValidator.validate(tx(transfer(0, 11)))).isNull();
    assertThat(TransactionValidator.validate(tx(transfer(0, 11), transfer(0, 10))))
        .isEqualTo("operation 1: transfer.to: from and to must differ");
  }

  @Test
  void everyOperationTypeIsChecked() {
    LimitOrderCreateOperation sameAssets = new LimitOrderCreateOperation(new Asset(0, CORE), ObjectId.account(10),
        new Asset(5, CORE), new Asset(5, CORE), T, false, new LimitOrderCreateOperationOptionsType(null));
    assertThat(TransactionValidator.validate(tx(sameAssets)))
        .isEqualTo("operation 0: limit_order_create.min_to_receive.asset_id: cannot trade an asset for itself");
  }

  @Test
  void proposalsFollowBitsharesCoreWhichDoesNotCheckTheirOwnFee() {
    ProposalCreateOperation p = new ProposalCreateOperation(new Asset(-1, CORE), ObjectId.account(10), T,
        List.of(new OpWrapper(transfer(0, 11))), null, List.of());
    assertThat(TransactionValidator.validate(p, 0)).isNull();
    ProposalCreateOperation bad = new ProposalCreateOperation(new Asset(0, CORE), ObjectId.account(10), T,
        List.of(new OpWrapper(transfer(-1, 11))), null, List.of());
    assertThat(TransactionValidator.validate(bad, 0))
        .isEqualTo("proposal_create.proposed_ops[0].transfer.fee.amount: fee must not be negative");
  }

  @Test
  void oneNameRule() {
    assertThat(TransactionValidator.isValidName("init0")).isTrue();
    assertThat(TransactionValidator.isValidName("Init0")).isFalse();
  }
}
