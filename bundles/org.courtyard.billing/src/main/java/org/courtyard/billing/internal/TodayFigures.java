package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;

/**
 * The figures of billing's Today tiles, with the module's own definitions: a month's billed,
 * collected and rate are those of {@code GET /statistics/collection} for that period (its bills
 * that are not cancelled: their totals, what was applied to them), and arrears over 90 days is the
 * {@code days90plus} bucket of {@code GET /arrears} summed over the rooms ({@link
 * org.courtyard.billing.internal.calc.Aging}: open bills more than 90 days past their due date).
 * Both in the caller's scope, with {@link Scopes#and} like the statistics and the arrears total.
 *
 * <p>What it costs, and why no index was added: the 12 months are one grouped query over the bills
 * of those periods. Periodic bills are written period after period, so {@code bill_period_brin}
 * confines it to the blocks of the last 12 months however long the history; at 10,000 rooms that is
 * 120,000 rows summed in one pass, which a B-tree could not make much cheaper (every row of the
 * range is read either way), while each index on {@code bill} slows every billing run. Arrears read
 * the partial index {@code bill_open_due_idx} (open bills by due date), so paid history is never
 * visited.
 */
final class TodayFigures {

  /** A month's bills in scope: how many, billed and collected. */
  record Month(YearMonth period, long bills, BigDecimal billed, BigDecimal collected) {
    BigDecimal rate() {
      return Reports.rate(collected, billed);
    }
  }

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private final Jdbc jdbc;
  private final Catalog catalog;
  private final Clock clock;

  TodayFigures(Jdbc jdbc, Catalog catalog, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** The tenant's currency and today, in the tenant's time zone. */
  Catalog.Settings settings() {
    return catalog.settings();
  }

  LocalDate today(Catalog.Settings settings) {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  /**
   * The {@code months} months up to {@code last}, oldest first, every month present (zero when it
   * has no bill in scope): one query grouped by period.
   */
  Map<YearMonth, Month> months(YearMonth last, int months, DataScope scope) {
    YearMonth first = last.minusMonths(months - 1L);
    Map<YearMonth, Month> out = new LinkedHashMap<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.put(m, new Month(m, 0, ZERO, ZERO));
    }
    return jdbc.read(
        c -> {
          // The months are written into the statement (YearMonth's yyyy-MM, nothing a caller
          // typed): bound, they let PostgreSQL switch a pooled connection to its generic plan
          // after five runs, which does not know how many bills 12 months hold and sorted them
          // on disk.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT period, COUNT(*), SUM(total), SUM(paid) FROM bill"
                      + " WHERE period BETWEEN '"
                      + first
                      + "' AND '"
                      + last
                      + "' AND status <> 'cancelled'"
                      + Scopes.and(scope, "")
                      + " GROUP BY period")) {
            Scopes.bind(c, ps, 1, scope);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                YearMonth m = YearMonth.parse(rs.getString(1));
                out.put(m, new Month(m, rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
              }
            }
          }
          return out;
        });
  }

  /** What open bills in scope still owe more than 90 days after their due date, on {@code asOf}. */
  BigDecimal arrearsOver90Days(LocalDate asOf, DataScope scope) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COALESCE(SUM(total - paid), 0) FROM bill"
                      + " WHERE status = 'open' AND due_date < ?"
                      + Scopes.and(scope, ""))) {
            ps.setDate(1, Date.valueOf(asOf.minusDays(90)));
            Scopes.bind(c, ps, 2, scope);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getBigDecimal(1).setScale(2);
            }
          }
        });
  }
}
