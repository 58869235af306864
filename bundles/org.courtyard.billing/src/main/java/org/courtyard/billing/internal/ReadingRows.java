package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.csv.CsvColumn;
import org.courtyard.api.csv.CsvTable;
import org.courtyard.api.csv.RowError;

/**
 * Checks a meter reading import file row by row, without the database: the header, every value, and
 * a meter read twice at the same time in the file. It never stops at the first bad row, so that the
 * user can fix the whole file after one upload; only a file that cannot be read as CSV any further
 * ends the check early. Whether the serials exist and the readings fit the meters' stored readings
 * is checked by {@link ReadingImport}, which adds to the same list of problems.
 *
 * <p>The first row names the columns ({@code serial, read_at, value} and optionally {@code
 * replacement}, any order and letter case). A file whose first row names none of them has no header
 * and its columns are taken in that order.
 */
final class ReadingRows {

  private static final Texts TEXTS = Texts.of(ReadingRows.class);

  /** Data rows one import may hold. */
  static final int MAX_ROWS = 20_000;

  private static final int MAX_NUMBER_TEXT = 32;

  /** The columns of an import file. */
  enum Column implements CsvColumn {
    SERIAL,
    READ_AT,
    VALUE,
    REPLACEMENT {
      @Override
      public boolean required() {
        return false;
      }
    }
  }

  private static final CsvTable<Column> TABLE =
      new CsvTable<>(
          Column.class,
          TEXTS.text("import.readings"),
          TEXTS.text("import.empty-file"),
          true,
          MAX_ROWS,
          TEXTS.problem(413, "too-large", "import.too-many-rows", MAX_ROWS));

  /** A data row that passed every check that does not need the database. */
  record Row(int line, String serial, Instant readAt, BigDecimal value, boolean replacement) {}

  /**
   * What the file holds.
   *
   * @param rows the rows without any problem, in file order
   * @param errors every problem found, in file order
   */
  record Result(List<Row> rows, List<RowError> errors) {

    Result {
      rows = List.copyOf(rows);
      errors = List.copyOf(errors);
    }
  }

  private ReadingRows() {}

  /**
   * @param text the decoded file; a byte-order mark in front is fine
   * @param zone the tenant's time zone, for times written without offset
   * @param now readings later than this (give or take {@link Meters#CLOCK_SKEW}) are refused
   * @throws ProblemException 413 {@code too-large} for more than {@value #MAX_ROWS} data rows
   */
  static Result validate(CharSequence text, ZoneId zone, Instant now) {
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> firstLineOfReading = new HashMap<>();
    List<RowError> errors =
        TABLE.read(
            text,
            (line, cells, report) -> {
              String serial = TextRules.trimToNull(cells.get(Column.SERIAL));
              if (serial == null) {
                report.add(Column.SERIAL.header(), TextRules.IS_REQUIRED);
              } else if (!Meters.SERIAL.matcher(serial).matches()) {
                report.add(
                    Column.SERIAL.header(),
                    TEXTS.text(
                        "import.serial-invalid", Meters.SERIAL_RULE, TextRules.quote(serial)));
                serial = null;
              }

              Instant readAt = null;
              String time = TextRules.trimToNull(cells.get(Column.READ_AT));
              if (time == null) {
                report.add(
                    Column.READ_AT.header(),
                    TEXTS.text("import.read-at-required", ReadTimes.FORMATS));
              } else {
                readAt = ReadTimes.parse(time, zone).orElse(null);
                if (readAt == null) {
                  report.add(
                      Column.READ_AT.header(),
                      TEXTS.text(
                          "import.read-at-invalid", ReadTimes.FORMATS, TextRules.quote(time)));
                } else if (readAt.isAfter(now.plus(Meters.CLOCK_SKEW))) {
                  report.add(
                      Column.READ_AT.header(),
                      TEXTS.text("import.in-future", TextRules.quote(time)));
                  readAt = null;
                }
              }

              BigDecimal value = null;
              String number = TextRules.trimToNull(cells.get(Column.VALUE));
              if (number == null) {
                report.add(Column.VALUE.header(), TextRules.IS_REQUIRED);
              } else {
                if (number.length() <= MAX_NUMBER_TEXT) {
                  try {
                    value = new BigDecimal(number);
                  } catch (NumberFormatException e) {
                    // reported below, with what the user wrote
                  }
                }
                if (value == null || !Meters.validValue(value)) {
                  report.add(
                      Column.VALUE.header(),
                      TEXTS.text(
                          "import.value-invalid", Meters.VALUE_RULE, TextRules.quote(number)));
                  value = null;
                }
              }

              Boolean replacement = Boolean.FALSE;
              String flag = TextRules.trimToNull(cells.get(Column.REPLACEMENT));
              if (flag != null) {
                replacement = flag(flag);
                if (replacement == null) {
                  report.add(
                      Column.REPLACEMENT.header(),
                      TEXTS.text("import.replacement-invalid", TextRules.quote(flag)));
                }
              }

              if (serial != null && readAt != null) {
                // A line break cannot occur in a serial, so it separates the parts of the key
                // unambiguously.
                Integer firstLine = firstLineOfReading.putIfAbsent(serial + '\n' + readAt, line);
                if (firstLine != null) {
                  report.add(
                      Column.READ_AT.header(),
                      TEXTS.text("import.reading-twice", serial, firstLine));
                }
              }
              if (!report.any()) {
                rows.add(new Row(line, serial, readAt, value.setScale(3), replacement));
              }
            });
    return new Result(rows, errors);
  }

  /** The answer to a file with problems: 422 {@code import-rejected}, as every import answers. */
  static ProblemException rejection(List<RowError> errors) {
    return CsvTable.rejection(errors);
  }

  private static Boolean flag(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> Boolean.TRUE;
      case "false", "no", "n", "0" -> Boolean.FALSE;
      default -> null;
    };
  }
}
