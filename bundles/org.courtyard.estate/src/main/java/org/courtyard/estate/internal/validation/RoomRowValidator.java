package org.courtyard.estate.internal.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;
import org.courtyard.api.csv.CsvColumn;
import org.courtyard.api.csv.CsvTable;
import org.courtyard.api.csv.RowError;

/**
 * Checks a room import file row by row, without the database: the header, every value, and rooms
 * that appear twice in the file. It never stops at the first bad row, so that the user can fix the
 * whole file after one upload; only a file that cannot be read as CSV any further ends the check
 * early.
 */
public final class RoomRowValidator {

  private static final Texts TEXTS = Texts.of(RoomRowValidator.class);

  /** Data rows one import may hold; a larger estate is imported building by building. */
  public static final int MAX_ROWS = 20_000;

  /** The columns of an import file; the header names them, in any order and letter case. */
  public enum Column implements CsvColumn {
    UNIT,
    NUMBER,
    FLOOR,
    AREA,
    TYPE,
    STATUS {
      @Override
      public boolean required() {
        return false;
      }
    }
  }

  private static final CsvTable<Column> TABLE =
      new CsvTable<>(
          Column.class,
          TEXTS.text("import.rooms"),
          TEXTS.text("import.empty-file"),
          false,
          MAX_ROWS,
          TEXTS.problem(413, "too-large", "import.too-many-rows", MAX_ROWS));

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
    Map<String, Integer> firstLineOfRoom = new HashMap<>();
    List<RowError> errors =
        TABLE.read(
            text,
            (line, cells, report) -> {
              String unit = Rules.code(cells.get(Column.UNIT), Column.UNIT.header(), report);
              String number = Rules.code(cells.get(Column.NUMBER), Column.NUMBER.header(), report);
              Integer floor =
                  Rules.integerText(
                      cells.get(Column.FLOOR),
                      Column.FLOOR.header(),
                      Rules.FLOOR_MIN,
                      Rules.FLOOR_MAX,
                      report);
              BigDecimal area =
                  Rules.areaText(cells.get(Column.AREA), Column.AREA.header(), report);
              RoomType type = Rules.roomType(cells.get(Column.TYPE), Column.TYPE.header(), report);
              RoomStatus status =
                  Rules.roomStatus(
                      cells.get(Column.STATUS), Column.STATUS.header(), RoomStatus.VACANT, report);
              if (unit != null && number != null) {
                // A line break cannot occur in a code, so it separates the two parts of the key
                // unambiguously.
                Integer firstLine = firstLineOfRoom.putIfAbsent(unit + '\n' + number, line);
                if (firstLine != null) {
                  report.add(
                      Column.NUMBER.header(),
                      TEXTS.text("import.room-twice", number, unit, firstLine));
                }
              }
              if (!report.any()) {
                rows.add(new RoomRow(line, unit, number, floor, area, type, status));
              }
            });
    return new Result(rows, errors);
  }

  /**
   * The answer to a file with problems: 422 {@code import-rejected}, as every import answers.
   *
   * @see CsvTable#rejection
   */
  public static ProblemException rejection(List<RowError> errors) {
    return CsvTable.rejection(errors);
  }
}
