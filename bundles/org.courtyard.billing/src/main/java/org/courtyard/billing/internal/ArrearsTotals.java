package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.billing.internal.calc.Aging;
import org.courtyard.billing.internal.dto.ArrearsSummaryView;

/**
 * The totals of the arrears list ({@link Reports#arrears}) without its rows: what the rooms in
 * scope owe past due on a day, per age bucket, summed in one query over the open bills. The bills
 * counted are those the list ages (open, due before the day, something left to pay, in scope by the
 * bill's own place) and the buckets are {@link Aging}'s (1–30 days past due, 31–90, over 90), so
 * the totals are the sums of the list's rows.
 */
final class ArrearsTotals {

  private final Jdbc jdbc;
  private final Catalog catalog;

  ArrearsTotals(Jdbc jdbc, Catalog catalog) {
    this.jdbc = jdbc;
    this.catalog = catalog;
  }

  ArrearsSummaryView on(LocalDate asOf, DataScope scope) {
    Catalog.Settings settings = catalog.settings();
    return jdbc.read(
        c -> {
          // days past due = asOf - due_date (Aging): 1-30 is due_date >= asOf - 30, 31-90 is
          // due_date >= asOf - 90; one pass over the scope's open bills grouped by room
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COUNT(*),"
                      + " COALESCE(SUM(d0), 0), COUNT(d0), COALESCE(SUM(d1), 0), COUNT(d1),"
                      + " COALESCE(SUM(d2), 0), COUNT(d2) FROM (SELECT room_id,"
                      + " SUM(total - paid) FILTER (WHERE due_date >= ?) AS d0,"
                      + " SUM(total - paid) FILTER (WHERE due_date < ? AND due_date >= ?) AS d1,"
                      + " SUM(total - paid) FILTER (WHERE due_date < ?) AS d2"
                      + " FROM bill WHERE status = 'open' AND due_date < ? AND total > paid"
                      + Scopes.and(scope, "")
                      + " GROUP BY room_id) r")) {
            Date days30 = Date.valueOf(asOf.minusDays(30));
            Date days90 = Date.valueOf(asOf.minusDays(90));
            ps.setDate(1, days30);
            ps.setDate(2, days30);
            ps.setDate(3, days90);
            ps.setDate(4, days90);
            ps.setDate(5, Date.valueOf(asOf));
            Scopes.bind(c, ps, 6, scope);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              BigDecimal d0 = amount(rs.getBigDecimal(2));
              BigDecimal d1 = amount(rs.getBigDecimal(4));
              BigDecimal d2 = amount(rs.getBigDecimal(6));
              return new ArrearsSummaryView(
                  asOf,
                  settings.currency(),
                  d0.add(d1).add(d2),
                  rs.getLong(1),
                  List.of(
                      new ArrearsSummaryView.Bucket("days0to30", 1, 30, d0, rs.getLong(3)),
                      new ArrearsSummaryView.Bucket("days31to90", 31, 90, d1, rs.getLong(5)),
                      new ArrearsSummaryView.Bucket("days90plus", 91, null, d2, rs.getLong(7))));
            }
          }
        });
  }

  private static BigDecimal amount(BigDecimal sum) {
    return sum.setScale(2, RoundingMode.UNNECESSARY);
  }
}
