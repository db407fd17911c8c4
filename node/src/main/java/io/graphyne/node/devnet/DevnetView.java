package io.graphyne.node.devnet;

import io.graphyne.node.service.NodeStatus;
import io.graphyne.protocol.Bytes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The devnet's live terminal view: one row per node (head, LIB, peers, tx/s, accepted, rejected
 * by reason, state hash at its head) and whether each validator's state hash equals the
 * producer's at the same block. The producer's hashes are remembered by block id, so a validator a
 * block behind is compared at its own head.
 */
public final class DevnetView {
  private final Map<Bytes, Bytes> producerHashes = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Bytes, Bytes> e) {
      return size() > 600;
    }
  };
  private final Map<String, NodeStatus> last = new HashMap<>();
  private long lastNanos;

  /** One refresh: the rendered text and whether every validator agrees at its head. */
  public record Frame(String text, boolean agree) {}

  public Frame render(Devnet d, long uptimeSeconds) throws Exception {
    List<Devnet.Standing> standings = d.standings();
    long now = System.nanoTime();
    double secs = lastNanos == 0 ? 1 : Math.max(0.001, (now - lastNanos) / 1e9);
    lastNanos = now;
    Devnet.Standing p = standings.get(0);
    producerHashes.put(p.headId(), p.stateHash());
    StringBuilder b = new StringBuilder();
    LoadGenerator load = d.load();
    b.append(String.format(Locale.ROOT, "Graphyne devnet  chain %s  up %d s  load: %s, sent %s%n",
        d.chainId().toHex().substring(0, 16), uptimeSeconds,
        load.setupDone() ? "traffic" : "creating the seeds' accounts", load.sentByExpectation()));
    b.append(String.format(Locale.ROOT, "%-12s %7s %7s %5s %7s %9s  %-18s %s%n", "node", "head", "lib", "peers", "tx/s",
        "accepted", "state@head", "rejected by reason"));
    boolean agree = true;
    List<Devnet.Member> members = d.members();
    for (int i = 0; i < members.size(); i++) {
      Devnet.Member m = members.get(i);
      Devnet.Standing s = standings.get(i);
      NodeStatus st = m.status();
      NodeStatus prev = last.getOrDefault(m.name(), st);
      last.put(m.name(), st);
      String mark;
      if (i == 0) {
        mark = "";
      } else {
        Bytes ph = producerHashes.get(s.headId());
        mark = ph == null ? " (syncing)" : ph.equals(s.stateHash()) ? " = producer" : " DIFFERS";
        agree &= ph != null && ph.equals(s.stateHash());
      }
      b.append(String.format(Locale.ROOT, "%-12s %7d %7d %5d %7.1f %9d  %-18s %s%n", m.name(), s.head(),
          st.lastIrreversible(), st.peers(), (st.transactionsApplied() - prev.transactionsApplied()) / secs,
          m.core().acceptedTransactions(), s.stateHash().toHex().substring(0, 8) + mark, m.core().rejectedByReason()));
    }
    b.append(agree ? "validators agree with the producer's state hash\n" : "validators not (yet) agreeing\n");
    return new Frame(b.toString(), agree);
  }
}
