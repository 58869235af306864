package org.courtyard.admin.property.parking;

import java.io.Serializable;
import java.time.Instant;

/**
 * An entrance or exit of a lot as {@code GET /parking/lots/{id}/gates} lists it: a lane of a
 * plate-reading camera, a device of the devices module.
 */
public record Gate(
    long id,
    long lotId,
    String deviceId,
    String lane,
    String direction,
    String name,
    Instant createdAt)
    implements Serializable {

  /** The body of {@code POST /parking/gates}. */
  public record Input(Long lotId, String deviceId, String lane, String direction, String name) {}
}
