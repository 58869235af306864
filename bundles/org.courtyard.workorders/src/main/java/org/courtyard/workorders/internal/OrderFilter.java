package org.courtyard.workorders.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.courtyard.api.jdbc.Jdbc;

/**
 * The filters of the order list, each optional: states, category, priority, where (estate,
 * building, room), assignee (technician or team), overdue only, the grab pool (new orders of
 * categories dispatched by grabbing), a number or words of the description ({@code q}), and the
 * alarm that opened it.
 */
record OrderFilter(
    Set<String> states,
    Long categoryId,
    String priority,
    Long estateId,
    Long buildingId,
    Long roomId,
    Long assigneeUserId,
    Long assigneeTeamId,
    boolean overdue,
    boolean pool,
    String q,
    Long alarmId) {

  static final OrderFilter NONE =
      new OrderFilter(Set.of(), null, null, null, null, null, null, null, false, false, null, null);

  void restrict(StringBuilder where, List<Object> params, Instant now, Connection c)
      throws SQLException {
    if (!states.isEmpty()) {
      where.append(" AND o.state = ANY(?)");
      params.add(Jdbc.texts(c, states));
    }
    eq(where, params, "o.category_id", categoryId);
    eq(where, params, "o.priority", priority);
    eq(where, params, "o.estate_id", estateId);
    eq(where, params, "o.building_id", buildingId);
    eq(where, params, "o.room_id", roomId);
    eq(where, params, "o.assignee_user_id", assigneeUserId);
    eq(where, params, "o.assignee_team_id", assigneeTeamId);
    eq(where, params, "o.alarm_id", alarmId);
    if (overdue) {
      java.sql.Timestamp t = java.sql.Timestamp.from(now);
      where.append(
          " AND o.state IN ('new', 'dispatched', 'accepted', 'in_progress', 'paused')"
              + " AND ((o.responded_at IS NULL AND o.response_due < ?)"
              + " OR (o.resolution_met_at IS NULL AND o.resolution_due < ?))");
      params.add(t);
      params.add(t);
    }
    if (pool) {
      where.append(
          " AND o.state = 'new' AND o.category_id IN"
              + " (SELECT id FROM workorder_category WHERE dispatch_mode = 'grab')");
    }
    if (q != null) {
      where.append(" AND (o.number = ? OR o.description ILIKE ? ESCAPE '\\')");
      params.add(q.toUpperCase(java.util.Locale.ROOT));
      params.add("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
  }

  private static void eq(StringBuilder where, List<Object> params, String column, Object value) {
    if (value != null) {
      where.append(" AND ").append(column).append(" = ?");
      params.add(value);
    }
  }
}
