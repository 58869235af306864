package org.courtyard.parking.internal.dto;

import java.time.Instant;
import java.util.List;

/**
 * A lot's spaces as its map draws them, read at {@code at}: every space (at most {@code
 * MAX_SPACES}; {@code complete} false when the lot has more), highest level first, by number.
 */
public record LotMapView(long lotId, Instant at, boolean complete, List<Tile> spaces) {

  /** More spaces than any lot has; a map beyond it would be unreadable anyway. */
  public static final int MAX_SPACES = 10_000;

  /**
   * One space with what holds it now: {@code heldBy} {@code lease} or {@code reservation} (null
   * when neither covers this instant) until {@code heldUntil}; the space's own fields carry its
   * owner and its sensor's latest reading.
   */
  public record Tile(SpaceView space, String heldBy, Instant heldUntil) {}
}
