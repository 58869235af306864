package org.courtyard.tenancy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final AtomicLong now = new AtomicLong(-5 * SECOND); // nanoTime may be negative
  private final LoginThrottle throttle =
      new LoginThrottle(3, 60 * SECOND, 10 * SECOND, 1_000, now::get);

  @Test
  void locksAKeyOutOnceItReachesTheLimitAndOnlyThatKey() {
    assertThat(throttle.failed("op:operator")).isFalse();
    assertThat(throttle.failed("op:operator")).isFalse();
    assertThat(throttle.lockedFor("op:operator")).isZero();
    assertThat(throttle.failed("op:operator")).isTrue();
    assertThat(throttle.lockedFor("op:operator")).isEqualTo(10 * SECOND);
    assertThat(throttle.lockedFor("tk:other")).isZero();
    assertThat(throttle.lockedFor(null)).isZero();

    now.addAndGet(4 * SECOND);
    assertThat(throttle.lockedFor("op:operator")).isEqualTo(6 * SECOND);
    now.addAndGet(6 * SECOND);
    assertThat(throttle.lockedFor("op:operator")).isZero();
  }

  @Test
  void attemptsWhileLockedOutAreNotCountedAndDoNotProlongTheLockout() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.0.0.1");
    }
    now.addAndGet(5 * SECOND);
    for (int i = 0; i < 100; i++) {
      assertThat(throttle.failed("10.0.0.1")).isFalse();
    }
    assertThat(throttle.lockedFor("10.0.0.1")).isEqualTo(5 * SECOND);
    // after the lockout, the count starts again from zero
    now.addAndGet(5 * SECOND);
    throttle.failed("10.0.0.1");
    throttle.failed("10.0.0.1");
    assertThat(throttle.lockedFor("10.0.0.1")).isZero();
  }

  @Test
  void failuresOutsideTheWindowAreForgotten() {
    throttle.failed("op:operator");
    throttle.failed("op:operator");
    now.addAndGet(61 * SECOND);
    assertThat(throttle.failed("op:operator")).isFalse();
    assertThat(throttle.lockedFor("op:operator")).isZero();
  }

  @Test
  void aSuccessClearsFailuresButNotALockout() {
    throttle.failed("op:operator");
    throttle.failed("op:operator");
    throttle.succeeded("op:operator");
    throttle.failed("op:operator");
    throttle.failed("op:operator");
    assertThat(throttle.lockedFor("op:operator")).isZero();
    throttle.failed("op:operator");
    throttle.succeeded("op:operator");
    assertThat(throttle.lockedFor("op:operator")).isPositive();
  }

  @Test
  void remembersABoundedNumberOfKeysButKeepsLockouts() {
    LoginThrottle small = new LoginThrottle(2, 60 * SECOND, 10 * SECOND, 10, now::get);
    small.failed("locked");
    small.failed("locked");
    for (int i = 0; i < 1_000; i++) {
      small.failed("addr-" + i);
    }
    assertThat(small.size()).isLessThanOrEqualTo(11);
    assertThat(small.lockedFor("locked")).isPositive();
  }
}
