package io.graphyne.node.chain;

import io.graphyne.authority.AuthorityValidation;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.Transaction;
import io.graphyne.protocol.types.Authority;
import io.graphyne.protocol.validation.Names;
import io.graphyne.protocol.validation.OperationValidator;
import io.graphyne.protocol.validation.ValidationError;
import java.util.List;

/**
 * Stateless transaction validation (rule T1, bitshares-core {@code transaction::validate} and the
 * operations' {@code validate()}): at least one operation, and every operation's own checks, which
 * live in authority-core's {@link OperationValidator} (all 78 operations; virtual ones are
 * rejected; proposals are validated recursively). This class keeps the node's string messages.
 */
public final class TransactionValidator {
  private TransactionValidator() {}

  public static final int MIN_NAME_LENGTH = Names.MIN_ACCOUNT_NAME_LENGTH;
  public static final int MAX_NAME_LENGTH = Names.MAX_ACCOUNT_NAME_LENGTH;

  /** Null when valid, else why not. */
  public static String validate(Transaction tx) {
    List<Operation> ops = tx.operations();
    if (ops.isEmpty()) {
      return "transaction has no operations";
    }
    for (int i = 0; i < ops.size(); i++) {
      ValidationError e = OperationValidator.validate(ops.get(i), 0);
      if (e != null) {
        return "operation " + i + ": " + e;
      }
    }
    return null;
  }

  /** Validates one operation ({@code depth} = proposal nesting); null when valid. */
  public static String validate(Operation op, int depth) {
    ValidationError e = OperationValidator.validate(op, depth);
    return e == null ? null : e.toString();
  }

  /** The structured reason, for callers that report fields (null when valid). */
  public static ValidationError explain(Transaction tx) {
    return OperationValidator.validate(tx);
  }

  /** Sum of member weights below the threshold. */
  public static boolean isImpossible(Authority a) {
    return AuthorityValidation.isImpossible(a);
  }

  /** bitshares-core {@code is_valid_name} (one implementation: {@link Names#isValidName}). */
  public static boolean isValidName(String name) {
    return Names.isValidName(name);
  }
}
