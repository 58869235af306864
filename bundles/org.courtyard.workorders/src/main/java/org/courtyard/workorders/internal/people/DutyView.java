package org.courtyard.workorders.internal.people;

import java.time.Instant;
import java.util.List;

/**
 * A technician's shifts that begin on the days {@code from} to {@code to}, in the tenant's zone.
 * Each shift says its day and wall times as planned, and the instants they were converted to.
 */
public record DutyView(long userId, String from, String to, String timeZone, List<Shift> shifts) {

  /** One shift: {@code to} not after {@code from} means it ends the next day. */
  public record Shift(
      long id, String day, String from, String to, Instant startsAt, Instant endsAt) {}
}
