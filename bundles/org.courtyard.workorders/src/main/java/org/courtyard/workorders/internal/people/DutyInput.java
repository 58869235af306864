package org.courtyard.workorders.internal.people;

import java.util.List;

/**
 * The body of {@code PUT /technicians/{userId}/duty?from=&to=}: the shifts that begin on those
 * days, replacing the ones there were.
 */
public record DutyInput(List<ShiftInput> shifts) {

  /** A shift on {@code day} (YYYY-MM-DD) from {@code from} to {@code to} (HH:MM). */
  public record ShiftInput(String day, String from, String to) {}
}
