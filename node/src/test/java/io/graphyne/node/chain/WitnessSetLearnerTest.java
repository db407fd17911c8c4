package io.graphyne.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphyne.protocol.Bytes;
import io.graphyne.protocol.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link WitnessSetLearner#learn} on production simulated slot by slot with bitshares-core's rules. */
class WitnessSetLearnerTest {
  static final List<ObjectId> EXISTING = IntStream.rangeClosed(1, 12).mapToObj(ObjectId::witness).toList();
  static final List<ObjectId> OLD = IntStream.rangeClosed(1, 5).mapToObj(ObjectId::witness).toList();
  static final List<ObjectId> NEW = List.of(ObjectId.witness(2), ObjectId.witness(4), ObjectId.witness(6), ObjectId.witness(7),
      ObjectId.witness(9), ObjectId.witness(11), ObjectId.witness(12));

  /**
   * Blocks u .. (until {@code blocks} blocks after u): the maintenance block u, then the old
   * schedule until the first block number divisible by the new size, then reshuffles of the new
   * set every n blocks. Slots of {@code dead} witnesses are missed.
   */
  static List<WitnessSetLearner.Obs> simulate(long u, List<ObjectId> set, Set<ObjectId> dead, int blocks) {
    List<WitnessSetLearner.Obs> out = new ArrayList<>();
    long aslot = 1000;
    long num = u;
    out.add(new WitnessSetLearner.Obs(num, Bytes.zeros(20), aslot * 3, aslot, OLD.get(0)));
    List<ObjectId> schedule = Schedule.shuffle(OLD, 77);
    int n = set.size();
    if (num % n == 0) {
      schedule = Schedule.shuffle(set, aslot * 3);
    }
    while (out.size() <= blocks) {
      aslot++;
      ObjectId w = schedule.get((int) (aslot % schedule.size()));
      if (dead.contains(w)) {
        continue;
      }
      num++;
      out.add(new WitnessSetLearner.Obs(num, Bytes.zeros(20), aslot * 3, aslot, w));
      if (num % n == 0) {
        schedule = Schedule.shuffle(set, aslot * 3);
      }
    }
    return out;
  }

  @Test
  void theSetIsFoundOnceThreeRoundsFollowItsReshuffle() {
    long u = 1001;
    List<WitnessSetLearner.Obs> obs = simulate(u, NEW, Set.of(), 60);
    long r = Math.floorDiv(u + 6, 7) * 7; // 1001 = 7 * 143: the maintenance block itself reshuffles
    for (int k = 1; k < obs.size(); k++) {
      List<WitnessSetLearner.Obs> prefix = obs.subList(0, k + 1);
      long head = prefix.get(prefix.size() - 1).num();
      var learned = WitnessSetLearner.learn(prefix, u, EXISTING);
      if (head < r + 3 * 7) {
        // a smaller set that happens to fit the blocks seen so far would be a false B7 later: none may be found
        assertThat(learned).as("head %d", head).satisfiesAnyOf(l -> assertThat(l).isEmpty(),
            l -> assertThat(l.orElseThrow().witnesses()).isEqualTo(NEW));
      } else {
        assertThat(learned).as("head %d", head).isPresent();
        assertThat(learned.get().witnesses()).isEqualTo(NEW);
        assertThat(learned.get().n()).isEqualTo(7);
        assertThat(learned.get().firstReshuffle()).isEqualTo(r);
      }
    }
  }

  @Test
  void aWitnessThatNeverProducesIsFilledInWithItsIdentityLeftOpen() {
    List<WitnessSetLearner.Obs> obs = simulate(500, NEW, Set.of(ObjectId.witness(9)), 80);
    var learned = WitnessSetLearner.learn(obs, 500, EXISTING).orElseThrow();
    // 1.6.8, 1.6.9 and 1.6.10 all sit between 1.6.7 and 1.6.11: the schedule is the same with any of them
    assertThat(learned.witnesses()).isEqualTo(replace(NEW, 9, 8));
    assertThat(learned.uncertain()).containsExactly(ObjectId.witness(8));
    assertThat(Schedule.shuffle(learned.witnesses(), 1234).indexOf(ObjectId.witness(8)))
        .isEqualTo(Schedule.shuffle(NEW, 1234).indexOf(ObjectId.witness(9)));
    // two silent witnesses: 1.6.2 (rank shared with 1.6.1 and 1.6.3) and 1.6.9
    obs = simulate(500, NEW, Set.of(ObjectId.witness(9), ObjectId.witness(2)), 80);
    learned = WitnessSetLearner.learn(obs, 500, EXISTING).orElseThrow();
    assertThat(learned.witnesses()).isEqualTo(replace(replace(NEW, 9, 8), 2, 1));
    assertThat(learned.uncertain()).containsExactly(ObjectId.witness(1), ObjectId.witness(8));
  }

  /** A silent witness whose rank no other candidate shares is found exactly. */
  @Test
  void aSilentWitnessOfUniqueRankIsFoundExactly() {
    // the only other silent candidate, 1.6.6, would sort last, not between 1.6.2 and 1.6.4
    List<ObjectId> set = List.of(ObjectId.witness(1), ObjectId.witness(2), ObjectId.witness(3), ObjectId.witness(4),
        ObjectId.witness(5));
    List<ObjectId> existing = IntStream.rangeClosed(1, 6).mapToObj(ObjectId::witness).toList();
    var learned = WitnessSetLearner.learn(simulate(500, set, Set.of(ObjectId.witness(3)), 60), 500, existing).orElseThrow();
    assertThat(learned.witnesses()).isEqualTo(set);
    assertThat(learned.uncertain()).isEmpty();
  }

  static List<ObjectId> replace(List<ObjectId> set, int from, int to) {
    List<ObjectId> out = new ArrayList<>(set);
    out.set(out.indexOf(ObjectId.witness(from)), ObjectId.witness(to));
    out.sort(null);
    return out;
  }

  @Test
  void tooManySilentWitnessesOrTooFewRoundsLeaveTheSetUnknown() {
    List<WitnessSetLearner.Obs> obs = simulate(500, NEW, Set.of(ObjectId.witness(9), ObjectId.witness(2), ObjectId.witness(4)), 80);
    assertThat(WitnessSetLearner.learn(obs, 500, EXISTING)).isEmpty();
    obs = simulate(500, NEW, Set.of(), 12);
    assertThat(WitnessSetLearner.learn(obs, 500, EXISTING)).isEmpty();
    // observations that do not start at the maintenance block are not used
    assertThat(WitnessSetLearner.learn(simulate(500, NEW, Set.of(), 80).subList(1, 80), 500, EXISTING)).isEmpty();
  }

  @Test
  void aProducerOutOfTurnMakesEveryCandidateFail() {
    List<WitnessSetLearner.Obs> obs = new ArrayList<>(simulate(500, NEW, Set.of(), 80));
    WitnessSetLearner.Obs o = obs.get(50);
    ObjectId other = NEW.stream().filter(w -> !w.equals(o.witness())).findFirst().orElseThrow();
    obs.set(50, new WitnessSetLearner.Obs(o.num(), o.id(), o.time(), o.aslot(), other));
    assertThat(WitnessSetLearner.learn(obs, 500, EXISTING)).isEmpty();
  }
}
