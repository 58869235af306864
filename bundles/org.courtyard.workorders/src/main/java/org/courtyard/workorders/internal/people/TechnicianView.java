package org.courtyard.workorders.internal.people;

import java.util.List;

/**
 * A technician as the dispatcher sees them: skills, areas, teams, the open orders assigned to them
 * (within the caller's scope) and whether a shift of theirs is running now.
 */
public record TechnicianView(
    long userId,
    List<String> skills,
    List<Area> areas,
    List<TeamRef> teams,
    int openOrders,
    boolean onDutyNow) {

  /** A team a technician belongs to. */
  public record TeamRef(long id, String name) {}
}
