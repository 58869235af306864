package org.courtyard.workorders.internal.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Page;

/**
 * Teams of technicians (班组): an order given to a team is accepted by one of its members. Names are
 * unique; a team is edited under its version. A team that any order names, open or finished, stays:
 * its name is part of those orders' history (rename it instead).
 */
public final class Teams {

  private static final Texts TEXTS = Texts.of(Teams.class);

  private final Jdbc jdbc;

  public Teams(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of teams by id. */
  public Page<TeamView> page(int limit, String cursor) {
    long after = Cursor.decode(cursor);
    return jdbc.read(
        c -> {
          List<TeamView> rows = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, name, version FROM workorder_team WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, after);
            ps.setInt(2, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(new TeamView(rs.getLong(1), rs.getString(2), List.of(), rs.getInt(3)));
              }
            }
          }
          return Page.byId(withMembers(c, rows), limit, TeamView::id);
        });
  }

  /**
   * @throws org.courtyard.api.ProblemException 404 {@code not-found}
   */
  public TeamView get(long id) {
    return jdbc.read(c -> find(c, id));
  }

  /**
   * @throws org.courtyard.api.ProblemException 422 naming the wrong fields, 409 {@code duplicate}
   *     for a name another team has
   */
  public TeamView create(TeamInput in) {
    PeopleRules.Team t = PeopleRules.check(in, false);
    return jdbc.transaction(
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_team (name) VALUES (?)"
                      + " ON CONFLICT ON CONSTRAINT workorder_team_name_uq DO NOTHING RETURNING id")) {
            ps.setString(1, t.name());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw Problems.duplicate(TEXTS.text("team.duplicate", t.name()));
              }
              id = rs.getLong(1);
            }
          }
          writeMembers(c, id, t.members());
          return find(c, id);
        });
  }

  /**
   * Replaces the name and the members.
   *
   * @throws org.courtyard.api.ProblemException 404, 422, 409 {@code stale-version} or {@code
   *     duplicate}
   */
  public TeamView update(long id, TeamInput in) {
    PeopleRules.Team t = PeopleRules.check(in, true);
    return jdbc.transaction(
        c -> {
          TeamView current = find(c, id);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_team SET name = ?, version = version + 1"
                      + " WHERE id = ? AND version = ?")) {
            ps.setString(1, t.name());
            ps.setLong(2, id);
            ps.setInt(3, in.version());
            if (ps.executeUpdate() == 0) {
              throw Problems.staleVersion(
                  TEXTS.text("label.team"), id, current.version(), in.version());
            }
          } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
              throw Problems.duplicate(TEXTS.text("team.duplicate", t.name()));
            }
            throw e;
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM workorder_team_member WHERE team_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          writeMembers(c, id, t.members());
          return find(c, id);
        });
  }

  /**
   * @throws org.courtyard.api.ProblemException 404; 409 {@code team-in-use} while an order names
   *     the team
   */
  public void delete(long id) {
    jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT 1 FROM workorder_team WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw Problems.notFound(TEXTS.text("label.team"), id);
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*), count(*) FILTER (WHERE "
                      + OpenOrders.OPEN
                      + ") FROM workorder WHERE assignee_team_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              if (rs.getLong(1) > 0) {
                throw TEXTS.problem(
                    409, "team-in-use", "team.in-use", id, rs.getLong(1), rs.getLong(2));
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM workorder_team WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          } catch (SQLException e) {
            // an order given to the team since the count: the foreign key refuses
            if ("23503".equals(e.getSQLState())) {
              throw TEXTS.problem(409, "team-in-use", "team.in-use", id, 1, 1);
            }
            throw e;
          }
          return null;
        });
  }

  private static TeamView find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, name, version FROM workorder_team WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Problems.notFound(TEXTS.text("label.team"), id);
        }
        return withMembers(
                c, List.of(new TeamView(rs.getLong(1), rs.getString(2), List.of(), rs.getInt(3))))
            .get(0);
      }
    }
  }

  private static List<TeamView> withMembers(Connection c, List<TeamView> teams)
      throws SQLException {
    if (teams.isEmpty()) {
      return teams;
    }
    Map<Long, List<Long>> members = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT team_id, user_id FROM workorder_team_member WHERE team_id = ANY(?)"
                + " ORDER BY team_id, user_id")) {
      ps.setArray(1, Jdbc.bigints(c, teams.stream().map(TeamView::id).toList()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        }
      }
    }
    return teams.stream()
        .map(
            t ->
                new TeamView(
                    t.id(),
                    t.name(),
                    List.copyOf(members.getOrDefault(t.id(), List.of())),
                    t.version()))
        .toList();
  }

  private static void writeMembers(Connection c, long team, List<Long> members)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO workorder_team_member (team_id, user_id) VALUES (?, ?)")) {
      for (long user : members) {
        ps.setLong(1, team);
        ps.setLong(2, user);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
