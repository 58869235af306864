package org.courtyard.tenancy.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.courtyard.api.Texts;

/**
 * Bounds the PBKDF2 verifications running at once. A flood of wrong credentials would otherwise
 * keep every core hashing and every HTTP thread waiting for it; past the bound a request waits a
 * little, and is then answered 503 instead of taking a thread for as long as the flood lasts.
 */
final class VerificationGate {

  private static final Texts TEXTS = Texts.of(VerificationGate.class);

  private final Semaphore permits;
  private final long waitNanos;
  private final int maxWaiting;

  VerificationGate(int concurrent, long waitNanos, int maxWaiting) {
    if (concurrent < 1 || waitNanos < 0 || maxWaiting < 0) {
      throw new IllegalArgumentException("a verification gate needs at least one permit");
    }
    this.permits = new Semaphore(concurrent, true);
    this.waitNanos = waitNanos;
    this.maxWaiting = maxWaiting;
  }

  /** Runs {@code verification} once a permit is free; 503 when none frees up in time. */
  boolean verify(BooleanSupplier verification) {
    boolean acquired;
    try {
      acquired =
          permits.getQueueLength() < maxWaiting
              ? permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)
              : permits.tryAcquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw TEXTS.retryLater(503, "authentication-busy", 1, "login.busy");
    }
    try {
      return verification.getAsBoolean();
    } finally {
      permits.release();
    }
  }

  /** Verifications waiting for a permit, roughly (for tests). */
  int waiting() {
    return permits.getQueueLength();
  }

  int available() {
    return permits.availablePermits();
  }
}
