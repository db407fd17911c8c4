package io.graphyne.node.devnet;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.Operation;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.SignedTransaction;
import io.graphyne.protocol.ops.AccountCreateOperation;
import io.graphyne.protocol.ops.ProposalCreateOperation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the load generator learns from the blocks it syncs: the ids the chain gave to the accounts
 * and proposals it created (object ids are assigned in block order), which of its transactions
 * were included, and the newest block for TaPoS. Blocks only hold transactions that applied, so
 * counting creations in order reproduces the chain's ids.
 */
public final class DevnetLedger {
  private long nextAccount;
  private long nextProposal;
  private final Map<String, ObjectId> accounts = new HashMap<>();
  private final Map<Bytes, ObjectId> proposalByTx = new HashMap<>();
  private final Map<Bytes, Long> included = new HashMap<>();
  private final java.util.Set<ObjectId> activeUpdated = new java.util.HashSet<>();
  private Bytes headId = Bytes.zeros(20);
  private long headNum;
  private long headTime;

  /** @param genesisAccounts the genesis accounts in file order (they get 1.2.6, 1.2.7, ...) */
  public DevnetLedger(java.util.List<String> genesisAccounts) {
    long id = DevnetGenesis.FIRST_GENESIS_ACCOUNT;
    for (String n : genesisAccounts) {
      accounts.put(n, ObjectId.account(id++));
    }
    nextAccount = id;
  }

  /** Records a block of the main chain (called in block order). */
  public synchronized void onBlock(SignedBlock b) {
    long num = b.blockNum();
    for (var ptx : b.transactions()) {
      SignedTransaction tx = ptx.signed();
      Bytes txId = tx.id();
      included.put(txId, num);
      for (Operation op : tx.transaction().operations()) {
        if (op instanceof AccountCreateOperation c) {
          accounts.put(c.name(), ObjectId.account(nextAccount++));
        } else if (op instanceof io.graphyne.protocol.ops.AccountUpdateOperation u && u.active() != null) {
          activeUpdated.add(u.account());
        } else if (op instanceof ProposalCreateOperation) {
          proposalByTx.put(txId, new ObjectId(ObjectId.PROTOCOL_SPACE, ObjectId.PROPOSAL_TYPE, nextProposal++));
        }
      }
    }
    headId = b.id();
    headNum = num;
    headTime = b.header().timestamp().getEpochSecond();
  }

  public synchronized Optional<ObjectId> account(String name) {
    return Optional.ofNullable(accounts.get(name));
  }

  /** True once an account_update that sets the account's active authority is in a block. */
  public synchronized boolean activeUpdated(String name) {
    ObjectId id = accounts.get(name);
    return id != null && activeUpdated.contains(id);
  }

  public synchronized Optional<ObjectId> proposalCreatedBy(Bytes txId) {
    return Optional.ofNullable(proposalByTx.get(txId));
  }

  /** The block that included a transaction. */
  public synchronized Optional<Long> includedIn(Bytes txId) {
    return Optional.ofNullable(included.get(txId));
  }

  public synchronized Bytes headId() {
    return headId;
  }

  public synchronized long headNum() {
    return headNum;
  }

  public synchronized long headTimeSeconds() {
    return headTime;
  }
}
