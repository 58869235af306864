package org.courtyard.workorders.internal.lifecycle;

import java.util.Objects;
import java.util.Set;

/**
 * Who takes a step: a staff user, a technician (a staff user with the teams they belong to), a
 * resident (a person id of the residents module) or the system (id 0).
 */
public record Actor(ActorKind kind, long id, Set<Long> teams) {

  public Actor {
    Objects.requireNonNull(kind, "kind");
    teams = Set.copyOf(teams);
    if ((kind == ActorKind.SYSTEM) != (id == 0)) {
      throw new IllegalArgumentException("the system, and only the system, has id 0");
    }
    if (kind != ActorKind.TECHNICIAN && !teams.isEmpty()) {
      throw new IllegalArgumentException("only technicians belong to teams");
    }
  }

  public static Actor staff(long userId) {
    return new Actor(ActorKind.STAFF, userId, Set.of());
  }

  public static Actor technician(long userId, Long... teams) {
    return new Actor(ActorKind.TECHNICIAN, userId, Set.of(teams));
  }

  public static Actor resident(long personId) {
    return new Actor(ActorKind.RESIDENT, personId, Set.of());
  }

  public static Actor system() {
    return new Actor(ActorKind.SYSTEM, 0, Set.of());
  }

  /** Whether this technician may act as {@code assignee}: it is them, or a team of theirs. */
  boolean covers(Assignee assignee) {
    if (kind != ActorKind.TECHNICIAN || assignee == null) {
      return false;
    }
    return assignee.team() ? teams.contains(assignee.id()) : assignee.id() == id;
  }
}
