package org.courtyard.workorders.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The technician a new order goes to when its category is dispatched automatically: among the
 * technicians on duty now who cover the order's estate (or its building) and have the category's
 * skill, {@code auto} picks the one with the fewest open orders (then the one given an order
 * longest ago), {@code round_robin} the one given an order longest ago. Nobody fits: the order
 * stays new for a dispatcher. Two orders reported at the same instant may go to the same
 * technician; the next one evens it out.
 */
final class AutoDispatch {

  private static final String CANDIDATES =
      "WITH candidate AS ("
          + " SELECT DISTINCT a.user_id FROM workorder_technician_area a"
          + " JOIN workorder_duty d ON d.user_id = a.user_id AND d.starts_at <= ? AND d.ends_at > ?"
          + " WHERE a.estate_id = ? AND (a.building_id IS NULL OR a.building_id = ?)"
          + " AND (?::varchar IS NULL OR EXISTS (SELECT 1 FROM workorder_technician_skill s"
          + " WHERE s.user_id = a.user_id AND s.skill = ?)))"
          + " SELECT c.user_id,"
          + " (SELECT count(*) FROM workorder w WHERE w.assignee_user_id = c.user_id"
          + " AND w.state IN ('dispatched', 'accepted', 'in_progress', 'paused')) AS open,"
          + " (SELECT max(e.at) FROM workorder_event e WHERE e.assignee_user_id = c.user_id"
          + " AND e.action IN ('dispatch', 'transfer', 'grab')) AS last_given"
          + " FROM candidate c";

  private AutoDispatch() {}

  /** The technician for an order of {@code mode} at the place, or empty when nobody fits. */
  static Optional<Long> choose(
      Connection c, String mode, long estateId, Long buildingId, String skill, Instant now)
      throws SQLException {
    String order =
        "auto".equals(mode)
            ? " ORDER BY open, last_given NULLS FIRST, user_id"
            : " ORDER BY last_given NULLS FIRST, user_id";
    try (PreparedStatement ps = c.prepareStatement(CANDIDATES + order + " LIMIT 1")) {
      Timestamp t = Timestamp.from(now);
      ps.setTimestamp(1, t);
      ps.setTimestamp(2, t);
      ps.setLong(3, estateId);
      ps.setObject(4, buildingId, java.sql.Types.BIGINT);
      ps.setString(5, skill);
      ps.setString(6, skill);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Whether a category of {@code mode} is dispatched by the system. */
  static boolean automatic(String mode) {
    return "auto".equals(mode) || "round_robin".equals(mode);
  }
}
