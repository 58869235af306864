package org.courtyard.admin.property.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** Guard patrol (巡更) as {@code /security/patrol} answers it. */
public final class Patrol {

  private Patrol() {}

  /**
   * A route: its checkpoints in order, the local times its rounds start and how long one takes;
   * {@code active} or {@code retired} (kept with its rounds, no new ones), and the {@code version}
   * an edit is made at.
   */
  public record Route(
      long id,
      String name,
      List<String> checkpoints,
      List<String> times,
      int roundMinutes,
      String status,
      Instant retiredAt,
      int version)
      implements Serializable {

    public boolean active() {
      return !"retired".equals(status);
    }
  }

  /**
   * The body of {@code POST /security/patrol/routes} and, with the version read, {@code PUT
   * /security/patrol/routes/{id}}.
   */
  public record RouteInput(
      String name,
      List<String> checkpoints,
      List<String> times,
      Integer roundMinutes,
      Integer version) {}

  /**
   * A round: {@code scheduled}, {@code in_progress}, {@code completed} or {@code missed} (its
   * window passed with the checkpoints in {@code missed} left).
   */
  public record Round(
      long id,
      long routeId,
      String route,
      Instant startsAt,
      Instant dueAt,
      String status,
      List<Checkin> checkins,
      List<String> missed)
      implements Serializable {

    public boolean missedAny() {
      return missed != null && !missed.isEmpty();
    }
  }

  /** A check-in: where, who, from the app or a badge ({@code device}), and when. */
  public record Checkin(String checkpoint, String guard, String source, Instant at)
      implements Serializable {}
}
