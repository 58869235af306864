package org.courtyard.parking.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.csv.CsvColumn;
import org.courtyard.api.csv.CsvTable;
import org.courtyard.api.csv.RowError;

/**
 * A lot's spaces from a CSV file (车位导入), checked row by row before anything is written, as rooms
 * are imported: the header (columns number, kind, level, and optionally size and state, in any
 * order and letter case), every value by the rules of one space, and a number the file repeats. One
 * problem anywhere and nothing is written: 422 {@code import-rejected} lists every problem with its
 * line and column.
 */
final class SpaceImport {

  private static final Texts TEXTS = Texts.of(SpaceImport.class);

  /** Data rows one import may hold: a large garage is a few thousand spaces. */
  static final int MAX_ROWS = 10_000;

  /** The largest file taken, before it is read. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  enum Column implements CsvColumn {
    NUMBER,
    KIND,
    LEVEL,
    SIZE {
      @Override
      public boolean required() {
        return false;
      }
    },
    STATE {
      @Override
      public boolean required() {
        return false;
      }
    }
  }

  private static final CsvTable<Column> TABLE =
      new CsvTable<>(
          Column.class,
          TEXTS.text("import.spaces"),
          TEXTS.text("import.empty-file"),
          false,
          MAX_ROWS,
          TEXTS.problem(413, "too-large", "import.too-many-rows", MAX_ROWS));

  /** A row that passed: its line in the file and the space it makes. */
  record Row(int line, ParkingRules.Space space) {}

  private SpaceImport() {}

  /**
   * The file's spaces, in file order.
   *
   * @throws org.courtyard.api.ProblemException 422 {@code import-rejected} with every problem, 413
   *     for more than {@value #MAX_ROWS} rows
   */
  static List<Row> read(CharSequence text) {
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    List<RowError> errors =
        TABLE.read(
            text,
            (line, cells, report) -> {
              String number =
                  ParkingRules.code(cells.get(Column.NUMBER), Column.NUMBER.header(), report);
              String kind =
                  ParkingRules.oneOf(
                      cells.get(Column.KIND),
                      Column.KIND.header(),
                      ParkingRules.KINDS,
                      null,
                      report);
              Integer level = level(cells.get(Column.LEVEL), report);
              String size =
                  ParkingRules.oneOf(
                      cells.get(Column.SIZE),
                      Column.SIZE.header(),
                      ParkingRules.SIZES,
                      "standard",
                      report);
              String state =
                  ParkingRules.oneOf(
                      cells.get(Column.STATE),
                      Column.STATE.header(),
                      ParkingRules.STATES,
                      "in_service",
                      report);
              if (number != null) {
                Integer first = firstLine.putIfAbsent(number, line);
                if (first != null) {
                  report.add(
                      Column.NUMBER.header(), TEXTS.text("import.space-twice", number, first));
                }
              }
              if (!report.any()) {
                rows.add(new Row(line, new ParkingRules.Space(number, kind, level, size, state)));
              }
            });
    if (!errors.isEmpty()) {
      throw CsvTable.rejection(errors);
    }
    return rows;
  }

  /** The error of a row whose number the lot has already. */
  static RowError taken(Row row) {
    return new RowError(
        row.line(), Column.NUMBER.header(), TEXTS.text("import.space-taken", row.space().number()));
  }

  private static Integer level(String raw, CsvTable.RowProblems report) {
    String v = raw == null ? "" : raw.strip();
    if (v.isEmpty()) {
      report.add(Column.LEVEL.header(), TextRules.IS_REQUIRED);
      return null;
    }
    try {
      // the rule reports under "level", the column's header
      return ParkingRules.level(Integer.valueOf(v), report);
    } catch (NumberFormatException e) {
      report.add(Column.LEVEL.header(), TEXTS.text("rules.level"));
      return null;
    }
  }
}
