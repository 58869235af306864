package org.courtyard.messaging.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Workers;

/**
 * The attempts of many tenants on one lane, taken in turns. Each tenant's attempts wait in a queue
 * of their own, and each slot of the lane runs the next attempt of the next tenant in the ring, so
 * a company that hands in ten thousand messages at once delays another company's next message by
 * one attempt per company with messages waiting, not by its whole backlog. A tenant also holds at
 * most {@code share} messages in flight, so its burst refuses its own messages as busy, never
 * another's.
 *
 * <p>The lane holds one token per queued attempt, so its bound and its concurrency still hold.
 */
final class TenantTurns {

  /**
   * Messages a tenant may always have in flight, however many the others hold: a company flooding
   * the service (or several) never refuses another's sign-in code.
   */
  static final int RESERVED = 20;

  private final Workers.Lane lane;
  private final int capacity;
  private final int share;
  private volatile boolean closed;
  private int total;

  /** Tenants with attempts waiting, in the order of their turns. */
  private final LinkedHashMap<TenantSlug, ArrayDeque<Runnable>> waiting = new LinkedHashMap<>();

  /** Messages accepted and not finished, per tenant. */
  private final Map<TenantSlug, Integer> held = new HashMap<>();

  /**
   * @param lane where the attempts run; it must hold {@code capacity} plus {@link #RESERVED} per
   *     tenant, as this bounds what it queues
   * @param capacity messages in flight in all, beyond which only a tenant holding fewer than {@link
   *     #RESERVED} is taken
   * @param share what one tenant may hold
   */
  TenantTurns(Workers.Lane lane, int capacity, int share) {
    if (share < 1 || capacity < 1) {
      throw new IllegalArgumentException("a tenant holds at least one message in flight");
    }
    this.lane = lane;
    this.capacity = capacity;
    this.share = share;
  }

  /**
   * Takes a new message of {@code tenant} in flight if the tenant holds fewer than its share, and
   * queues its first attempt; false when the tenant's share or the lane is full.
   */
  boolean admit(TenantSlug tenant, Runnable attempt) {
    // the lane never calls back into this while it holds its own lock, so offering under this one
    // keeps the queued attempts and the lane's tokens equal in number
    synchronized (this) {
      int holds = held.getOrDefault(tenant, 0);
      if (closed
          || holds >= share
          || (total >= capacity && holds >= RESERVED)
          || !lane.offer(this::next)) {
        return false;
      }
      total++;
      held.merge(tenant, 1, Integer::sum);
      waiting.computeIfAbsent(tenant, t -> new ArrayDeque<>()).addLast(attempt);
      return true;
    }
  }

  /**
   * Queues another attempt of a message in flight after {@code pause}, in the tenant's turn; false
   * once {@link #close} was called (the lane would drop it).
   */
  boolean later(TenantSlug tenant, Duration pause, Runnable attempt) {
    if (closed) {
      return false;
    }
    lane.executeLater(
        pause,
        () -> {
          synchronized (this) {
            waiting.computeIfAbsent(tenant, t -> new ArrayDeque<>()).addLast(attempt);
          }
          next();
        });
    return true;
  }

  /** Takes no more attempts: the service is stopping. */
  void close() {
    closed = true;
  }

  /** A message of {@code tenant} finished: delivered, given up, or never queued. */
  synchronized void release(TenantSlug tenant) {
    Integer n = held.get(tenant);
    if (n == null) {
      return;
    }
    if (n <= 1) {
      held.remove(tenant);
    } else {
      held.put(tenant, n - 1);
    }
    total--;
  }

  /** Whether {@code tenant} is refused for its own share rather than for everyone's. */
  synchronized boolean atShare(TenantSlug tenant) {
    return held.getOrDefault(tenant, 0) >= share;
  }

  /** What one tenant may hold in flight. */
  int share() {
    return share;
  }

  /** Messages of {@code tenant} in flight. */
  synchronized int held(TenantSlug tenant) {
    return held.getOrDefault(tenant, 0);
  }

  /** Runs the next attempt of the tenant whose turn it is; the lane runs one per token. */
  private void next() {
    Runnable attempt;
    synchronized (this) {
      Iterator<Map.Entry<TenantSlug, ArrayDeque<Runnable>>> ring = waiting.entrySet().iterator();
      if (!ring.hasNext()) {
        return;
      }
      Map.Entry<TenantSlug, ArrayDeque<Runnable>> first = ring.next();
      attempt = first.getValue().pollFirst();
      ring.remove();
      if (!first.getValue().isEmpty()) {
        // to the back of the ring: every other tenant waiting goes first
        waiting.put(first.getKey(), first.getValue());
      }
    }
    if (attempt != null) {
      attempt.run();
    }
  }
}
