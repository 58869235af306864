package org.courtyard.messaging.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The pause before each retry of a transient failure: {@code first}, then three times longer each
 * time up to {@code max}, each spread by ±20% so that messages that failed together do not all come
 * back together.
 */
final class Backoff {

  private final Duration first;
  private final Duration max;
  private final DoubleSupplier random;

  Backoff(Duration first, Duration max, DoubleSupplier random) {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("retry pauses need 0 < first <= max");
    }
    this.first = first;
    this.max = max;
    this.random = random;
  }

  /** The pause after the {@code failed}-th failed attempt (1 for the first). */
  Duration after(int failed) {
    double base = first.toMillis() * Math.pow(3, Math.min(failed - 1, 30));
    double capped = Math.min(base, max.toMillis());
    double spread = 0.8 + 0.4 * random.getAsDouble();
    return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
  }
}
