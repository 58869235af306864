package org.courtyard.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Today benchmark's baseline: the owner's Today figures (every module's tiles over the whole
 * company) as a competent engineer would compute them without the platform: plain JDBC on one
 * warmed connection to the tenant's schema, two prepared statements a screen, each planned for its
 * values. The first reads the billing settings (the tenant's time zone decides which month is "this
 * month" and which bills are 90 days overdue, and the API reads them on every call too); the second
 * computes everything else in one round trip, each figure with the SQL of the module that shows it
 * (billing's {@code TodayFigures}, {@code EstateFigures}, {@code ResidentsFigures}, {@code
 * Alarms.open}, {@code DeviceStore.presence} judged as {@code DeviceService.health} judges it): the
 * 12 months of bills grouped by period, the open bills more than 90 days past due, estates,
 * buildings, rooms and the vacant ones, persons and occupied rooms, open and acknowledged alarms,
 * active devices offline and faulty.
 *
 * <p>Devices are judged from the table alone: offline when their driver is installed and they were
 * last heard more than the gateway's heartbeat timeout ago, faulty when their driver is not
 * installed. A driver's quarantine lives in the platform's memory, out of reach of SQL; the
 * benchmark's company has no devices, so both sides count none.
 */
final class TodaySql implements AutoCloseable {

  /** The gateway's default heartbeat timeout, which the benchmark leaves as it is. */
  static final long HEARTBEAT_TIMEOUT_SECONDS = 300;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private final PreparedStatement settings;
  private final PreparedStatement figures;
  private final Array drivers;

  /**
   * @param installedDrivers the ids of the drivers installed on the platform ({@code GET
   *     /devices/drivers})
   */
  TodaySql(Connection c, String schema, Collection<String> installedDrivers) throws SQLException {
    // A prepared statement run more than five times may get PostgreSQL's generic plan, which for
    // the months' GROUP BY sorts the 120,000 bills on disk (about twice as slow as the plan made
    // for the actual months); a screen run again and again wants the plan of its values.
    try (Statement s = c.createStatement()) {
      s.execute("SET plan_cache_mode = force_custom_plan");
    }
    this.drivers = c.createArrayOf("text", installedDrivers.toArray());
    this.settings =
        c.prepareStatement("SELECT currency, time_zone FROM " + schema + ".billing_settings");
    this.figures =
        c.prepareStatement(
            "SELECT"
                + " (SELECT COUNT(*) FROM "
                + schema
                + ".estate),"
                + " (SELECT COUNT(*) FROM "
                + schema
                + ".building),"
                + " r.rooms, r.vacant,"
                + " (SELECT COUNT(*) FROM "
                + schema
                + ".residents_person),"
                + " (SELECT COUNT(DISTINCT room_id) FROM "
                + schema
                + ".residents_occupancy WHERE move_out IS NULL),"
                + " (SELECT COALESCE(SUM(total - paid), 0) FROM "
                + schema
                + ".bill WHERE status = 'open' AND due_date < ?),"
                + " a.raised, a.acknowledged, d.offline, d.faulty,"
                + " m.periods, m.bills, m.billed, m.collected"
                + " FROM (SELECT COUNT(*) AS rooms,"
                + " COUNT(*) FILTER (WHERE status = 'vacant') AS vacant FROM "
                + schema
                + ".room) r,"
                + " (SELECT COUNT(*) FILTER (WHERE status = 'raised') AS raised,"
                + " COUNT(*) FILTER (WHERE status = 'acknowledged') AS acknowledged FROM "
                + schema
                + ".alarm WHERE status IN ('raised', 'acknowledged')) a,"
                + " (SELECT COUNT(*) FILTER (WHERE driver = ANY(?) AND last_seen_at < ?) AS"
                + " offline, COUNT(*) FILTER (WHERE NOT driver = ANY(?)) AS faulty FROM "
                + schema
                + ".device WHERE status = 'active') d,"
                + " (SELECT array_agg(period ORDER BY period) AS periods,"
                + " array_agg(n ORDER BY period) AS bills,"
                + " array_agg(billed ORDER BY period) AS billed,"
                + " array_agg(collected ORDER BY period) AS collected"
                + " FROM (SELECT period, COUNT(*) AS n, SUM(total) AS billed, SUM(paid) AS"
                + " collected FROM "
                + schema
                + ".bill WHERE period BETWEEN ? AND ? AND status <> 'cancelled'"
                + " GROUP BY period) g) m");
  }

