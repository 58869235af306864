package org.courtyard.admin.property.parking;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A lot's spaces as {@code GET /parking/lots/{id}/map} answers them: each space with what holds it
 * at {@code at} (a lease or a reservation, until when) and its occupancy sensor's latest reading;
 * {@code complete} false when the lot has more spaces than the map carries.
 */
public record LotMap(long lotId, Instant at, boolean complete, List<Tile> spaces)
    implements Serializable {

  /** One space and what holds it now; {@code heldBy} {@code lease}, {@code reservation} or null. */
  public record Tile(MapSpace space, String heldBy, Instant heldUntil) implements Serializable {}

  /** The fields of a space the map draws. */
  public record MapSpace(
      long id,
      String number,
      String kind,
      int level,
      String state,
      String ownerName,
      String sensorDeviceId,
      Boolean occupied,
      Instant occupiedAt)
      implements Serializable {}
}
