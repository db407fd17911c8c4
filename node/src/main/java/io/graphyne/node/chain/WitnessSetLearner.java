package io.graphyne.node.chain;

import io.graphyne.chainstore.ChainParameters;
import io.graphyne.chainstore.DynamicProperties;
import io.graphyne.chainstore.StateReader;
import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import io.graphyne.protocol.SignedBlock;
import io.graphyne.protocol.codec.Codecs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Learning the active witness set from production after a maintenance no trust source covered
 * (spec/authority.md §6.4, §6.8).
 *
 * <p>After such a maintenance at block U the controller first assumes the last known set: B7 is
 * checked against it and, once {@link #MIN_ROUNDS} rounds of that set have passed its reshuffle
 * without a mismatch, the assumption is confirmed. A block whose witness is not the scheduled one
 * before that starts learning: the set becomes unknown (the global properties' active list is
 * empty, so LIB stays where it is), and blocks are accepted when their witness exists and signs
 * with its current key in a later slot (B2, B6; not B7). After every block the learner looks for
 * the set: for each size n the new set took effect at the first block number R &ge; U divisible by
 * n (bitshares-core reshuffles when {@code head_block_num % active.size() == 0}); the witnesses of
 * the blocks after R (at most {@link #MAX_MISSING} unobserved ones filled in from the other
 * existing witnesses) must reproduce, through the §6.4 shuffle seeded with each reshuffle block's
 * time, the witness of every observed block at position {@code aslot mod n}, over at least {@link
 * #MIN_ROUNDS} rounds. Then the set and its schedule are installed and B7 is enforced again.
 *
 * <p>A member that never produced is seen only through its rank in id order (the shuffle permutes
 * positions of the sorted set): every silent witness between the same two neighbours fits. The
 * learner then installs the lowest of them and records it as uncertain; the first existing witness
 * of that rank to produce in its slot (with its own key) is taken as the member, and from then on
 * that slot is checked like any other. Until then a block in that slot carries no B7.
 *
 * <p>The state lives in the store (undone with blocks, kept over restarts): three counters and the
 * global properties' active list. The observations are re-read from the stored blocks when the
 * in-memory cache does not match the head (after a restart or a fork switch).
 */
final class WitnessSetLearner {
  /** Block number of the uncovered maintenance whose set is not confirmed yet (0: confirmed). */
  static final String UNCONFIRMED_SINCE = "trust.witness_set_unconfirmed_since";
  /** 1 while B7 is off because the set (or its schedule) is being learned. */
  static final String LEARNING = "trust.witness_set_learning";
  /** 1 when the current active set was learned from production (until a trust source covers one). */
  static final String FROM_PRODUCTION = "trust.witness_set_from_production";
  /**
   * Instances of learned members that never produced and whose identity production cannot tell
   * (any silent witness of the same rank in id order gives the same schedule): 0 = none.
   */
  static final List<String> UNCERTAIN = List.of("trust.witness_set_uncertain_0", "trust.witness_set_uncertain_1");
  /** Most equally good fillings kept to find the uncertain members. */
  static final int MAX_MATCHES = 64;

  /** Full rounds after the reshuffle that must agree before a set is accepted. */
  static final int MIN_ROUNDS = 3;
  /** Most active witnesses never seen producing that the learner fills in. */
  static final int MAX_MISSING = 2;
  /** Most gap fillings tried per candidate size. */
  static final int MAX_FILLINGS = 200_000;
  /** bitshares-core's upper bound of the active set. */
  static final int MAX_ACTIVE = 1001;

  /** The persisted state. */
  record State(long unconfirmedSince, boolean learning, boolean fromProduction, List<Long> uncertain) {
    State {
      uncertain = List.copyOf(uncertain);
      if (uncertain.size() != UNCERTAIN.size()) {
        throw new IllegalArgumentException("uncertain slots");
      }
    }

    /** Nothing learned, nothing pending (strict mode reads no counters). */
    static final State NONE = new State(0, false, false);

    State(long unconfirmedSince, boolean learning, boolean fromProduction) {
      this(unconfirmedSince, learning, fromProduction, List.of(0L, 0L));
    }

    static State read(StateReader s) {
      List<Long> u = new ArrayList<>();
      for (String name : UNCERTAIN) {
        u.add(s.counter(name).orElse(0));
      }
      return new State(s.counter(UNCONFIRMED_SINCE).orElse(0), s.counter(LEARNING).orElse(0) == 1,
          s.counter(FROM_PRODUCTION).orElse(0) == 1, u);
    }

    boolean isUncertain(ObjectId witness) {
      return witness.instance() != 0 && uncertain.contains(witness.instance());
    }
  }

  /** One produced block: its number, id, time, the absolute slot after it, and its witness. */
  record Obs(long num, Bytes id, long time, long aslot, ObjectId witness) {}

  /**
   * A learned set: its size, members (silent members whose identity is open are the lowest
   * candidate of their rank, listed in {@code uncertain}), and the first reshuffle after the maintenance.
   */
  record Learned(int n, List<ObjectId> witnesses, long firstReshuffle, Set<ObjectId> uncertain) {}

  private long cacheStart = -1;
  private final List<Obs> cache = new ArrayList<>();

  /**
   * The observations of blocks {@code u .. head} followed by {@code next} (not yet committed), from
   * the cache or, when it does not end at {@code next}'s parent, re-read from the store.
   */
  List<Obs> observe(StateReader st, long u, DynamicProperties head, ChainParameters p, Obs next) {
    boolean ok = cacheStart == u && !cache.isEmpty() && cache.get(cache.size() - 1).num() == head.headBlockNumber()
        && cache.get(cache.size() - 1).id().equals(head.headBlockId());
    if (!ok) {
      // drop what a fork popped, then check again
      while (cacheStart == u && !cache.isEmpty() && cache.get(cache.size() - 1).num() > head.headBlockNumber()) {
        cache.remove(cache.size() - 1);
      }
      ok = cacheStart == u && !cache.isEmpty() && cache.get(cache.size() - 1).num() == head.headBlockNumber()
          && cache.get(cache.size() - 1).id().equals(head.headBlockId());
    }
    if (!ok) {
      reload(st, u, head, p);
    }
    cache.add(next);
    return cache;
  }

  /** Forgets the last observation (the block it belonged to was not committed). */
  void dropLast(long num) {
    if (!cache.isEmpty() && cache.get(cache.size() - 1).num() == num) {
      cache.remove(cache.size() - 1);
    }
  }

  private void reload(StateReader st, long u, DynamicProperties head, ChainParameters p) {
    cache.clear();
    cacheStart = u;
    int count = (int) (head.headBlockNumber() - u + 1);
    Obs[] out = new Obs[count];
    long[] time = new long[count];
    ObjectId[] witness = new ObjectId[count];
    Bytes[] ids = new Bytes[count];
    for (int i = 0; i < count; i++) {
      long num = u + i;
      byte[] raw = st.block(num).orElseThrow(() -> new IllegalStateException("block " + num + " missing"));
      SignedBlock b = Codecs.decode(SignedBlock.class, raw);
      time[i] = b.header().timestamp().getEpochSecond();
      witness[i] = b.header().witness();
      ids[i] = b.id();
    }
    long aslot = head.currentAslot();
    for (int i = count - 1; i >= 0; i--) {
      long num = u + i;
      out[i] = new Obs(num, ids[i], time[i], aslot, witness[i]);
      if (i > 0) {
        DynamicProperties prev = new DynamicProperties(num - 1, Bytes.zeros(20), time[i - 1], 0, 0, num - 1 == u, 0,
            Bytes.zeros(16));
        aslot -= Schedule.slotAtTime(prev, p.blockInterval(), p.maintenanceSkipSlots(), time[i]);
      }
    }
    for (Obs o : out) {
      cache.add(o);
    }
  }

  /**
   * Looks for the one active set that explains the observations (the first is block {@code u},
   * the uncovered maintenance; the others follow it without gaps).
   */
  static Optional<Learned> learn(List<Obs> obs, long u, List<ObjectId> existingWitnesses) {
    if (obs.isEmpty() || obs.get(0).num() != u) {
      return Optional.empty();
    }
    long head = obs.get(obs.size() - 1).num();
    int maxN = Math.min(existingWitnesses.size(), MAX_ACTIVE);
    for (int n = 1; n <= maxN && u + (long) MIN_ROUNDS * n <= head; n++) {
      long r = Math.floorDiv(u + n - 1, n) * n;
      if (head < r + (long) MIN_ROUNDS * n) {
        continue;
      }
      Set<ObjectId> seen = new LinkedHashSet<>();
      for (int i = (int) (r - u) + 1; i < obs.size(); i++) {
        seen.add(obs.get(i).witness());
      }
      if (seen.size() > n || n - seen.size() > MAX_MISSING) {
        continue;
      }
      List<ObjectId> others = new ArrayList<>();
      for (ObjectId w : existingWitnesses) {
        if (!seen.contains(w)) {
          others.add(w);
        }
      }
      List<List<ObjectId>> matches = new ArrayList<>();
      int[] budget = {MAX_FILLINGS};
      fill(new ArrayList<>(seen), others, 0, n - seen.size(), obs, u, r, n, matches, budget);
      if (!matches.isEmpty() && budget[0] > 0 && matches.size() < MAX_MATCHES) {
        // several fillings can fit only through silent members of equal rank: same schedule, open identity
        List<ObjectId> set = new ArrayList<>(matches.get(0));
        set.sort(null);
        Set<ObjectId> uncertain = new java.util.TreeSet<>();
        for (List<ObjectId> m : matches.subList(1, matches.size())) {
          List<ObjectId> other = new ArrayList<>(m);
          other.sort(null);
          for (int i = 0; i < set.size(); i++) {
            if (!set.get(i).equals(other.get(i))) {
              if (seen.contains(set.get(i)) || seen.contains(other.get(i))) {
                return Optional.empty();
              }
              uncertain.add(set.get(i));
            }
          }
        }
        return Optional.of(new Learned(n, set, r, uncertain));
      }
    }
    return Optional.empty();
  }

  private static void fill(List<ObjectId> chosen, List<ObjectId> others, int from, int missing, List<Obs> obs, long u,
      long r, int n, List<List<ObjectId>> matches, int[] budget) {
    if (matches.size() >= MAX_MATCHES || budget[0] <= 0) {
      return;
    }
    if (missing == 0) {
      budget[0]--;
      if (explains(chosen, obs, u, r, n)) {
        matches.add(List.copyOf(chosen));
      }
      return;
    }
    for (int i = from; i < others.size() && matches.size() < MAX_MATCHES && budget[0] > 0; i++) {
      chosen.add(others.get(i));
      fill(chosen, others, i + 1, missing - 1, obs, u, r, n, matches, budget);
      chosen.remove(chosen.size() - 1);
    }
  }

  /** Whether the shuffles of {@code set} reproduce the witness of every observed block after {@code r}. */
  static boolean explains(List<ObjectId> set, List<Obs> obs, long u, long r, int n) {
    Map<Long, List<ObjectId>> shuffles = new HashMap<>();
    for (int i = (int) (r - u) + 1; i < obs.size(); i++) {
      Obs o = obs.get(i);
      long reshuffle = r + Math.floorDiv(o.num() - r - 1, n) * n;
      List<ObjectId> s = shuffles.computeIfAbsent(reshuffle, k -> Schedule.shuffle(set, obs.get((int) (k - u)).time()));
      if (!s.get((int) Long.remainderUnsigned(o.aslot(), n)).equals(o.witness())) {
        return false;
      }
    }
    return true;
  }

  /** The time of block {@code num} among the observations starting at {@code u}. */
  static long timeOf(List<Obs> obs, long u, long num) {
    return obs.get((int) (num - u)).time();
  }
}
