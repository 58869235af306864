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

  private static final Text LOT = TEXTS.text("csv.lot");
  private static final Text HOUR = TEXTS.text("csv.hour");
  private static final Text AVG_INSIDE = TEXTS.text("csv.avg-inside");
  private static final Text PEAK_INSIDE = TEXTS.text("csv.peak-inside");
  private static final Text ENTRIES = TEXTS.text("csv.entries");
  private static final Text DAY = TEXTS.text("csv.day");
  private static final Text AT_EXIT = TEXTS.text("csv.at-exit");
  private static final Text AHEAD = TEXTS.text("csv.ahead");
  private static final Text TOTAL = TEXTS.text("csv.total");
  private static final Text PAYMENTS = TEXTS.text("csv.payments");
  private static final Text FROM_MINUTES = TEXTS.text("csv.from-minutes");
  private static final Text TO_MINUTES = TEXTS.text("csv.to-minutes");
  private static final Text TEMPORARY = TEXTS.text("csv.temporary");
  private static final Text CARD = TEXTS.text("csv.card");
  private static final Text WHITE_LIST = TEXTS.text("csv.white-list");
  private static final Text PLATE = TEXTS.text("csv.plate");
  private static final Text HOLDER = TEXTS.text("csv.holder");
  private static final Text PHONE = TEXTS.text("csv.phone");
  private static final Text LAST_DAY = TEXTS.text("csv.last-day");
  private static final Text DAYS_LEFT = TEXTS.text("csv.days-left");

  private static List<String> header(Locale locale, Text... columns) {
    List<String> row = new ArrayList<>();
    for (Text t : columns) {
      row.add(t.in(locale));
    }
    return row;
  }

  /** One row per lot and hour. */
  public static byte[] occupancy(OccupancyReport r, Locale locale) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header(locale, LOT, HOUR, AVG_INSIDE, PEAK_INSIDE, ENTRIES));
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
    rows.add(header(locale, DAY, AT_EXIT, AHEAD, TOTAL, PAYMENTS));
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
    rows.add(header(locale, FROM_MINUTES, TO_MINUTES, TEMPORARY, CARD, WHITE_LIST, TOTAL));
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
    rows.add(header(locale, LOT, PLATE, HOLDER, PHONE, LAST_DAY, DAYS_LEFT));
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
