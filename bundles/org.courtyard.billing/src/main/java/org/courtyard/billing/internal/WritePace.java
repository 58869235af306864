package org.courtyard.billing.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.courtyard.api.TenantSlug;

/**
 * Turns to price and write a billing batch, across every tenant's runs. When nobody is waiting for
 * an answer from the node but the run's own tenant, each run works with all its writers. While
 * others' requests are being served, at most {@code whileServing} batches hold a turn at once in
 * the whole node, and after a turn the next one starts only once as much time again has passed as
 * the turn took: runs then take about half a core and leave the rest to the people using the API. A
 * batch waits for its turn before it opens a transaction, so a waiting batch holds no connection
 * and no lock.
 */
final class WritePace {

  /** How often a waiting batch looks again whether the node has become idle. */
  static final long RECHECK_MS = 50;

  private final Object lock = new Object();
  private final Predicate<TenantSlug> othersServed;
  private final IntSupplier whileServing;
  private int writing;

  /** While serving, no turn starts before this (System.nanoTime()). */
  private long nextStart = System.nanoTime();

  /**
   * @param othersServed whether requests of anyone but this tenant are being served now
   * @param whileServing batches written at once while they are; 0 or less for no limit
   */
  WritePace(Predicate<TenantSlug> othersServed, IntSupplier whileServing) {
    this.othersServed = othersServed;
    this.whileServing = whileServing;
  }

  /**
   * Waits for a turn to price and write one batch; {@link #release(long)} it when the batch has
   * committed.
   *
   * @param tenant whose run asks
   * @return when the turn started (System.nanoTime()), for {@link #release(long)}
   */
  long acquire(TenantSlug tenant) throws InterruptedException {
    synchronized (lock) {
      while (true) {
        boolean busy = busy(tenant);
        long wait =
            !busy
                ? 0
                : writing >= whileServing.getAsInt()
                    ? RECHECK_MS
                    : TimeUnit.NANOSECONDS.toMillis(nextStart - System.nanoTime());
        if (wait <= 0) {
          writing++;
          return System.nanoTime();
        }
        lock.wait(Math.min(wait, RECHECK_MS));
      }
    }
  }

  /**
   * Gives a turn back.
   *
   * @param started what {@link #acquire()} returned
   */
  void release(long started) {
    synchronized (lock) {
      writing--;
      long now = System.nanoTime();
      nextStart = Math.max(nextStart, now + (now - started));
      lock.notifyAll();
    }
  }

  /** Batches being written now, for tests and the run's statistics. */
  int writing() {
    synchronized (lock) {
      return writing;
    }
  }

  /** Whether the tenant's turns are rationed now: a limit is set and others are being served. */
  private boolean busy(TenantSlug tenant) {
    return whileServing.getAsInt() > 0 && othersServed.test(tenant);
  }
}
