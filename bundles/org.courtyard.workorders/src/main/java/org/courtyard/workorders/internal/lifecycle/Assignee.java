package org.courtyard.workorders.internal.lifecycle;

/**
 * Whom an order is given to: one technician (a staff user id) or a team, any member of which may
 * accept it and so becomes its technician.
 */
public record Assignee(boolean team, long id) {

  public Assignee {
    if (id <= 0) {
      throw new IllegalArgumentException("an assignee id is positive: " + id);
    }
  }

  public static Assignee user(long userId) {
    return new Assignee(false, userId);
  }

  public static Assignee team(long teamId) {
    return new Assignee(true, teamId);
  }

  @Override
  public String toString() {
    return (team ? "team " : "technician ") + id;
  }
}
