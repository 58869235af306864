package org.courtyard.admin.property.devices;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * A device as {@code GET /devices/devices} answers it: what it is, where, and how it is doing —
 * {@code state} online, offline, never-seen, faulty (with {@code fault}: why) or revoked.
 */
public record Device(
    String id,
    String type,
    String driver,
    String name,
    Location location,
    Map<String, String> settings,
    String state,
    String fault,
    Instant lastSeenAt,
    Long lastSequence,
    long messages,
    long duplicates,
    long rejected,
    String lastRefusal,
    Instant lastRefusedAt,
    Instant createdAt,
    Instant revokedAt)
    implements Serializable {

  /** Where the device is: a room, building, gate or area, and the estate and building. */
  public record Location(String kind, String ref, Long estateId, Long buildingId)
      implements Serializable {}

  public boolean revoked() {
    return "revoked".equals(state);
  }
}
