package org.courtyard.estate.internal.validation;

import java.math.BigDecimal;
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
 * Checks a room import file row by row, without the database: the header, every value, and rooms
 * that appear twice in the file. It never stops at the first bad row, so that the user can fix the
 * whole file after one upload; only a file that cannot be read as CSV any further ends the check
 * early.
 */
public final class RoomRowValidator {

  /** Data rows one import may hold; a larger estate is imported building by building. */
  public static final int MAX_ROWS = 20_000;

  /** Problems listed in one answer; {@code errorCount} still tells the total. */
  public static final int MAX_REPORTED_ERRORS = 200;

  /** Far more than the six known columns, but a bound on what one row can make us hold. */
  static final int MAX_VALUES_PER_ROW = 64;

  /** The columns of an import file; the header names them, in any order and letter case. */
  public enum Column {
    UNIT(true),
    NUMBER(true),
    FLOOR(true),
    AREA(true),
    TYPE(true),
    STATUS(false);

    private final boolean required;

    Column(boolean required) {
      this.required = required;
    }

    /** The name as written in the header and used in error messages. */
    public String header() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Column> byHeader(String header) {
      return Arrays.stream(values()).filter(c -> c.header().equalsIgnoreCase(header)).findFirst();
    }

    static String describeAll() {
      return Arrays.stream(values())
              .filter(c -> c.required)
              .map(Column::header)
              .collect(Collectors.joining(", "))
          + " and optionally status";
    }
  }

  /**
   * What the file holds.
   *
   * @param rows the rows without any problem, in file order
   * @param errors every problem found, in file order
   */
  public record Result(List<RoomRow> rows, List<RowError> errors) {

    public Result {
      rows = List.copyOf(rows);
      errors = List.copyOf(errors);
    }
  }

  /**
   * @param text the decoded file; a byte-order mark in front is fine
   * @throws ProblemException 413 {@code too-large} for more than {@value #MAX_ROWS} data rows
   */
  public Result validate(CharSequence text) {
    List<RoomRow> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    CsvParser parser = new CsvParser(text, MAX_VALUES_PER_ROW);
    try {
      CsvRecord header = nextNonBlank(parser);
      if (header == null) {
        errors.add(
            new RowError(
                1,
                null,
                "the file is empty: its first row must name the columns " + Column.describeAll()));
        return new Result(rows, errors);
      }
      Column[] layout = readHeader(header, errors);
      if (!errors.isEmpty()) {
        // With the columns in doubt, row-level messages would mostly be noise.
        return new Result(rows, errors);
      }
      Map<String, Integer> firstLineOfRoom = new HashMap<>();
      int dataRows = 0;
      for (CsvRecord record = parser.next(); record != null; record = parser.next()) {
        if (record.isBlank()) {
          continue;
        }
        if (++dataRows > MAX_ROWS) {
          throw tooManyRows();
        }
        checkRow(record, layout, firstLineOfRoom, rows, errors);
      }
      if (dataRows == 0) {
        errors.add(
            new RowError(header.line() + 1, null, "the file has no rooms below the header row"));
      }
    } catch (CsvFormatException e) {
      errors.add(new RowError(e.line(), null, e.getMessage()));
    }
    return new Result(rows, errors);
  }

  /**
   * The answer to a file with problems: 422 {@code import-rejected} listing the first {@value
   * #MAX_REPORTED_ERRORS} problems by line, with the total in {@code errorCount}.
   */
  public static ProblemException rejection(List<RowError> errors) {
    List<RowError> sorted = new ArrayList<>(errors);
    sorted.sort(
        Comparator.comparingInt(RowError::line)); // stable: a row's problems keep their order
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

  private static CsvRecord nextNonBlank(CsvParser parser) {
    CsvRecord record = parser.next();
    while (record != null && record.isBlank()) {
      record = parser.next();
    }
    return record;
  }

  /** Maps each value position to its column; null where the header cell is empty. */
  private static Column[] readHeader(CsvRecord header, List<RowError> errors) {
    int line = header.line();
    Column[] layout = new Column[header.values().size()];
    Set<Column> present = EnumSet.noneOf(Column.class);
    for (int i = 0; i < layout.length; i++) {
      String name = header.value(i).strip();
      if (name.isEmpty()) {
        continue; // spreadsheets export trailing empty columns; values under them are caught per
        // row
      }
      Column column = Column.byHeader(name).orElse(null);
      if (column == null) {
        errors.add(
            new RowError(
                line, name, "is not a known column; the columns are " + Column.describeAll()));
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
      Map<String, Integer> firstLineOfRoom,
      List<RoomRow> rows,
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
        report.accept(columnLetter(i), "has a value but no column name in the header row");
      }
    }

    String unit = Rules.code(cells.get(Column.UNIT), Column.UNIT.header(), report);
    String number = Rules.code(cells.get(Column.NUMBER), Column.NUMBER.header(), report);
    Integer floor =
        Rules.integerText(
            cells.get(Column.FLOOR),
            Column.FLOOR.header(),
            Rules.FLOOR_MIN,
            Rules.FLOOR_MAX,
            report);
    BigDecimal area = Rules.areaText(cells.get(Column.AREA), Column.AREA.header(), report);
    RoomType type = Rules.roomType(cells.get(Column.TYPE), Column.TYPE.header(), report);
    RoomStatus status =
        Rules.roomStatus(
            cells.get(Column.STATUS), Column.STATUS.header(), RoomStatus.VACANT, report);

    if (unit != null && number != null) {
      // A line break cannot occur in a code, so it separates the two parts of the key
      // unambiguously.
      Integer firstLine = firstLineOfRoom.putIfAbsent(unit + '\n' + number, line);
      if (firstLine != null) {
        report.accept(
            Column.NUMBER.header(),
            "room " + number + " of unit " + unit + " is already on line " + firstLine);
      }
    }
    if (errors.size() == errorsBefore) {
      rows.add(new RoomRow(line, unit, number, floor, area, type, status));
    }
  }

  /** "A" for the first column, "AA" for the 27th: what a spreadsheet shows above the column. */
  static String columnLetter(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  private static ProblemException tooManyRows() {
    return new ProblemException(
        413,
        "too-large",
        "Import too large",
        "The file has more than "
            + MAX_ROWS
            + " rooms. Split it, for example one file per building, and import the parts one by"
            + " one.");
  }
}
