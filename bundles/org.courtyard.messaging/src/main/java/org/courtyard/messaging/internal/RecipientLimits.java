package org.courtyard.messaging.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.courtyard.messaging.Message;

/**
 * The platform's own per-recipient limit: at most {@code limit} messages of one purpose to one
 * address of one tenant within a sliding {@code window}. Kept in memory per node, as the sign-in
 * throttles are; a restart forgets it.
 */
final class RecipientLimits {

  /** Past this many recipients, the ones idle for a whole window are forgotten. */
  private static final int SWEEP_AT = 10_000;

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> sent = new HashMap<>(); // guarded by this
  private int sweepAt = SWEEP_AT; // guarded by this

  RecipientLimits(int limit, Duration window, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a recipient limit lets at least one message through");
    }
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /**
   * How long until {@code message} may go ({@link Duration#ZERO}: now). Counts nothing: call {@link
   * #count} once the message is accepted.
   */
  synchronized Duration wait(Message message) {
    Deque<Instant> times = sent.get(key(message));
    if (times == null) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    expire(times, now);
    if (times.size() < limit) {
      return Duration.ZERO;
    }
    return Duration.between(now, times.peekFirst().plus(window));
  }

  synchronized void count(Message message) {
    Instant now = clock.instant();
    sent.computeIfAbsent(key(message), k -> new ArrayDeque<>()).addLast(now);
    if (sent.size() >= sweepAt) {
      sweep(now);
    }
  }

  synchronized int recipients() {
    return sent.size();
  }

  private void sweep(Instant now) {
    for (Iterator<Deque<Instant>> it = sent.values().iterator(); it.hasNext(); ) {
      Deque<Instant> times = it.next();
      expire(times, now);
      if (times.isEmpty()) {
        it.remove();
      }
    }
    // busy recipients that all count stay; sweep again only once as many more have come
    sweepAt = Math.max(SWEEP_AT, sent.size() * 2);
  }

  private void expire(Deque<Instant> times, Instant now) {
    Instant oldest = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
      times.removeFirst();
    }
  }

  private static String key(Message m) {
    return m.tenant().value()
        + '\u0000'
        + m.purpose()
        + '\u0000'
        + m.to().kind()
        + '\u0000'
        + m.to().normalized();
  }
}
