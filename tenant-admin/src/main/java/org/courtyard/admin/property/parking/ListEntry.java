package org.courtyard.admin.property.parking;

import java.io.Serializable;
import java.time.Instant;

/** A plate on the white or black list of a lot, or of every lot when {@code lotId} is null. */
public record ListEntry(
    long id,
    String list,
    String plate,
    Long lotId,
    String lotName,
    String reason,
    Instant expiresAt,
    boolean inForce)
    implements Serializable {

  /** The body of {@code POST /parking/lists}; {@code expiresAt} an ISO instant or null. */
  public record Input(String list, String plate, Long lotId, String reason, String expiresAt) {}
}
