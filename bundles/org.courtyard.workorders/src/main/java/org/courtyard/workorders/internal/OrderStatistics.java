package org.courtyard.workorders.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.jdbc.Jdbc;

/**
 * The numbers a manager opens the day with, in a data scope: orders open, overdue and due by the
 * end of today (in the tenant's zone). They read only open orders ({@code workorder_state_idx}).
 */
final class OrderStatistics {

  /** The counts. */
  record Today(long open, long overdue, long dueToday) {}

  private final Jdbc jdbc;
  private final WorkordersTenant tenant;

  OrderStatistics(Jdbc jdbc, WorkordersTenant tenant) {
    this.jdbc = jdbc;
    this.tenant = tenant;
  }

  Today today(Reach reach) {
    return jdbc.read(
        c -> {
          Instant now = tenant.clock().instant();
          ZoneId zone = tenant.rules(c).zone();
          LocalDate day = LocalDate.ofInstant(now, zone);
          Instant tomorrow = day.plusDays(1).atStartOfDay(zone).toInstant();
          StringBuilder where = new StringBuilder();
          List<Object> params = new ArrayList<>();
          reach.restrict("o", where, params, c);
          long open;
          long overdue;
          long dueToday;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*),"
                      + " count(*) FILTER (WHERE (o.responded_at IS NULL AND o.response_due < ?)"
                      + " OR (o.resolution_met_at IS NULL AND o.resolution_due < ?)),"
                      + " count(*) FILTER (WHERE o.resolution_met_at IS NULL"
                      + " AND o.resolution_due >= ? AND o.resolution_due < ?)"
                      + " FROM workorder o WHERE o.state IN"
                      + " ('new', 'dispatched', 'accepted', 'in_progress', 'paused')"
                      + where)) {
            Timestamp t = Timestamp.from(now);
            ps.setTimestamp(1, t);
            ps.setTimestamp(2, t);
            ps.setTimestamp(3, t);
            ps.setTimestamp(4, Timestamp.from(tomorrow));
            int i = 5;
            for (Object p : params) {
              ps.setObject(i++, p);
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              open = rs.getLong(1);
              overdue = rs.getLong(2);
              dueToday = rs.getLong(3);
            }
          }
          return new Today(open, overdue, dueToday);
        });
  }
}
