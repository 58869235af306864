package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.courtyard.api.TenantSlug;
import org.junit.jupiter.api.Test;

class WritePaceTest {

  private static final TenantSlug A = TenantSlug.of("acme");

  @Test
  void withNobodyElseServedTurnsAreNotRationed() throws InterruptedException {
    WritePace pace = new WritePace(t -> false, () -> 1);
    long first = pace.acquire(A);
    long second = pace.acquire(A);
    long third = pace.acquire(A);
    assertThat(pace.writing()).isEqualTo(3);
    pace.release(first);
    pace.release(second);
    pace.release(third);
    assertThat(pace.writing()).isZero();
  }

  @Test
  void whileOthersAreServedOneTurnAtATimeThenAPauseAsLongAsTheTurn() throws Exception {
    WritePace pace = new WritePace(t -> true, () -> 1);
    long turn = pace.acquire(A);
    AtomicLong secondStarted = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    Thread other =
        new Thread(
            () -> {
              try {
                long t = pace.acquire(A);
                secondStarted.set(t);
                pace.release(t);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              done.countDown();
            });
    other.start();
    Thread.sleep(150);
    assertThat(secondStarted.get()).as("no second turn while the first is held").isZero();
    long released = System.nanoTime();
    pace.release(turn);
    long held = released - turn;
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    // the turn was held at least 150 ms, so the next one waited about as long after it
    assertThat(secondStarted.get() - released).isGreaterThanOrEqualTo(held - 20_000_000L);
  }

  @Test
  void aTurnWaitingForOthersToFinishProceedsAtFullSpeedOnceTheyHave() throws Exception {
    AtomicBoolean othersServed = new AtomicBoolean(true);
    WritePace pace = new WritePace(t -> othersServed.get(), () -> 1);
    long turn = pace.acquire(A);
    CountDownLatch second = new CountDownLatch(1);
    Thread other =
        new Thread(
            () -> {
              try {
                pace.acquire(A);
                second.countDown();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    other.start();
    assertThat(second.await(200, TimeUnit.MILLISECONDS)).isFalse();
    othersServed.set(false);
    assertThat(second.await(2, TimeUnit.SECONDS))
        .as("the node went quiet: the waiting turn starts without the first being given back")
        .isTrue();
    assertThat(pace.writing()).isEqualTo(2);
    pace.release(turn);
  }

  @Test
  void zeroMeansNoRationing() throws InterruptedException {
    WritePace pace = new WritePace(t -> true, () -> 0);
    pace.acquire(A);
    pace.acquire(A);
    assertThat(pace.writing()).isEqualTo(2);
  }
}
