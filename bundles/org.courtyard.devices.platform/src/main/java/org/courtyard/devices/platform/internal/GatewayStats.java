package org.courtyard.devices.platform.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.courtyard.api.MinuteCounter;

/**
 * The gateway's counters since start, kept by whichever part of it sees the event: the arrival of a
 * message, its decode, its storage.
 */
final class GatewayStats {

  /** Messages taken from the broker. */
  final AtomicLong received = new AtomicLong();

  /** Messages their driver decoded. */
  final AtomicLong accepted = new AtomicLong();

  /** Messages stored as refused. */
  final AtomicLong refused = new AtomicLong();

  final AtomicLong stored = new AtomicLong();
  final MinuteCounter storedPerMinute = new MinuteCounter();

  /** Redeliveries of messages stored already. */
  final AtomicLong duplicates = new AtomicLong();

  /** Messages acknowledged without being stored: they belonged to nobody. */
  final AtomicLong dropped = new AtomicLong();

  /** Writes tried again while the database was away. */
  final AtomicLong retries = new AtomicLong();

  /** Messages left unacknowledged with the broker, for their tenant's module was not running. */
  final AtomicLong held = new AtomicLong();

  /** The counters now, with what the lanes hold and how many of the sessions are connected. */
  Gateway.Stats snapshot(int queued, List<GatewaySession> sessions) {
    int up = (int) sessions.stream().filter(GatewaySession::connected).count();
    return new Gateway.Stats(
        received.get(),
        accepted.get(),
        refused.get(),
        stored.get(),
        duplicates.get(),
        dropped.get(),
        queued,
        !sessions.isEmpty() && up == sessions.size(),
        retries.get(),
        held.get(),
        sessions.size(),
        up);
  }
}
