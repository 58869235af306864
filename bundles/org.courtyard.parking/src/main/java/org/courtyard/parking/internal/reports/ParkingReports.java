package org.courtyard.parking.internal.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.ReportPeriod;

/**
 * Parking's reports (停车报表), each one query over the lots in the caller's scope (or one lot of it),
 * days in the module's zone: occupancy by hour of day, revenue by day, kind and method, the
 * distribution of stays' lengths, and the monthly cards that end soon. They read the passages and
 * payments as they are, and are inputs of the analytics module.
 *
 * <p>A stay is an entry the gate (or a guard) let in, until the exit that let it out; one still
 * inside lasts until now. A vehicle let out by hand, or read in again without its exit, has no exit
 * time and counts for no hour. Stays that began more than 366 days before the period (the longest a
 * tariff prices) are left out unless still inside.
 */
public final class ParkingReports {

  /** The lots in scope (or the one asked for), and the period's bounds in the module's zone. */
  private static final String LOTS_AND_BOUNDS =
      "WITH lots AS (SELECT l.id, l.code, l.name FROM parking_lot l"
          + " WHERE (?::bigint IS NULL OR l.id = ?) AND (? OR l.estate_id = ANY(?))),"
          + " b AS (SELECT s.time_zone AS tz,"
          + " (?::date)::timestamp AT TIME ZONE s.time_zone AS t0,"
          + " ((?::date) + 1)::timestamp AT TIME ZONE s.time_zone AS t1 FROM parking_settings s)";

  /**
   * The stays the period may see: entries let in from 366 days before it to its end, and older ones
   * still inside, each read from index {@code parking_passage_stay_ix}; {@code exit_at} the exit
   * that let it out, {@code left_at} that or now for one still inside.
   */
  private static final String STAYS =
      ", entries AS (SELECT e.id, e.lot_id, e.seen_at, e.temporary, e.card_id, e.inside"
          + " FROM parking_passage e JOIN lots ON lots.id = e.lot_id, b"
          + " WHERE e.direction = 'entry' AND e.decision = 'open'"
          + " AND e.seen_at >= b.t0 - interval '366 days' AND e.seen_at < b.t1"
          + " UNION ALL SELECT e.id, e.lot_id, e.seen_at, e.temporary, e.card_id, e.inside"
          + " FROM parking_passage e JOIN lots ON lots.id = e.lot_id, b"
          + " WHERE e.direction = 'entry' AND e.decision = 'open' AND e.inside"
          + " AND e.seen_at < b.t0 - interval '366 days'),"
          + " exits AS (SELECT en.*, (SELECT min(x.seen_at) FROM parking_passage x"
          + " WHERE x.entry_id = en.id AND x.decision = 'open') AS exit_at FROM entries en),"
          + " stays AS (SELECT lot_id, seen_at AS entered, temporary, card_id, exit_at,"
          + " coalesce(exit_at, CASE WHEN inside THEN now() END) AS left_at FROM exits)";

  /** Stays' lengths in minutes, the report's buckets: from (included) and to (excluded). */
  static final int[][] BUCKETS = {
    {0, 15}, {15, 60}, {60, 180}, {180, 480}, {480, 1440}, {1440, Integer.MAX_VALUE}
  };

  /**
   * 404 {@code not-found} for a lot outside the caller's scope, read on the report's connection.
   */
  @FunctionalInterface
  public interface LotCheck {
    void require(Connection c, DataScope scope, long lotId) throws SQLException;
  }

  private final Jdbc jdbc;
  private final LotCheck lotCheck;

  public ParkingReports(Jdbc jdbc, LotCheck lotCheck) {
    this.jdbc = jdbc;
    this.lotCheck = lotCheck;
  }

  private void check(Connection c, Long lotId, DataScope scope) throws SQLException {
    if (lotId != null) {
      lotCheck.require(c, scope, lotId);
    }
  }

  private static int bind(
      Connection c, PreparedStatement ps, ReportPeriod period, Long lotId, DataScope scope)
      throws SQLException {
    int i = 1;
    Jdbc.setLong(ps, i++, lotId);
    Jdbc.setLong(ps, i++, lotId);
    ps.setBoolean(i++, scope.isAll());
    ps.setArray(i++, Jdbc.bigints(c, scope.estates()));
    ps.setDate(i++, Date.valueOf(period.from()));
    ps.setDate(i++, Date.valueOf(period.to()));
    return i;
  }

