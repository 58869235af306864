package org.courtyard.admin.api;

import java.time.Instant;
import java.util.List;

/** A driver jar an operator uploaded, from {@code GET /operator/drivers/packages}. */
public record DriverPackage(
    String sha256,
    String symbolicName,
    String version,
    int size,
    String state,
    Long bundleId,
    String bundleState,
    List<String> drivers,
    Instant uploadedAt,
    Instant replacedAt) {

  public DriverPackage {
    drivers = drivers == null ? List.of() : List.copyOf(drivers);
  }
}
