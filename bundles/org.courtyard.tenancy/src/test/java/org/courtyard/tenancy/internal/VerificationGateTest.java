package org.courtyard.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.courtyard.api.RetryLaterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VerificationGateTest {

  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Holds the gate's only permit until {@code release} opens. */
  private Future<Boolean> hold(
      VerificationGate gate, CountDownLatch entered, CountDownLatch release) {
    return pool.submit(
        () ->
            gate.verify(
                () -> {
                  entered.countDown();
                  try {
                    return release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                }));
  }

  @Test
  void aVerificationBeyondTheBoundWaitsBrieflyThenGets503() throws Exception {
    VerificationGate gate = new VerificationGate(1, TimeUnit.MILLISECONDS.toNanos(50), 16);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> first = hold(gate, entered, release);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    assertThatThrownBy(() -> gate.verify(() -> true))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.type()).isEqualTo("authentication-busy");
              assertThat(e.retryAfterSeconds()).isEqualTo(1);
            });
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));

    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    // the permit came back: the next one runs
    assertThat(gate.verify(() -> false)).isFalse();
    assertThat(gate.available()).isEqualTo(1);
  }

  @Test
  void withNoRoomToWaitItAnswersAtOnce() throws Exception {
    VerificationGate gate = new VerificationGate(1, TimeUnit.SECONDS.toNanos(30), 0);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    hold(gate, entered, release);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();
    assertThatThrownBy(() -> gate.verify(() -> true)).isInstanceOf(RetryLaterException.class);
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
    release.countDown();
  }

  @Test
  void aFailingVerificationGivesItsPermitBack() {
    VerificationGate gate = new VerificationGate(2, 0, 0);
    assertThatThrownBy(
            () ->
                gate.verify(
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(gate.available()).isEqualTo(2);
  }
}
