package org.courtyard.workorders.internal.notices;

/**
 * Someone a step concerns: a staff user or a resident (person id), and why ({@code assignee},
 * {@code reporter}, {@code watcher}).
 */
public record Recipient(String kind, long id, String role) {

  public static final String STAFF = "staff";
  public static final String RESIDENT = "resident";

  public static Recipient staff(long userId, String role) {
    return new Recipient(STAFF, userId, role);
  }

  public static Recipient resident(long personId) {
    return new Recipient(RESIDENT, personId, "reporter");
  }
}
