package org.courtyard.workorders.internal.reports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.ReportPeriod;

/**
 * The work-order reports, each one grouped query over the orders of a period within the caller's
 * data scope (an estate or building of it; an estate's public areas only with the whole estate, as
 * {@code Reach} decides), optionally one estate: an estate outside the scope gives empty rows, as
 * billing's statistics simply count what the scope holds.
 *
 * <p>The period's bounds are the tenant's local midnights ({@code workorder_settings.time_zone}),
 * computed by PostgreSQL in the query itself: {@code [from 00:00, to + 1 00:00)}.
 */
public final class OrderReports {

  /** The tenant's zone, as the deadlines count in it. */
  private static final String ZONE = "(SELECT time_zone FROM workorder_settings WHERE id = 1)";

  private static final String OPEN = "('new', 'dispatched', 'accepted', 'in_progress', 'paused')";

  private static final String FINISHED = "o.state IN ('done', 'confirmed', 'closed')";

  private final Jdbc jdbc;

  public OrderReports(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Orders reported in the period, per category and in total.
   *
   * <p>Indexes: {@code workorder_created_idx} (V7) for the period's range on {@code created_at}
   * (with {@code estateId}, the planner may combine it with {@code workorder_estate_idx}); the
   * rating by its primary key; the latest reached visit per order from {@code
   * workorder_return_visit_order_idx}; categories by primary key. The orders of the period are read
   * once (the CTE {@code o}); the totals are the grouping set {@code ()}, so they are there, all
   * zero, when nothing was reported.
   */
  public SummaryReport summary(ReportPeriod period, Long estateId, DataScope scope) {
    return jdbc.read(
        c -> {
          Query q = summaryQuery(period, estateId, scope, c);
          try (PreparedStatement ps = q.prepare(c)) {
            List<SummaryRow> categories = new ArrayList<>();
            SummaryRow totals = null;
            String zone = null;
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                boolean total = rs.getInt(1) == 1;
                int i = 7;
                SummaryRow row =
                    new SummaryRow(
                        total ? null : rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(i++),
                        rs.getInt(i++),
                        rs.getInt(i++),
                        rs.getInt(i++),
                        rs.getInt(i++),
                        rs.getInt(i++),
                        rs.getInt(i++),
                        rs.getInt(i++),
                        rs.getInt(i++),
                        rs.getInt(i++),
                        rs.getBigDecimal(i++),
                        rs.getBigDecimal(i++),
                        rs.getInt(i++),
                        rs.getBigDecimal(i++),
                        rs.getBigDecimal(i++),
                        rs.getInt(i++),
                        rs.getBigDecimal(i++),
                        rs.getInt(i++));
                zone = rs.getString(i);
                if (total) {
                  totals = row;
                } else {
                  categories.add(row);
                }
              }
            }
            return new SummaryReport(
                period.from(), period.to(), zone, estateId, List.copyOf(categories), totals);
          }
        });
  }

  /**
   * Orders done in the period (their last completion; finished now: {@code done_at} is set exactly
   * while the order is done, confirmed or closed), per technician (an order is done by its
   * assignee). Indexes: {@code workorder_done_at_idx} (V7, partial on finished orders) for the
   * period's range on {@code done_at}; the rating by its primary key. The zone is read first,
   * apart, only to be named in the answer.
   */
  public TechniciansReport technicians(ReportPeriod period, Long estateId, DataScope scope) {
    return jdbc.read(
        c -> {
          Query q = techniciansQuery(period, estateId, scope, c);
          String zone;
          try (PreparedStatement ps = c.prepareStatement("SELECT " + ZONE)) {
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              zone = rs.getString(1);
            }
          }
          try (PreparedStatement ps = q.prepare(c)) {
            List<TechnicianRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new TechnicianRow(
                        rs.getLong(1),
                        null,
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getInt(6),
                        rs.getBigDecimal(7),
                        rs.getInt(8)));
              }
            }
            return new TechniciansReport(
                period.from(), period.to(), zone, estateId, List.copyOf(rows));
          }
        });
  }

  /** A statement and its parameters. */
  record Query(String sql, List<Object> params) {

    PreparedStatement prepare(Connection c) throws SQLException {
      PreparedStatement ps = c.prepareStatement(sql);
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      return ps;
    }
  }

  /** The summary's query (see {@link #summary}). */
  static Query summaryQuery(ReportPeriod period, Long estateId, DataScope scope, Connection c)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String orders = periodOrders("created_at", period, estateId, scope, params, c);
    String sql =
        "WITH o AS ("
            + orders
            + "), v AS (SELECT DISTINCT ON (rv.order_id) rv.order_id, rv.satisfaction"
            + " FROM workorder_return_visit rv JOIN o ON o.id = rv.order_id"
            + " WHERE rv.reached ORDER BY rv.order_id, rv.at DESC, rv.id DESC)"
            + " SELECT grouping(c.id) AS total, c.id, c.code, c.name_en, c.name_zh, c.kind,"
            + " count(o.id),"
            + " count(o.id) FILTER (WHERE o.state IN "
            + OPEN
            + "),"
            + " count(o.id) FILTER (WHERE o.state = 'done'),"
            + " count(o.id) FILTER (WHERE o.state = 'confirmed'),"
            + " count(o.id) FILTER (WHERE o.state = 'closed'),"
            + " count(o.id) FILTER (WHERE o.state = 'cancelled'),"
            + " count(o.id) FILTER (WHERE o.responded_at <= o.response_due),"
            + " count(o.id) FILTER (WHERE o.responded_at > o.response_due),"
            + " count(o.id) FILTER (WHERE "
            + FINISHED
            + " AND o.resolution_met_at <= o.resolution_due),"
            + " count(o.id) FILTER (WHERE "
            + FINISHED
            + " AND o.resolution_met_at > o.resolution_due),"
            + " round((avg(extract(epoch FROM o.responded_at - o.created_at)) / 60)::numeric,"
            + " 1),"
            + " round((avg(extract(epoch FROM o.done_at - o.created_at)) / 60)::numeric, 1),"
            + " count(o.id) FILTER (WHERE o.reopen_count > 0),"
            + " round(count(o.id) FILTER (WHERE o.reopen_count > 0)::numeric"
            + " / nullif(count(o.id) FILTER (WHERE "
            + FINISHED
            + " OR o.reopen_count > 0), 0), 4),"
            + " round(avg(r.score), 2), count(r.score),"
            + " round(avg(v.satisfaction), 2), count(v.satisfaction),"
            + " "
            + ZONE
            + " FROM o JOIN workorder_category c ON c.id = o.category_id"
            + " LEFT JOIN workorder_rating r ON r.order_id = o.id"
            + " LEFT JOIN v ON v.order_id = o.id"
            + " GROUP BY GROUPING SETS ((c.id, c.code, c.name_en, c.name_zh, c.kind), ())"
            + " ORDER BY grouping(c.id), c.code";
    return new Query(sql, params);
  }

  /** The technicians' query (see {@link #technicians}). */
  static Query techniciansQuery(ReportPeriod period, Long estateId, DataScope scope, Connection c)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String orders = periodOrders("done_at", period, estateId, scope, params, c);
    String sql =
        "WITH o AS ("
            + orders
            + ") SELECT o.assignee_user_id, count(*),"
            + " count(*) FILTER (WHERE o.resolution_met_at <= o.resolution_due),"
            + " round(count(*) FILTER (WHERE o.resolution_met_at <= o.resolution_due)"
            + "::numeric / count(*), 4),"
            + " round((avg(extract(epoch FROM o.done_at - o.created_at)) / 60)::numeric, 1),"
            + " count(*) FILTER (WHERE o.reopen_count > 0),"
            + " round(avg(r.score), 2), count(r.score)"
            + " FROM o LEFT JOIN workorder_rating r ON r.order_id = o.id"
            + " GROUP BY o.assignee_user_id ORDER BY o.assignee_user_id";
    return new Query(sql, params);
  }

  /**
   * The SELECT of the orders whose {@code column} falls in the period, in the estate if given,
   * within the scope; its parameters appended to {@code params}.
   */
  private static String periodOrders(
      String column,
      ReportPeriod period,
      Long estateId,
      DataScope scope,
      List<Object> params,
      Connection c)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder("SELECT * FROM workorder o WHERE o.")
            .append(column)
            .append(" >= (?::date)::timestamp AT TIME ZONE ")
            .append(ZONE)
            .append(" AND o.")
            .append(column)
            .append(" < (?::date + 1)::timestamp AT TIME ZONE ")
            .append(ZONE);
    params.add(Date.valueOf(period.from()));
    params.add(Date.valueOf(period.to()));
    if (estateId != null) {
      sql.append(" AND o.estate_id = ?");
      params.add(estateId);
    }
    if (!scope.isAll()) {
      sql.append(" AND (o.estate_id = ANY(?) OR o.building_id = ANY(?))");
      params.add(Jdbc.bigints(c, scope.estates()));
      params.add(Jdbc.bigints(c, scope.buildings()));
    }
    return sql.toString();
  }
}
