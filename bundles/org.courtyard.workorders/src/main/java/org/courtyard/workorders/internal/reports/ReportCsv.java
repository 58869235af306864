package org.courtyard.workorders.internal.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.courtyard.api.Languages;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.csv.CsvWriter;

/**
 * The reports as CSV for spreadsheets: UTF-8 with a byte order mark (Excel otherwise reads Chinese
 * as the system's code page), CRLF line ends, the header row and the category names in the caller's
 * language, cells quoted when they hold a comma, a quote or a line break, and never read as a
 * formula (as identity's audit export writes them).
 */
public final class ReportCsv {

  private static final Texts TEXTS = Texts.of(ReportCsv.class);

  private static final Text[] SUMMARY = {
    TEXTS.text("csv.code"),
    TEXTS.text("csv.name"),
    TEXTS.text("csv.kind"),
    TEXTS.text("csv.reported"),
    TEXTS.text("csv.open"),
    TEXTS.text("csv.done"),
    TEXTS.text("csv.confirmed"),
    TEXTS.text("csv.closed"),
    TEXTS.text("csv.cancelled"),
    TEXTS.text("csv.response-on-time"),
    TEXTS.text("csv.response-late"),
    TEXTS.text("csv.resolution-on-time"),
    TEXTS.text("csv.resolution-late"),
    TEXTS.text("csv.avg-response-minutes"),
    TEXTS.text("csv.avg-resolution-minutes"),
    TEXTS.text("csv.reopened"),
    TEXTS.text("csv.reopen-rate"),
    TEXTS.text("csv.avg-rating"),
    TEXTS.text("csv.rating-count"),
    TEXTS.text("csv.avg-satisfaction"),
    TEXTS.text("csv.visit-count")
  };

  private static final Text[] TECHNICIANS = {
    TEXTS.text("csv.user-id"),
    TEXTS.text("csv.technician-name"),
    TEXTS.text("csv.done"),
    TEXTS.text("csv.resolution-on-time"),
    TEXTS.text("csv.on-time-share"),
    TEXTS.text("csv.avg-resolution-minutes"),
    TEXTS.text("csv.reopened"),
    TEXTS.text("csv.avg-rating"),
    TEXTS.text("csv.rating-count")
  };

  private ReportCsv() {}

  /** One row per category, then the totals. */
  public static byte[] summary(SummaryReport report, Locale locale) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header(SUMMARY, locale));
    for (SummaryRow r : report.categories()) {
      rows.add(summaryRow(r, Languages.CHINESE.equals(locale) ? r.nameZh() : r.nameEn()));
    }
    rows.add(summaryRow(report.totals(), TEXTS.text("csv.totals").in(locale)));
    return write(rows);
  }

  /** One row per technician. */
  public static byte[] technicians(TechniciansReport report, Locale locale) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header(TECHNICIANS, locale));
    for (TechnicianRow r : report.technicians()) {
      rows.add(
          List.of(
              Long.toString(r.userId()),
              r.displayName() == null ? "" : r.displayName(),
              Integer.toString(r.done()),
              Integer.toString(r.resolutionOnTime()),
              number(r.onTimeShare()),
              number(r.avgResolutionMinutes()),
              Integer.toString(r.reopened()),
              number(r.avgRating()),
              Integer.toString(r.ratingCount())));
    }
    return write(rows);
  }

  private static List<String> summaryRow(SummaryRow r, String name) {
    return List.of(
        r.code() == null ? "" : r.code(),
        name,
        r.kind() == null ? "" : r.kind(),
        Integer.toString(r.reported()),
        Integer.toString(r.open()),
        Integer.toString(r.done()),
        Integer.toString(r.confirmed()),
        Integer.toString(r.closed()),
        Integer.toString(r.cancelled()),
        Integer.toString(r.responseOnTime()),
        Integer.toString(r.responseLate()),
        Integer.toString(r.resolutionOnTime()),
        Integer.toString(r.resolutionLate()),
        number(r.avgResponseMinutes()),
        number(r.avgResolutionMinutes()),
        Integer.toString(r.reopened()),
        number(r.reopenRate()),
        number(r.avgRating()),
        Integer.toString(r.ratingCount()),
        number(r.avgSatisfaction()),
        Integer.toString(r.visitCount()));
  }

  private static List<String> header(Text[] columns, Locale locale) {
    List<String> header = new ArrayList<>();
    for (Text column : columns) {
      header.add(column.in(locale));
    }
    return header;
  }

  private static String number(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  private static byte[] write(List<List<String>> rows) {
    return CsvWriter.write(rows);
  }
}
