package io.graphyne.authority;

import io.graphyne.crypto.Recovery;
import io.graphyne.crypto.RecoveryFailure;
import io.graphyne.crypto.Secp256k1;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.PublicKey;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Transaction-level authority check: signer recovery (stateless, may run in parallel elsewhere)
 * and {@code verify_authority} over the transaction's operations with the rules of a head time.
 */
public final class TransactionAuthority {
  private TransactionAuthority() {}

  /** Recovered signer keys in signature order, or the first recovery failure. */
  public record Signers(List<PublicKey> keys, int failedIndex, RecoveryFailure failure) {
    public boolean ok() {
      return failure == null;
    }
  }

  /** Recovers every signature over {@code sha256(chain_id || packed transaction)}. */
  public static Signers recoverSigners(SignedTransaction tx, Bytes chainId, Secp256k1 secp) {
    byte[] digest = tx.sigDigest(chainId).toArray();
    List<PublicKey> keys = new ArrayList<>(tx.signatures().size());
    for (int i = 0; i < tx.signatures().size(); i++) {
      Recovery r = secp.recover(digest, tx.signatures().get(i).toArray());
      if (!r.ok()) {
        return new Signers(List.copyOf(keys), i, r.failure());
      }
      keys.add(r.key());
    }
    return new Signers(List.copyOf(keys), -1, null);
  }

  /**
   * {@code verify_authority} of a transaction with already recovered keys.
   *
   * @param rules the hardfork rules at the head time (custom-op required_auths, HF-584)
   */
  public static Verdict check(
      Transaction tx, List<PublicKey> signerKeys, AuthorityView view, HardforkSchedule.Rules rules, CheckParams params) {
    List<OpRequirement> ops =
        RecordOpFields.requirements(tx.operations(), rules.ignoreCustomOperationRequiredAuths());
    return AuthorityChecker.verify(ops, signerKeys, view, params);
  }

  /** As above with the transaction-in-block parameters of the head time. */
  public static Verdict check(
      Transaction tx, List<PublicKey> signerKeys, AuthorityView view, HardforkSchedule.Rules rules, int maxDepth) {
    return check(tx, signerKeys, view, rules, CheckParams.forTransaction(rules, maxDepth));
  }
}
