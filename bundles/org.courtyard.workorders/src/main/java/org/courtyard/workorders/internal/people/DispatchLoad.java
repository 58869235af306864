package org.courtyard.workorders.internal.people;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;

/**
 * The dispatcher's view: the open orders of each technician and each team, by state, and how many
 * are overdue, counted in one grouped query over the open orders' partial indexes and within the
 * caller's scope. An order is overdue when a deadline of it was marked breached by the sweep, or
 * its response or resolution due instant has passed without being met (the sweep may not have run
 * yet).
 */
public final class DispatchLoad {

  private final Jdbc jdbc;
  private final Clock clock;

  public DispatchLoad(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Technicians first (by user id), then teams (by team id); nobody without open orders. */
  public List<LoadRow> load(DataScope scope) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT assignee_user_id, assignee_team_id, count(*),"
                      + " count(*) FILTER (WHERE state = 'dispatched'),"
                      + " count(*) FILTER (WHERE state = 'accepted'),"
                      + " count(*) FILTER (WHERE state = 'in_progress'),"
                      + " count(*) FILTER (WHERE state = 'paused'),"
                      + " count(*) FILTER (WHERE response_breached_at IS NOT NULL"
                      + " OR resolution_breached_at IS NOT NULL"
                      + " OR (responded_at IS NULL AND response_due < ?)"
                      + " OR (resolution_met_at IS NULL AND resolution_due < ?))"
                      + " FROM workorder WHERE "
                      + OpenOrders.OPEN
                      + OpenOrders.and(scope)
                      + " GROUP BY assignee_user_id, assignee_team_id"
                      + " ORDER BY assignee_user_id NULLS LAST, assignee_team_id")) {
            Timestamp now = Timestamp.from(clock.instant());
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            OpenOrders.bind(c, ps, 3, scope);
            List<LoadRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new LoadRow(
                        Jdbc.getLong(rs, "assignee_user_id"),
                        Jdbc.getLong(rs, "assignee_team_id"),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8)));
              }
            }
            return rows;
          }
        });
  }
}
