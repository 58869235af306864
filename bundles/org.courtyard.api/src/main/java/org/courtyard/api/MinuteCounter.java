package org.courtyard.api;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Counts events per wall-clock minute over the last day, lock-free: each slot holds the minute it
 * counts (high 32 bits) and the count (low 32 bits) in one long, so that moving a slot on to a new
 * minute and counting into it cannot lose an event to a race.
 */
public final class MinuteCounter {

  /** One day of minutes. */
  public static final int MAX_MINUTES = 1440;

  private static final long COUNT_MASK = 0xffff_ffffL;

  private final AtomicLongArray slots = new AtomicLongArray(MAX_MINUTES);
  private final LongSupplier millis;

  public MinuteCounter() {
    this(System::currentTimeMillis);
  }

  /** With a clock of epoch milliseconds, for tests. */
  public MinuteCounter(LongSupplier millis) {
    this.millis = millis;
  }

  public void add(long n) {
    if (n <= 0) {
      return;
    }
    long minute = millis.getAsLong() / 60_000;
    int i = (int) (minute % MAX_MINUTES);
    while (true) {
      long v = slots.get(i);
      long next =
          (v >>> 32) == minute
              ? (minute << 32) | Math.min(COUNT_MASK, (v & COUNT_MASK) + n)
              : (minute << 32) | Math.min(COUNT_MASK, n);
      if (slots.compareAndSet(i, v, next)) {
        return;
      }
    }
  }

  /** The counts of the last {@code minutes} minutes (1 to {@value #MAX_MINUTES}), oldest first. */
  public long[] perMinute(int minutes) {
    if (minutes < 1 || minutes > MAX_MINUTES) {
      throw new IllegalArgumentException("minutes must be 1 to " + MAX_MINUTES + ": " + minutes);
    }
    long now = millis.getAsLong() / 60_000;
    long[] counts = new long[minutes];
    for (int k = 0; k < minutes; k++) {
      long minute = now - (minutes - 1 - k);
      long v = slots.get((int) (minute % MAX_MINUTES));
      counts[k] = (v >>> 32) == minute ? v & COUNT_MASK : 0;
    }
    return counts;
  }
}
