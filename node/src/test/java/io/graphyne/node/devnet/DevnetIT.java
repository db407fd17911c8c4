package io.graphyne.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The devnet in-process over real sockets for about a minute: a producer with a 1 s block
 * interval, two validators syncing from it and from each other, the load generator creating the
 * seeds' accounts and sending valid and insufficient transactions. Checks that the validators
 * reach the producer's head with the same state hash, that every insufficient-signature
 * transaction was rejected by every node with the right reason and every valid one included, and
 * that a validator stopped and restarted on its data directory catches up.
 */
class DevnetIT {
  @TempDir Path dir;

  @Test
  void devnetAgreesRejectsWhatItMustAndAValidatorCatchesUp() throws Exception {
    Devnet.Options o = new Devnet.Options(dir, true, 5, 1, 0, Duration.ofMillis(500), 4, 7);
    try (Devnet d = new Devnet(o)) {
      d.start();
      long t0 = System.nanoTime();
      // phase 1: ~35 s of load (registration, authority setup, then traffic)
      while (System.nanoTime() - t0 < Duration.ofSeconds(35).toNanos()) {
        Thread.sleep(1000);
      }
      assertThat(d.load().setupDone()).as("the seeds' accounts were created and set up").isTrue();
      d.settle(Duration.ofSeconds(15)); // the producer includes what is still in its mempool
      List<Devnet.Standing> s = d.awaitAgreement(Duration.ofSeconds(15));
      assertThat(Devnet.agree(s)).as("standings %s", s).isTrue();
      assertThat(s.get(0).head()).isGreaterThan(25);
      Devnet.Check c = d.check();
      System.err.println("devnet check: " + c + " standings: " + s);
      assertThat(c.problems()).isEmpty();
      assertThat(c.validSent()).isGreaterThan(50);
      assertThat(c.invalidSent()).isGreaterThan(20);
      assertThat(c.ok()).as("%s", c).isTrue();

      // phase 2: a validator goes away while the chain moves on, then comes back
      d.stopValidator(0);
      d.resume();
      Thread.sleep(8000);
      d.restartValidator(0);
      Thread.sleep(8000);
      d.settle(Duration.ofSeconds(15));
      List<Devnet.Standing> after = d.awaitAgreement(Duration.ofSeconds(20));
      assertThat(Devnet.agree(after)).as("standings after restart %s", after).isTrue();
      assertThat(after.get(1).head()).isGreaterThan(s.get(0).head() + 5);
      Devnet.Check c2 = d.check();
      System.err.println("devnet check after restart: " + c2);
      assertThat(c2.validIncluded()).isEqualTo(c2.validSent());
      assertThat(c2.invalidIncluded()).isZero();
      assertThat(c2.wrongVerdicts()).isZero();
    }
  }
}
