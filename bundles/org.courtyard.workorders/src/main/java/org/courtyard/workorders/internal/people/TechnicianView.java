package org.courtyard.workorders.internal.people;

import java.util.List;

/**
 * A technician as the dispatcher sees them: their name (null until read from the staff directory,
 * or for a disabled user), skills, areas, teams, the open orders assigned to them (within the
 * caller's scope) and whether a shift of theirs is running now.
 */
public record TechnicianView(
    long userId,
    String displayName,
    List<String> skills,
    List<Area> areas,
    List<TeamRef> teams,
    int openOrders,
    boolean onDutyNow) {

  public TechnicianView(
      long userId,
      List<String> skills,
      List<Area> areas,
      List<TeamRef> teams,
      int openOrders,
      boolean onDutyNow) {
    this(userId, null, skills, areas, teams, openOrders, onDutyNow);
  }

  /** This view with the name the staff directory holds. */
  public TechnicianView named(String name) {
    return new TechnicianView(userId, name, skills, areas, teams, openOrders, onDutyNow);
  }

  /** A team a technician belongs to. */
  public record TeamRef(long id, String name) {}
}