  /** The owner's figures now, keyed as {@link TodayNumbers#of} keys the API's. */
  TodayNumbers figures() throws SQLException {
    String currency;
    ZoneId zone;
    try (ResultSet rs = settings.executeQuery()) {
      rs.next();
      currency = rs.getString(1);
      zone = ZoneId.of(rs.getString(2));
    }
    LocalDate today = LocalDate.now(zone);
    YearMonth now = YearMonth.from(today);
    YearMonth first = now.minusMonths(TodayNumbers.MONTHS - 1L);
    figures.setDate(1, Date.valueOf(today.minusDays(90)));
    figures.setArray(2, drivers);
    figures.setTimestamp(3, Timestamp.from(Instant.now().minusSeconds(HEARTBEAT_TIMEOUT_SECONDS)));
    figures.setArray(4, drivers);
    figures.setString(5, first.toString());
    figures.setString(6, now.toString());
    Map<String, BigDecimal> f = new LinkedHashMap<>();
    Map<YearMonth, BigDecimal[]> months = new LinkedHashMap<>();
    for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
      months.put(m, new BigDecimal[] {BigDecimal.ZERO, ZERO, ZERO});
    }
    try (ResultSet rs = figures.executeQuery()) {
      rs.next();
      f.put("estate.estates", count(rs.getLong(1)));
      f.put("estate.buildings", count(rs.getLong(2)));
      f.put("estate.rooms", count(rs.getLong(3)));
      f.put("estate.vacant-rooms", count(rs.getLong(4)));
      f.put("residents.persons", count(rs.getLong(5)));
      f.put("residents.occupied-rooms", count(rs.getLong(6)));
      f.put("billing.arrears-over-90-days", rs.getBigDecimal(7).setScale(2));
      f.put("security.open-alarms", count(rs.getLong(8)));
      f.put("security.alarms-in-hand", count(rs.getLong(9)));
      f.put("devices.offline", count(rs.getLong(10)));
      f.put("devices.faulty", count(rs.getLong(11)));
      Array periods = rs.getArray(12);
      if (periods != null) {
        String[] p = (String[]) periods.getArray();
        Long[] bills = (Long[]) rs.getArray(13).getArray();
        BigDecimal[] billed = (BigDecimal[]) rs.getArray(14).getArray();
        BigDecimal[] collected = (BigDecimal[]) rs.getArray(15).getArray();
        for (int i = 0; i < p.length; i++) {
          months.put(
              YearMonth.parse(p[i].strip()),
              new BigDecimal[] {BigDecimal.valueOf(bills[i]), billed[i], collected[i]});
        }
      }
    }
    BigDecimal[] month = months.get(now);
    f.put("billing.billed-this-month", month[1]);
    f.put("billing.bills-this-month", month[0]);
    f.put("billing.collected-this-month", month[2]);
    f.put(
        "billing.collection-rate",
        month[1].signum() == 0
            ? null
            : month[2]
                .divide(month[1], 4, RoundingMode.HALF_UP)
                .multiply(HUNDRED)
                .setScale(2, RoundingMode.HALF_UP));
    months.forEach(
        (m, v) -> {
          f.put(TodayNumbers.point("billing.billed-this-month", "Billed", m.toString()), v[1]);
          f.put(TodayNumbers.point("billing.billed-this-month", "Collected", m.toString()), v[2]);
        });
    return new TodayNumbers(f, currency);
  }

  private static BigDecimal count(long n) {
    return BigDecimal.valueOf(n);
  }

  @Override
  public void close() throws SQLException {
    settings.close();
    figures.close();
    drivers.free();
  }
}
