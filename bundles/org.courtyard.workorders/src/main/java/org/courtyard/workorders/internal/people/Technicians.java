package org.courtyard.workorders.internal.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;

/**
 * Technicians: staff users of identity, known here by id only, with the skills automatic dispatch
 * matches against a category's and the areas (estates or buildings) they cover. A technician is
 * anyone with a skill, an area, a team, a shift not yet over or an open order; their skills and
 * areas are company data, read and written without a scope, while their open-order count covers the
 * caller's scope only.
 */
public final class Technicians {

  private final Jdbc jdbc;
  private final Clock clock;

  public Technicians(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Every technician, by user id. */
  public List<TechnicianView> list(DataScope scope) {
    return jdbc.read(c -> List.copyOf(read(c, null, scope).values()));
  }

  /** One user as a technician; empty lists for a user never set up. */
  public TechnicianView get(long userId, DataScope scope) {
    return jdbc.read(c -> read(c, userId, scope).get(userId));
  }

  /**
   * Replaces the technician's skills and areas.
   *
   * @throws org.courtyard.api.ProblemException 422 naming each wrong skill or area, such as an
   *     estate that does not exist
   */
  public TechnicianView update(
      long userId, TechnicianInput in, PeopleRules.AreaCheck areas, DataScope scope) {
    PeopleRules.Technician t = PeopleRules.check(in, areas);
    return jdbc.transaction(
        c -> {
          // the user's rows, locked in a fixed order, so two edits of one technician serialize
          try (PreparedStatement ps =
              c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended('wo-tech', ?))")) {
            ps.setLong(1, userId);
            ps.executeQuery().close();
          }
          for (String table : List.of("workorder_technician_skill", "workorder_technician_area")) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
              ps.setLong(1, userId);
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_technician_skill (user_id, skill) VALUES (?, ?)")) {
            for (String skill : t.skills()) {
              ps.setLong(1, userId);
              ps.setString(2, skill);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_technician_area (user_id, estate_id, building_id)"
                      + " VALUES (?, ?, ?)")) {
            for (Area a : t.areas()) {
              ps.setLong(1, userId);
              ps.setLong(2, a.estateId());
              Jdbc.setLong(ps, 3, a.buildingId());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return read(c, userId, scope).get(userId);
        });
  }

  /** A technician being read: the parts come from several tables. */
  private static final class Parts {
    final Set<String> skills = new TreeSet<>();
    final List<Area> areas = new ArrayList<>();
    final List<TechnicianView.TeamRef> teams = new ArrayList<>();
    int open;
    boolean onDuty;

    TechnicianView view(long userId) {
      return new TechnicianView(
          userId, List.copyOf(skills), List.copyOf(areas), List.copyOf(teams), open, onDuty);
    }
  }

  /** The technicians, or the one user, by user id. */
  private Map<Long, TechnicianView> read(Connection c, Long only, DataScope scope)
      throws SQLException {
    Map<Long, Parts> parts = new TreeMap<>();
    if (only != null) {
      parts.put(only, new Parts());
    }
    String user = only == null ? "" : " WHERE user_id = " + only;
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT user_id, skill FROM workorder_technician_skill" + user + " ORDER BY 1, 2");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        parts.computeIfAbsent(rs.getLong(1), k -> new Parts()).skills.add(rs.getString(2));
      }
    }
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT user_id, estate_id, building_id FROM workorder_technician_area"
                    + user
                    + " ORDER BY user_id, estate_id, building_id NULLS FIRST");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        parts
            .computeIfAbsent(rs.getLong(1), k -> new Parts())
            .areas
            .add(new Area(rs.getLong(2), Jdbc.getLong(rs, "building_id")));
      }
    }
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT m.user_id, t.id, t.name FROM workorder_team_member m"
                    + " JOIN workorder_team t ON t.id = m.team_id"
                    + (only == null ? "" : " WHERE m.user_id = " + only)
                    + " ORDER BY m.user_id, t.name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        parts
            .computeIfAbsent(rs.getLong(1), k -> new Parts())
            .teams
            .add(new TechnicianView.TeamRef(rs.getLong(2), rs.getString(3)));
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT assignee_user_id, count(*) FROM workorder WHERE "
                + OpenOrders.OPEN
                + " AND assignee_user_id "
                + (only == null ? "IS NOT NULL" : "= " + only)
                + OpenOrders.and(scope)
                + " GROUP BY 1")) {
      OpenOrders.bind(c, ps, 1, scope);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          parts.computeIfAbsent(rs.getLong(1), k -> new Parts()).open = rs.getInt(2);
        }
      }
    }
    Instant now = clock.instant();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT user_id, bool_or(starts_at <= ?) FROM workorder_duty WHERE ends_at > ?"
                + (only == null ? "" : " AND user_id = " + only)
                + " GROUP BY user_id")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setTimestamp(2, Timestamp.from(now));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          parts.computeIfAbsent(rs.getLong(1), k -> new Parts()).onDuty = rs.getBoolean(2);
        }
      }
    }
    Map<Long, TechnicianView> views = new TreeMap<>();
    parts.forEach((id, p) -> views.put(id, p.view(id)));
    return views;
  }
}
