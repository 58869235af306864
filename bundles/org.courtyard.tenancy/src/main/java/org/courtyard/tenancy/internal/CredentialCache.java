package org.courtyard.tenancy.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;

/**
 * Credentials verified recently, so that a request costs no PBKDF2 while its credential stays
 * valid. Every invalidation (revocation, suspension, offboarding, a new operator password) advances
 * an epoch; a verification that started before it may not write its result back, because it may
 * have read the credential before the change. Writes and invalidations take one lock; reads take
 * none.
 */
final class CredentialCache {

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier clock;
  private long epoch; // guarded by this

  private static final class Entry {
    final String subject;
    final long expiresAt;

    Entry(String subject, long expiresAt) {
      this.subject = subject;
      this.expiresAt = expiresAt;
    }
  }

  CredentialCache(long ttlNanos, int maxEntries, LongSupplier clock) {
    this.ttlNanos = ttlNanos;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /** The subject (tenant slug, operator name) of a credential verified recently. */
  Optional<String> get(String key) {
    Entry e = entries.get(key);
    return e != null && e.expiresAt - clock.getAsLong() > 0
        ? Optional.of(e.subject)
        : Optional.empty();
  }

  /** Read before a verification reads the stored credential; pass it to {@link #putIfCurrent}. */
  synchronized long epoch() {
    return epoch;
  }

  /**
   * Remembers a verified credential unless an invalidation ran since {@code seenEpoch}; false when
   * it was not remembered (the caller's view of the credential may be stale).
   */
  synchronized boolean putIfCurrent(String key, String subject, long seenEpoch) {
    if (epoch != seenEpoch) {
      return false;
    }
    if (entries.size() >= maxEntries) {
      long now = clock.getAsLong();
      entries.values().removeIf(e -> e.expiresAt - now <= 0);
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
    }
    entries.put(key, new Entry(subject, clock.getAsLong() + ttlNanos));
    return true;
  }

  /** Forgets every entry {@code (key, subject)} matches, and every verification in flight. */
  synchronized void invalidate(BiPredicate<String, String> which) {
    epoch++;
    entries.entrySet().removeIf(e -> which.test(e.getKey(), e.getValue().subject));
  }

  Set<String> keys() {
    return Set.copyOf(entries.keySet());
  }
}