  /** The lots the report covers, by id: code and name. */
  private static Map<Long, String[]> lots(Connection c, Long lotId, DataScope scope)
      throws SQLException {
    Map<Long, String[]> lots = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.id, l.code, l.name FROM parking_lot l"
                + " WHERE (?::bigint IS NULL OR l.id = ?) AND (? OR l.estate_id = ANY(?))")) {
      Jdbc.setLong(ps, 1, lotId);
      Jdbc.setLong(ps, 2, lotId);
      ps.setBoolean(3, scope.isAll());
      ps.setArray(4, Jdbc.bigints(c, scope.estates()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lots.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
        }
      }
    }
    return lots;
  }

  // ------------------------------------------------------------------------- occupancy

  /**
   * Per lot and hour of the day: the vehicles inside at the start of that hour, on average over the
   * period's days and at most, and the entries in that hour. Counted by one pass over the stays'
   * entries and exits in time order, the period's hours among them.
   */
  public OccupancyReport occupancy(ReportPeriod period, Long lotId, DataScope scope) {
    return jdbc.read(
        c -> {
          check(c, lotId, scope);
          Map<Long, String[]> lots = lots(c, lotId, scope);
          Map<Long, OccupancyReport.Hour[]> hours = new LinkedHashMap<>();
          for (Long id : lots.keySet()) {
            OccupancyReport.Hour[] h = new OccupancyReport.Hour[24];
            for (int k = 0; k < 24; k++) {
              h[k] = new OccupancyReport.Hour(k, BigDecimal.ZERO.setScale(1), 0, 0);
            }
            hours.put(id, h);
          }
          String sql =
              LOTS_AND_BOUNDS
                  + STAYS
                  + ", events AS ("
                  + " SELECT lot_id, entered AS t, 1 AS d, 0 AS mark FROM stays"
                  + " WHERE left_at IS NOT NULL"
                  + " UNION ALL SELECT lot_id, left_at, -1, 0 FROM stays WHERE left_at IS NOT NULL"
                  + " UNION ALL SELECT lots.id, h, 0, 1 FROM lots, b,"
                  + " generate_series(b.t0, b.t1 - interval '1 hour', interval '1 hour') h"
                  + " WHERE h <= now()),"
                  + " running AS (SELECT lot_id, t, mark, sum(d) OVER (PARTITION BY lot_id"
                  + " ORDER BY t, mark ROWS UNBOUNDED PRECEDING) AS inside FROM events),"
                  + " per_hour AS (SELECT lot_id, extract(hour FROM t AT TIME ZONE b.tz)::int AS hr,"
                  + " round(avg(inside), 1) AS avg_inside, max(inside) AS peak"
                  + " FROM running, b WHERE mark = 1 GROUP BY 1, 2),"
                  + " arrivals AS (SELECT lot_id, extract(hour FROM entered AT TIME ZONE b.tz)::int"
                  + " AS hr, count(*) AS n FROM stays, b WHERE entered >= b.t0 GROUP BY 1, 2)"
                  + " SELECT coalesce(p.lot_id, e.lot_id), coalesce(p.hr, e.hr),"
                  + " coalesce(p.avg_inside, 0), coalesce(p.peak, 0), coalesce(e.n, 0)"
                  + " FROM per_hour p FULL JOIN arrivals e ON e.lot_id = p.lot_id AND e.hr = p.hr";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, period, lotId, scope);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                OccupancyReport.Hour[] h = hours.get(rs.getLong(1));
                int hr = rs.getInt(2);
                if (h != null && hr >= 0 && hr < 24) {
                  h[hr] =
                      new OccupancyReport.Hour(
                          hr,
                          rs.getBigDecimal(3).setScale(1, RoundingMode.HALF_UP),
                          Math.max(0, rs.getInt(4)),
                          rs.getInt(5));
                }
              }
            }
          }
          List<OccupancyReport.Lot> out = new ArrayList<>();
          hours.forEach(
              (id, h) ->
                  out.add(
                      new OccupancyReport.Lot(id, lots.get(id)[0], lots.get(id)[1], List.of(h))));
          return new OccupancyReport(period.from(), period.to(), out);
        });
  }

  // --------------------------------------------------------------------------- revenue

  /**
   * Temporary parking's takings booked in the period (a payment counts on the day billing booked
   * it): per day, paid at the exit and ahead; per method; in total.
   */
  public RevenueReport revenue(ReportPeriod period, Long lotId, DataScope scope) {
    return jdbc.read(
        c -> {
          check(c, lotId, scope);
          String sql =
              LOTS_AND_BOUNDS
                  + " SELECT (y.posted_at AT TIME ZONE b.tz)::date, y.exit_id IS NOT NULL,"
                  + " y.method, count(*), sum(y.amount)"
                  + " FROM parking_payment y JOIN lots ON lots.id = y.lot_id, b"
                  + " WHERE y.state = 'posted' AND y.posted_at >= b.t0 AND y.posted_at < b.t1"
                  + " GROUP BY 1, 2, 3 ORDER BY 1";
          Map<LocalDate, BigDecimal[]> days = new TreeMap<>();
          Map<LocalDate, Integer> counts = new TreeMap<>();
          Map<String, BigDecimal> byMethod = new TreeMap<>();
          Map<String, Integer> countByMethod = new TreeMap<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, period, lotId, scope);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                LocalDate day = rs.getDate(1).toLocalDate();
                boolean atExit = rs.getBoolean(2);
                String method = rs.getString(3);
                int n = rs.getInt(4);
                BigDecimal amount = rs.getBigDecimal(5);
                BigDecimal[] d = days.computeIfAbsent(day, k -> new BigDecimal[] {zero(), zero()});
                d[atExit ? 0 : 1] = d[atExit ? 0 : 1].add(amount);
                counts.merge(day, n, Integer::sum);
                byMethod.merge(method, amount, BigDecimal::add);
                countByMethod.merge(method, n, Integer::sum);
              }
            }
          }
          List<RevenueReport.Day> dayRows = new ArrayList<>();
          BigDecimal atExit = zero();
          BigDecimal ahead = zero();
          int payments = 0;
          for (Map.Entry<LocalDate, BigDecimal[]> e : days.entrySet()) {
            BigDecimal[] d = e.getValue();
            dayRows.add(
                new RevenueReport.Day(
                    e.getKey(), d[0], d[1], d[0].add(d[1]), counts.get(e.getKey())));
            atExit = atExit.add(d[0]);
            ahead = ahead.add(d[1]);
            payments += counts.get(e.getKey());
          }
          List<RevenueReport.Method> methods = new ArrayList<>();
          byMethod.forEach(
              (m, a) -> methods.add(new RevenueReport.Method(m, a, countByMethod.get(m))));
          return new RevenueReport(
              period.from(),
              period.to(),
              dayRows,
              methods,
              atExit,
              ahead,
              atExit.add(ahead),
              payments);
        });
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  // ----------------------------------------------------------------------------- dwell

  /**
   * How long the stays that ended in the period lasted, in buckets (under 15 minutes, 15 to 60, 1
   * to 3 hours, 3 to 8, 8 to 24, a day or more), by how they came in (a temporary space, a monthly
   * card, the white list), and the median of the temporary ones.
   */
  public DwellReport dwell(ReportPeriod period, Long lotId, DataScope scope) {
    return jdbc.read(
        c -> {
          check(c, lotId, scope);
          String sql =
              LOTS_AND_BOUNDS
                  + STAYS
                  + " SELECT extract(epoch FROM exit_at - entered)::bigint / 60 AS minutes,"
                  + " temporary, card_id IS NOT NULL FROM stays, b"
                  + " WHERE exit_at >= b.t0 AND exit_at < b.t1";
          int[][] counts = new int[BUCKETS.length][3];
          List<Long> temporary = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, period, lotId, scope);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long minutes = Math.max(0, rs.getLong(1));
                int kind = rs.getBoolean(2) ? 0 : rs.getBoolean(3) ? 1 : 2;
                counts[bucket(minutes)][kind]++;
                if (kind == 0) {
                  temporary.add(minutes);
                }
              }
            }
          }
          List<DwellReport.Bucket> buckets = new ArrayList<>();
          for (int k = 0; k < BUCKETS.length; k++) {
            buckets.add(
                new DwellReport.Bucket(
                    BUCKETS[k][0],
                    BUCKETS[k][1] == Integer.MAX_VALUE ? null : BUCKETS[k][1],
                    counts[k][0],
                    counts[k][1],
                    counts[k][2],
                    counts[k][0] + counts[k][1] + counts[k][2]));
          }
          return new DwellReport(period.from(), period.to(), buckets, median(temporary));
        });
  }

  static int bucket(long minutes) {
    for (int k = 0; k < BUCKETS.length; k++) {
      if (minutes >= BUCKETS[k][0] && minutes < BUCKETS[k][1]) {
        return k;
      }
    }
    return BUCKETS.length - 1;
  }

  static Long median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get((sorted.size() - 1) / 2);
  }

  // --------------------------------------------------------------------- expiring cards

  /**
   * The monthly cards in force whose last day is from today (in the module's zone) to {@code days}
   * days after it, soonest first (at most 5,000): the holders to ask about renewing.
   */
  public List<ExpiringCard> expiringCards(int days, Long lotId, DataScope scope) {
    return jdbc.read(
        c -> {
          check(c, lotId, scope);
          LocalDate today;
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT (now() AT TIME ZONE time_zone)::date FROM parking_settings");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            today = rs.getDate(1).toLocalDate();
          }
          List<ExpiringCard> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT k.id, k.lot_id, l.code, k.plate, k.holder_name, k.holder_phone,"
                      + " k.last_day FROM parking_card k JOIN parking_lot l ON l.id = k.lot_id"
                      + " WHERE k.state = 'active' AND k.last_day BETWEEN ? AND ?"
                      + " AND (?::bigint IS NULL OR k.lot_id = ?) AND (? OR l.estate_id = ANY(?))"
                      + " ORDER BY k.last_day, k.id LIMIT 5000")) {
            ps.setDate(1, Date.valueOf(today));
            ps.setDate(2, Date.valueOf(today.plusDays(days)));
            Jdbc.setLong(ps, 3, lotId);
            Jdbc.setLong(ps, 4, lotId);
            ps.setBoolean(5, scope.isAll());
            ps.setArray(6, Jdbc.bigints(c, scope.estates()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                LocalDate last = rs.getDate(7).toLocalDate();
                out.add(
                    new ExpiringCard(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        last,
                        (int) java.time.temporal.ChronoUnit.DAYS.between(today, last)));
              }
            }
          }
          return out;
        });
  }
}
