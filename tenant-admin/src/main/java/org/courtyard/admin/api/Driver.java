package org.courtyard.admin.api;

import java.time.Instant;
import java.util.List;

/** A device driver the container runs, from {@code GET /operator/drivers}. */
public record Driver(
    String id,
    String name,
    String vendor,
    String version,
    List<String> deviceTypes,
    String state,
    String quarantineReason,
    Instant quarantinedAt,
    long decoded,
    long failures,
    long devices) {

  public Driver {
    deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
  }

  public boolean quarantined() {
    return "quarantined".equals(state);
  }
}
