package org.courtyard.api.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.courtyard.api.FieldReport;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;

/**
 * Reads an import file as a table of named columns and collects every problem with its line and
 * column, the way every CSV import answers: the header names the columns in any order and letter
 * case, blank rows are skipped, a value under a nameless column is a problem, and a file with
 * problems is refused as a whole with 422 {@code import-rejected} ({@link #rejection}). The
 * importer checks each data row's cells and reports what is wrong through the row's {@code report}.
 *
 * @param <C> the importer's columns, in the order a file without a header gives them
 */
public final class CsvTable<C extends Enum<C> & CsvColumn> {

  private static final Texts TEXTS = Texts.of(CsvTable.class);

  /** Far more than any importer's columns, but a bound on what one row can make us hold. */
  public static final int MAX_VALUES_PER_ROW = 64;

  /** Problems listed in one answer; {@code errorCount} still tells the total. */
  public static final int MAX_REPORTED_ERRORS = 200;

  /** Checks one data row. */
  @FunctionalInterface
  public interface RowCheck<C extends Enum<C>> {

    /**
     * @param line the row's line as a spreadsheet numbers it
     * @param cells the row's values by column, untrimmed; a column the file lacks is absent
     * @param problems takes (column header, message) for each problem of the row
     */
    void check(int line, Map<C, String> cells, RowProblems problems);
  }

  /**
   * Where a row's problems go: (column header, message). {@link #add(String, Text)} keeps a message
   * in every language; {@link #accept(String, String)} says an English one in every language.
   */
  public interface RowProblems extends FieldReport {

    /** A problem of the row with an English message, said alike in every language. */
    @Override
    void accept(String column, String message);

    /** A problem of the row with a message from a catalogue. */
    @Override
    default void add(String column, Text message) {
      accept(column, message.toString());
    }

    /** Whether the row has a problem so far: a row with one is not imported. */
    boolean any();
  }

  private final Class<C> type;
  private final Text rowsNoun;
  private final Text emptyFile;
  private final boolean headerOptional;
  private final int maxRows;
  private final ProblemException tooManyRows;

  /**
   * @param rowsNoun what a data row is, in the plural ("rooms", "readings"), for messages
   * @param emptyFile the message for a file without any row, saying what the file should hold
   * @param headerOptional whether a file whose first row names no column holds data from its first
   *     row on, in the columns' declared order
   * @param maxRows data rows one file may hold; beyond that {@code tooManyRows} is thrown
   */
  public CsvTable(
      Class<C> type,
      String rowsNoun,
      String emptyFile,
      boolean headerOptional,
      int maxRows,
      ProblemException tooManyRows) {
    this(type, Text.plain(rowsNoun), Text.plain(emptyFile), headerOptional, maxRows, tooManyRows);
  }

  /**
   * A table whose messages are said in the request's language: {@code rowsNoun} and {@code
   * emptyFile} come from the importer's catalogue.
   */
  public CsvTable(
      Class<C> type,
      Text rowsNoun,
      Text emptyFile,
      boolean headerOptional,
      int maxRows,
      ProblemException tooManyRows) {
    this.type = type;
    this.rowsNoun = rowsNoun;
    this.emptyFile = emptyFile;
    this.headerOptional = headerOptional;
    this.maxRows = maxRows;
    this.tooManyRows = tooManyRows;
  }

  /**
   * Reads {@code text} (a byte-order mark in front is fine) and has {@code check} look at every
   * data row, unless the header itself has problems: with the columns in doubt, row-level messages
   * would mostly be noise.
   *
   * @return every problem found, in file order; empty when the file is good
   * @throws ProblemException the {@code tooManyRows} problem beyond the row limit
   */
  public List<RowError> read(CharSequence text, RowCheck<C> check) {
    List<RowError> errors = new ArrayList<>();
    CsvParser parser = new CsvParser(text, MAX_VALUES_PER_ROW);
    try {
      CsvRecord first = parser.next();
      while (first != null && first.isBlank()) {
        first = parser.next();
      }
      if (first == null) {
        errors.add(new RowError(1, null, emptyFile));
        return errors;
      }
      List<C> layout;
      CsvRecord pending = null;
      if (!headerOptional || namesAnyColumn(first)) {
        layout = readHeader(first, errors);
        if (!errors.isEmpty()) {
          return errors;
        }
      } else {
        layout = List.of(type.getEnumConstants());
        pending = first;
      }
      int dataRows = 0;
      for (CsvRecord record = pending != null ? pending : parser.next();
          record != null;
          record = parser.next()) {
        if (record.isBlank()) {
          continue;
        }
        if (++dataRows > maxRows) {
          throw tooManyRows;
        }
        int line = record.line();
        int before = errors.size();
        RowProblems problems =
            new RowProblems() {
              @Override
              public void accept(String column, String message) {
                errors.add(new RowError(line, column, message));
              }

              @Override
              public void add(String column, Text message) {
                errors.add(new RowError(line, column, message));
              }

              @Override
              public boolean any() {
                return errors.size() > before;
              }
            };
        check.check(line, cells(record, layout, problems), problems);
      }
      if (dataRows == 0) {
        errors.add(new RowError(first.line() + 1, null, TEXTS.text("csv.no-rows", rowsNoun)));
      }
    } catch (CsvFormatException e) {
      errors.add(new RowError(e.line(), null, e.text()));
    }
    return errors;
  }

