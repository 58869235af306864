package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.csv.CsvFormatException;
import org.courtyard.api.csv.CsvParser;
import org.courtyard.api.csv.CsvRecord;

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

  /** Data rows one import may hold. */
  static final int MAX_ROWS = 20_000;

  /** Problems listed in one answer; {@code errorCount} still tells the total. */
  static final int MAX_REPORTED_ERRORS = 200;

  /** Far more than the four known columns, but a bound on what one row can make us hold. */
  static final int MAX_VALUES_PER_ROW = 64;

  private static final int MAX_NUMBER_TEXT = 32;

  /** The columns of an import file. */
  enum Column {
    SERIAL(true),
    READ_AT(true),
    VALUE(true),
    REPLACEMENT(false);

    private final boolean required;

    Column(boolean required) {
      this.required = required;
    }

    String header() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Column> byHeader(String header) {
      return Arrays.stream(values()).filter(c -> c.header().equalsIgnoreCase(header)).findFirst();
    }
  }

  /**
   * One problem of an import file.
   *
   * @param line the row as a spreadsheet shows it, 1-based
   * @param column the column's header name, a spreadsheet column letter for a column without a
   *     name, or {@code null} when the problem concerns the whole row or file
   */
  record RowError(int line, String column, String message) {

    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("line", line);
      map.put("column", column);
      map.put("message", message);
      return map;
    }
  }

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
    List<RowError> errors = new ArrayList<>();
    CsvParser parser = new CsvParser(text, MAX_VALUES_PER_ROW);
    try {
      CsvRecord first = parser.next();
      while (first != null && first.isBlank()) {
        first = parser.next();
      }
      if (first == null) {
        errors.add(
            new RowError(
                1, null, "the file is empty: write one reading per row, serial,read_at,value"));
        return new Result(rows, errors);
      }
      Column[] layout;
      CsvRecord pending = null;
      if (namesAnyColumn(first)) {
        layout = readHeader(first, errors);
        if (!errors.isEmpty()) {
          // With the columns in doubt, row-level messages would mostly be noise.
          return new Result(rows, errors);
        }
      } else {
        layout = Column.values();
        pending = first;
      }
      Map<String, Integer> firstLineOfReading = new HashMap<>();
      int dataRows = 0;
      for (CsvRecord record = pending != null ? pending : parser.next();
          record != null;
          record = parser.next()) {
        if (record.isBlank()) {
          continue;
        }
        if (++dataRows > MAX_ROWS) {
          throw tooManyRows();
        }
        checkRow(record, layout, zone, now, firstLineOfReading, rows, errors);
      }
      if (dataRows == 0) {
        errors.add(
            new RowError(first.line() + 1, null, "the file has no readings below the header row"));
      }
    } catch (CsvFormatException e) {
      errors.add(new RowError(e.line(), null, e.getMessage()));
    }
    return new Result(rows, errors);
  }

  /**
   * The answer to a file with problems: 422 {@code import-rejected} listing the first {@value
   * #MAX_REPORTED_ERRORS} problems by line, with the total in {@code errorCount}; the same shape as
   * the room import's.
   */
  static ProblemException rejection(List<RowError> errors) {
    List<RowError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparingInt(RowError::line)); // stable: a row's problems keep order
    List<Map<String, Object>> shown =
        sorted.stream()
            .limit(MAX_REPORTED_ERRORS)
            .map(RowError::toMap)
            .collect(Collectors.toList());
    int count = errors.size();
    String detail =
        "Nothing was imported: the file has "
            + count
            + (count == 1 ? " problem" : " problems")
            + (count > MAX_REPORTED_ERRORS
                ? " (the first " + MAX_REPORTED_ERRORS + " are listed)"
                : "")
            + ". Correct the file and upload it again.";
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("errorCount", count);
    extensions.put("errors", shown);
    return new ProblemException(422, "import-rejected", "Import rejected", detail, extensions);
  }

  private static boolean namesAnyColumn(CsvRecord record) {
    return record.values().stream().anyMatch(v -> Column.byHeader(v.strip()).isPresent());
  }

  /** Maps each value position to its column; null where the header cell is empty. */
  private static Column[] readHeader(CsvRecord header, List<RowError> errors) {
    int line = header.line();
    Column[] layout = new Column[header.values().size()];
    Set<Column> present = EnumSet.noneOf(Column.class);
    for (int i = 0; i < layout.length; i++) {
      String name = header.value(i).strip();
      if (name.isEmpty()) {
        continue; // trailing empty columns of a spreadsheet; values under them are caught per row
      }
      Column column = Column.byHeader(name).orElse(null);
      if (column == null) {
        errors.add(
            new RowError(
                line,
                name,
                "is not a known column; the columns are serial, read_at, value and optionally"
                    + " replacement"));
      } else if (!present.add(column)) {
        errors.add(new RowError(line, column.header(), "appears twice in the header row"));
      } else {
        layout[i] = column;
      }
    }
    for (Column column : Column.values()) {
      if (column.required && !present.contains(column)) {
        errors.add(new RowError(line, column.header(), "is missing from the header row"));
      }
    }
    return layout;
  }

  private static void checkRow(
      CsvRecord record,
      Column[] layout,
      ZoneId zone,
      Instant now,
      Map<String, Integer> firstLineOfReading,
      List<Row> rows,
      List<RowError> errors) {
    int line = record.line();
    int errorsBefore = errors.size();
    BiConsumer<String, String> report =
        (column, message) -> errors.add(new RowError(line, column, message));

    Map<Column, String> cells = new EnumMap<>(Column.class);
    for (int i = 0; i < record.values().size(); i++) {
      Column column = i < layout.length ? layout[i] : null;
      if (column != null) {
        cells.put(column, record.value(i));
      } else if (!record.value(i).isBlank()) {
        report.accept(columnLetter(i), "has a value but no column in the header row");
      }
    }

    String serial = cell(cells, Column.SERIAL);
    if (serial == null) {
      report.accept(Column.SERIAL.header(), "is required");
    } else if (!Meters.SERIAL.matcher(serial).matches()) {
      report.accept(
          Column.SERIAL.header(), "must be " + Meters.SERIAL_RULE + " (got " + quote(serial) + ")");
      serial = null;
    }

    Instant readAt = null;
    String time = cell(cells, Column.READ_AT);
    if (time == null) {
      report.accept(Column.READ_AT.header(), "is required: " + ReadTimes.FORMATS);
    } else {
      readAt = ReadTimes.parse(time, zone).orElse(null);
      if (readAt == null) {
        report.accept(
            Column.READ_AT.header(), "must be " + ReadTimes.FORMATS + " (got " + quote(time) + ")");
      } else if (readAt.isAfter(now.plus(Meters.CLOCK_SKEW))) {
        report.accept(Column.READ_AT.header(), "is in the future (" + quote(time) + ")");
        readAt = null;
      }
    }

    BigDecimal value = null;
    String number = cell(cells, Column.VALUE);
    if (number == null) {
      report.accept(Column.VALUE.header(), "is required");
    } else {
      if (number.length() <= MAX_NUMBER_TEXT) {
        try {
          value = new BigDecimal(number);
        } catch (NumberFormatException e) {
          // reported below, with what the user wrote
        }
      }
      if (value == null || !Meters.validValue(value)) {
        report.accept(
            Column.VALUE.header(),
            "must be "
                + Meters.VALUE_RULE
                + ", without unit or thousands separator (got "
                + quote(number)
                + ")");
        value = null;
      }
    }

    Boolean replacement = Boolean.FALSE;
    String flag = cell(cells, Column.REPLACEMENT);
    if (flag != null) {
      replacement = flag(flag);
      if (replacement == null) {
        report.accept(
            Column.REPLACEMENT.header(),
            "must be true or false (also yes/no, 1/0), or empty for false (got "
                + quote(flag)
                + ")");
      }
    }

    if (serial != null && readAt != null) {
      // A line break cannot occur in a serial, so it separates the parts of the key unambiguously.
      Integer firstLine = firstLineOfReading.putIfAbsent(serial + '\n' + readAt, line);
      if (firstLine != null) {
        report.accept(
            Column.READ_AT.header(),
            "meter " + serial + " already has a reading at this time on line " + firstLine);
      }
    }
    if (errors.size() == errorsBefore) {
      rows.add(new Row(line, serial, readAt, value.setScale(3), replacement));
    }
  }

  /** The trimmed cell, or null when it is empty or the column is not in the file. */
  private static String cell(Map<Column, String> cells, Column column) {
    String v = cells.get(column);
    if (v == null) {
      return null;
    }
    v = v.strip();
    return v.isEmpty() ? null : v;
  }

  private static Boolean flag(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> Boolean.TRUE;
      case "false", "no", "n", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** "A" for the first column, "AA" for the 27th: what a spreadsheet shows above the column. */
  static String columnLetter(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  static String quote(String value) {
    return "\"" + Errors.clip(value) + "\"";
  }

  private static ProblemException tooManyRows() {
    return new ProblemException(
        413,
        "too-large",
        "Import too large",
        "The file has more than "
            + MAX_ROWS
            + " readings. Split it, for example one file per building, and import the parts one"
            + " by one.");
  }
}
