package org.courtyard.admin.property.workorders;

import java.io.Serializable;
import java.util.List;

/**
 * A technician as {@code GET /workorders/technicians} lists them: their skills, the estates and
 * buildings they cover, their teams, how many orders they hold and whether they are on duty now.
 */
public record Technician(
    long userId,
    String displayName,
    List<String> skills,
    List<Area> areas,
    List<Team> teams,
    int openOrders,
    boolean onDutyNow)
    implements Serializable {

  public Technician {
    skills = skills == null ? List.of() : List.copyOf(skills);
    areas = areas == null ? List.of() : List.copyOf(areas);
    teams = teams == null ? List.of() : List.copyOf(teams);
  }

  /** An estate, or one building of it, the technician covers. */
  public record Area(Long estateId, Long buildingId) implements Serializable {}

  public record Team(long id, String name) implements Serializable {}
}