  /** "unit, number and optionally status": the columns, for messages, in English. */
  public String describeColumns() {
    return describeColumnsText().toString();
  }

  /** The columns, for messages, in every language ("unit, number 以及可选的 status"). */
  public Text describeColumnsText() {
    String required =
        Arrays.stream(type.getEnumConstants())
            .filter(CsvColumn::required)
            .map(CsvColumn::header)
            .collect(Collectors.joining(", "));
    String optional =
        Arrays.stream(type.getEnumConstants())
            .filter(c -> !c.required())
            .map(CsvColumn::header)
            .collect(Collectors.joining(", "));
    return optional.isEmpty()
        ? Text.plain(required)
        : TEXTS.text("csv.columns-optional", required, optional);
  }

  private Optional<C> byHeader(String header) {
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> c.header().equalsIgnoreCase(header))
        .findFirst();
  }

  private boolean namesAnyColumn(CsvRecord record) {
    return record.values().stream().anyMatch(v -> byHeader(v.strip()).isPresent());
  }

  /** Each value position's column; null where the header cell is empty. */
  private List<C> readHeader(CsvRecord header, List<RowError> errors) {
    int line = header.line();
    List<C> layout = new ArrayList<>();
    Set<C> present = EnumSet.noneOf(type);
    for (String cell : header.values()) {
      // spreadsheets export trailing empty columns: no problem, values under them are caught per
      // row
      String name = cell.strip();
      C column = name.isEmpty() ? null : byHeader(name).orElse(null);
      if (!name.isEmpty() && column == null) {
        errors.add(
            new RowError(line, name, TEXTS.text("csv.unknown-column", describeColumnsText())));
      } else if (column != null && !present.add(column)) {
        errors.add(new RowError(line, column.header(), TEXTS.text("csv.column-twice")));
        column = null;
      }
      layout.add(column);
    }
    for (C column : type.getEnumConstants()) {
      if (column.required() && !present.contains(column)) {
        errors.add(new RowError(line, column.header(), TEXTS.text("csv.column-missing")));
      }
    }
    return layout;
  }

  private Map<C, String> cells(CsvRecord record, List<C> layout, RowProblems report) {
    Map<C, String> cells = new EnumMap<>(type);
    for (int i = 0; i < record.values().size(); i++) {
      C column = i < layout.size() ? layout.get(i) : null;
      if (column != null) {
        cells.put(column, record.value(i));
      } else if (!record.value(i).isBlank()) {
        report.add(columnLetter(i), TEXTS.text("csv.value-without-column"));
      }
    }
    return cells;
  }

  /** "A" for the first column, "AA" for the 27th: what a spreadsheet shows above the column. */
  public static String columnLetter(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  /**
   * The answer to a file with problems: 422 {@code import-rejected} listing the first {@value
   * #MAX_REPORTED_ERRORS} problems by line (a row's problems in the order found), with the total in
   * {@code errorCount}. Nothing of such a file is imported.
   */
  public static ProblemException rejection(List<RowError> errors) {
    List<RowError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparingInt(RowError::line));
    List<Map<String, Object>> shown =
        sorted.stream().limit(MAX_REPORTED_ERRORS).map(RowError::toMap).toList();
    int count = errors.size();
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("errorCount", count);
    extensions.put("errors", shown);
    if (count == 1) {
      return TEXTS.problem(422, "import-rejected", extensions, "csv.rejected-one", count);
    }
    return count > MAX_REPORTED_ERRORS
        ? TEXTS.problem(
            422, "import-rejected", extensions, "csv.rejected-listed", count, MAX_REPORTED_ERRORS)
        : TEXTS.problem(422, "import-rejected", extensions, "csv.rejected", count);
  }
}
