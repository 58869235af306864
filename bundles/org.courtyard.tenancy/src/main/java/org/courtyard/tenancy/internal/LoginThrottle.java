package org.courtyard.tenancy.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed logins per key (a source address, or an account) within a window; a key that reaches the
 * limit is locked out for a while. Asking whether a key is locked costs one map lookup, so a
 * locked-out caller is refused before any hashing. Refused attempts are not counted: they cost
 * nothing, and counting them would keep a lockout alive for ever.
 */
final class LoginThrottle {

  private final int failures;
  private final long windowNanos;
  private final long lockoutNanos;
  private final int maxKeys;
  private final LongSupplier clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  /** Failures since {@code windowStart}, or a lockout until {@code lockedUntil}. */
  private static final class State {
    final int failures;
    final long windowStart;
    final boolean locked;
    final long lockedUntil;

    State(int failures, long windowStart, boolean locked, long lockedUntil) {
      this.failures = failures;
      this.windowStart = windowStart;
      this.locked = locked;
      this.lockedUntil = lockedUntil;
    }

    long lockLeft(long now) {
      return locked ? Math.max(0, lockedUntil - now) : 0;
    }
  }

  /**
   * @param failures failed attempts within {@code windowNanos} that lock a key out
   * @param maxKeys keys remembered at most; beyond, those not locked out are forgotten
   */
  LoginThrottle(
      int failures, long windowNanos, long lockoutNanos, int maxKeys, LongSupplier clock) {
    if (failures < 1 || windowNanos <= 0 || lockoutNanos <= 0 || maxKeys < 1) {
      throw new IllegalArgumentException("a throttle needs positive limits");
    }
    this.failures = failures;
    this.windowNanos = windowNanos;
    this.lockoutNanos = lockoutNanos;
    this.maxKeys = maxKeys;
    this.clock = clock;
  }

  /** Nanoseconds left of the key's lockout; 0 when it is not locked out (or the key is null). */
  long lockedFor(String key) {
    if (key == null) {
      return 0;
    }
    State s = states.get(key);
    return s == null ? 0 : s.lockLeft(clock.getAsLong());
  }

  /** Counts a failed attempt; true when this one locked the key out. */
  boolean failed(String key) {
    if (key == null) {
      return false;
    }
    long now = clock.getAsLong();
    boolean[] lockedNow = {false};
    states.compute(
        key,
        (k, old) -> {
          if (old != null && old.lockLeft(now) > 0) {
            return old;
          }
          boolean fresh = old == null || old.locked || now - old.windowStart >= windowNanos;
          int n = fresh ? 1 : old.failures + 1;
          if (n >= failures) {
            lockedNow[0] = true;
            return new State(0, now, true, now + lockoutNanos);
          }
          return new State(n, fresh ? now : old.windowStart, false, 0);
        });
    if (states.size() > maxKeys) {
      forgetUnlocked(now);
    }
    return lockedNow[0];
  }

  /** A successful login clears its account's failures (never an address's: see the caller). */
  void succeeded(String key) {
    if (key != null) {
      states.computeIfPresent(key, (k, s) -> s.lockLeft(clock.getAsLong()) > 0 ? s : null);
    }
  }

  private void forgetUnlocked(long now) {
    states.values().removeIf(s -> s.lockLeft(now) == 0);
  }

  int size() {
    return states.size();
  }
}
