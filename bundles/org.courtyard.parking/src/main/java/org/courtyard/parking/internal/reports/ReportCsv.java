package org.courtyard.parking.internal.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.csv.CsvWriter;

/** Parking's reports as CSV files, headers in the caller's language. */
public final class ReportCsv {

  private static final Texts TEXTS = Texts.of(ReportCsv.class);

  private ReportCsv() {}

  private static List<String> header(Locale locale, String... keys) {
    List<String> row = new ArrayList<>();
    for (String key : keys) {
      Text t = TEXTS.text("csv." + key);
      row.add(t.in(locale));
    }
    return row;
  }

  /** One row per lot and hour. */
  public static byte[] occupancy(OccupancyReport r, Locale locale) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header(locale, "lot", "hour", "avg-inside", "peak-inside", "entries"));
    for (OccupancyReport.Lot lot : r.lots()) {
      for (OccupancyReport.Hour h : lot.hours()) {
        rows.add(
            List.of(
                lot.code(),
                String.format(Locale.ROOT, "%02d:00", h.hour()),
                h.avgInside().toPlainString(),
                Integer.toString(h.peakInside()),
                Integer.toString(h.entries())));
      }
    }
    return CsvWriter.write(rows);
  }

  /** One row per day, then the totals. */
  public static byte[] revenue(RevenueReport r, Locale locale) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header(locale, "day", "at-exit", "ahead", "total", "payments"));
    for (RevenueReport.Day d : r.days()) {
      rows.add(
          List.of(
              d.day().toString(),
              money(d.atExit()),
              money(d.ahead()),
              money(d.total()),
              Integer.toString(d.payments())));
    }
    rows.add(
        List.of(
            TEXTS.text("csv.totals").in(locale),
            money(r.atExit()),
            money(r.ahead()),
            money(r.total()),
            Integer.toString(r.payments())));
    return CsvWriter.write(rows);
  }

  /** One row per bucket. */
  public static byte[] dwell(DwellReport r, Locale locale) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        header(locale, "from-minutes", "to-minutes", "temporary", "card", "white-list", "total"));
    for (DwellReport.Bucket b : r.buckets()) {
      rows.add(
          List.of(
              Integer.toString(b.fromMinutes()),
              b.toMinutes() == null ? "" : Integer.toString(b.toMinutes()),
              Integer.toString(b.temporary()),
              Integer.toString(b.card()),
              Integer.toString(b.whiteList()),
              Integer.toString(b.total())));
    }
    return CsvWriter.write(rows);
  }

  /** One row per card. */
  public static byte[] expiringCards(List<ExpiringCard> cards, Locale locale) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header(locale, "lot", "plate", "holder", "phone", "last-day", "days-left"));
    for (ExpiringCard k : cards) {
      rows.add(
          java.util.Arrays.asList(
              k.lotCode(),
              k.plate(),
              k.holderName(),
              k.holderPhone(),
              k.lastDay().toString(),
              Integer.toString(k.daysLeft())));
    }
    return CsvWriter.write(rows);
  }

  private static String money(BigDecimal v) {
    return v == null ? "" : v.toPlainString();
  }
}
