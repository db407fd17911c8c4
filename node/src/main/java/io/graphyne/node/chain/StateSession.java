package io.graphyne.node.chain;

import io.graphyne.authority.AuthorityView;
import io.graphyne.chainstore.AccountRecord;
import io.graphyne.chainstore.BlockChanges;
import io.graphyne.chainstore.CustomAuthorityRecord;
import io.graphyne.chainstore.GlobalProperties;
import io.graphyne.chainstore.ProposalRecord;
import io.graphyne.chainstore.WitnessRecord;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.types.Authority;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The state changes of one block with nested undo: every write is journaled, so a failed
 * transaction or a failed proposal execution can be rolled back to a {@link #mark()} without
 * abandoning the block (bitshares-core's nested undo sessions). Reads see all writes so far.
 * Single-threaded.
 */
final class StateSession implements AuthorityView {
  private final BlockChanges changes;
  private final io.graphyne.chainstore.StateReader reader;
  private final List<Runnable> journal = new ArrayList<>();

  StateSession(BlockChanges changes) {
    this.changes = changes;
    this.reader = changes;
  }

  /** A read-only session over committed state (mempool checks); writes throw. */
  StateSession(io.graphyne.chainstore.StateReader reader) {
    this.changes = null;
    this.reader = reader;
  }

  /** Reads (pending changes included). */
  io.graphyne.chainstore.StateReader changes() {
    return reader;
  }

  int mark() {
    return journal.size();
  }

  void rollbackTo(int mark) {
    for (int i = journal.size() - 1; i >= mark; i--) {
      journal.remove(i).run();
    }
  }

  // ---- accounts ----------------------------------------------------------------------------

  Optional<AccountRecord> account(ObjectId id) {
    return reader.account(id);
  }

  Optional<ObjectId> accountIdByName(String name) {
    return reader.accountIdByName(name);
  }

  void putAccount(AccountRecord a) {
    Optional<AccountRecord> old = changes.account(a.id());
    changes.putAccount(a);
    journal.add(() -> {
      if (old.isPresent()) {
        changes.putAccount(old.get());
      } else {
        changes.removeAccount(a.id());
      }
    });
  }

  // ---- witnesses ---------------------------------------------------------------------------

  Optional<WitnessRecord> witness(ObjectId id) {
    return reader.witness(id);
  }

  void putWitness(WitnessRecord w) {
    Optional<WitnessRecord> old = changes.witness(w.id());
    changes.putWitness(w);
    journal.add(() -> {
      if (old.isPresent()) {
        changes.putWitness(old.get());
      } else {
        changes.removeWitness(w.id());
      }
    });
  }

  // ---- proposals ---------------------------------------------------------------------------

  Optional<ProposalRecord> proposal(ObjectId id) {
    return reader.proposal(id);
  }

  void putProposal(ProposalRecord p) {
    Optional<ProposalRecord> old = changes.proposal(p.id());
    changes.putProposal(p);
    journal.add(() -> {
      if (old.isPresent()) {
        changes.putProposal(old.get());
      } else {
        changes.removeProposal(p.id());
      }
    });
  }

  void removeProposal(ObjectId id) {
    Optional<ProposalRecord> old = changes.proposal(id);
    if (old.isEmpty()) {
      return;
    }
    changes.removeProposal(id);
    journal.add(() -> changes.putProposal(old.get()));
  }

  // ---- custom authorities ------------------------------------------------------------------

  Optional<CustomAuthorityRecord> customAuthority(ObjectId id) {
    return reader.customAuthority(id);
  }

  void putCustomAuthority(CustomAuthorityRecord c) {
    Optional<CustomAuthorityRecord> old = changes.customAuthority(c.id());
    changes.putCustomAuthority(c);
    journal.add(() -> {
      if (old.isPresent()) {
        changes.putCustomAuthority(old.get());
      } else {
        changes.removeCustomAuthority(c.id());
      }
    });
  }

  void removeCustomAuthority(ObjectId id) {
    Optional<CustomAuthorityRecord> old = changes.customAuthority(id);
    if (old.isEmpty()) {
      return;
    }
    changes.removeCustomAuthority(id);
    journal.add(() -> changes.putCustomAuthority(old.get()));
  }

  // ---- properties and counters -------------------------------------------------------------

  GlobalProperties globalProperties() {
    return reader.globalProperties().orElseThrow(() -> new IllegalStateException("no global properties"));
  }

  void putGlobalProperties(GlobalProperties g) {
    GlobalProperties old = globalProperties();
    changes.putGlobalProperties(g);
    journal.add(() -> changes.putGlobalProperties(old));
  }

  long counter(String name) {
    return reader.counter(name).orElse(0);
  }

  /** Returns the counter's value and increments it. */
  long next(String name) {
    long v = counter(name);
    changes.putCounter(name, v + 1);
    journal.add(() -> changes.putCounter(name, v));
    return v;
  }

  // ---- AuthorityView -----------------------------------------------------------------------

  @Override
  public Authority active(ObjectId account) {
    return reader.account(account).map(AccountRecord::active).orElse(null);
  }

  @Override
  public Authority owner(ObjectId account) {
    return reader.account(account).map(AccountRecord::owner).orElse(null);
  }

  @Override
  public String name(ObjectId account) {
    return reader.account(account).map(AccountRecord::name).orElse(null);
  }

  @Override
  public ObjectId idOf(String name) {
    return reader.accountIdByName(name).orElse(null);
  }
}
