package org.courtyard.workorders.internal.deadlines;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a deadline counts: every hour of the day, or the tenant's working hours ({@link
 * WorkingCalendar}). Both answers are exact to the nanosecond, so a deadline computed with {@link
 * #after} is met by {@link #between} to the same instant.
 */
public interface ServiceHours {

  /** Counted time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
  Duration between(Instant from, Instant to);

  /**
   * The earliest instant at which {@code amount} of counted time has passed since {@code start}:
   * {@code start} itself for zero, the closing time when the amount runs out exactly at closing.
   */
  Instant after(Instant start, Duration amount);

  /** Every hour counts: nights, weekends and holidays too. */
  ServiceHours ROUND_THE_CLOCK =
      new ServiceHours() {
        @Override
        public Duration between(Instant from, Instant to) {
          return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
        }

        @Override
        public Instant after(Instant start, Duration amount) {
          if (amount.isNegative()) {
            throw new IllegalArgumentException("negative amount " + amount);
          }
          return start.plus(amount);
        }

        @Override
        public String toString() {
          return "round the clock";
        }
      };
}
