package org.courtyard.estate.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.csv.CsvTable;
import org.courtyard.api.csv.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoomRowValidatorTest {

  private static final String HEADER = "unit,number,floor,area,type\n";

  private final RoomRowValidator validator = new RoomRowValidator();

  private RoomRowValidator.Result validate(String text) {
    return validator.validate(text);
  }

  private static <T> T only(List<T> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  @Test
  void acceptsAGoodFileAndNormalisesItsValues() {
    RoomRowValidator.Result result =
        validate(
            "\uFEFFUnit, Number ,FLOOR,area,Type,status\r\n"
                + "1,101,1,89.5,residential,\r\n"
                + "1,102,1,\"120\",Commercial,Rented\r\n"
                + "B2,B1-07,-2, 12.25 ,parking,vacant\r\n");

    assertThat(result.errors()).isEmpty();
    assertThat(result.rows())
        .extracting(
            RoomRow::line,
            RoomRow::unitCode,
            RoomRow::number,
            RoomRow::floor,
            RoomRow::area,
            RoomRow::type,
            RoomRow::status)
        .containsExactly(
            tuple(
                2, "1", "101", 1, new BigDecimal("89.50"), RoomType.RESIDENTIAL, RoomStatus.VACANT),
            tuple(
                3, "1", "102", 1, new BigDecimal("120.00"), RoomType.COMMERCIAL, RoomStatus.RENTED),
            tuple(
                4,
                "B2",
                "B1-07",
                -2,
                new BigDecimal("12.25"),
                RoomType.PARKING,
                RoomStatus.VACANT));
  }

  @Test
  void columnsMayComeInAnyOrderAndStatusMayBeLeftOut() {
    RoomRowValidator.Result result =
        validate("type,area,floor,number,unit\nstorage,3.5,-1,S01,1\n");

    assertThat(result.errors()).isEmpty();
    RoomRow row = only(result.rows());
    assertThat(row.number()).isEqualTo("S01");
    assertThat(row.type()).isEqualTo(RoomType.STORAGE);
    assertThat(row.status()).isEqualTo(RoomStatus.VACANT);
  }

  @Test
  void blankRowsAreSkippedButKeepTheirLineNumbers() {
    RoomRowValidator.Result result =
        validate(HEADER + "1,101,1,50,residential\n\n,,,,\n1,102,1,x,residential\n\n\n");

    assertThat(result.rows()).extracting(RoomRow::line).containsExactly(2);
    assertThat(result.errors())
        .extracting(RowError::line, RowError::column)
        .containsExactly(tuple(5, "area"));
  }

  @Test
  void lineNumbersFollowSpreadsheetRowsWhenACellSpansLines() {
    RoomRowValidator.Result result =
        validate(
            "unit,number,floor,area,type,status\n"
                + "1,101,1,50,residential,\"vacant\n"
                + "now\"\n"
                + "1,102,1,50,castle,\n");

    assertThat(result.errors())
        .extracting(RowError::line, RowError::column)
        .containsExactly(tuple(2, "status"), tuple(3, "type"));
  }

  @ParameterizedTest(name = "{0} = \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "unit   | ''           | is required",
        "unit   | '1 A'        | may only contain",
        "unit   | 单元          | may only contain",
        "number | ''           | is required",
        "number | 'A23456789012345678901234567890123' | at most 32 characters",
        "floor  | ''           | is required",
        "floor  | three        | must be a whole number",
        "floor  | 2.5          | must be a whole number",
        "floor  | 201          | between -10 and 200",
        "floor  | -11          | between -10 and 200",
        "area   | ''           | is required",
        "area   | 0            | more than 0",
        "area   | -5           | more than 0",
        "area   | 100000.01    | at most 100000",
        "area   | 85.555       | at most 2 decimal places",
        "area   | '85,5'       | must be a number",
        "area   | 80㎡          | must be a number",
        "type   | ''           | is required",
        "type   | villa        | must be one of residential, commercial, parking, storage",
        "status | sold         | must be one of vacant, occupied, rented, renovating",
      })
  void reportsEachKindOfBadValueAgainstItsColumn(String column, String value, String message) {
    Map<String, String> row =
        new LinkedHashMap<>(
            Map.of(
                "unit", "1", "number", "101", "floor", "3", "area", "89.5", "type", "residential"));
    row.put("status", "vacant");
    row.put(column, value);
    String csv =
        String.join(",", row.keySet())
            + "\n"
            + String.join(",", row.values().stream().map(v -> "\"" + v + "\"").toList())
            + "\n";

    RoomRowValidator.Result result = validate(csv);

    assertThat(result.rows()).isEmpty();
    RowError error = only(result.errors());
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(column);
    assertThat(error.message()).contains(message);
  }

  @Test
  void reportsEveryProblemOfARowNotJustTheFirst() {
    RoomRowValidator.Result result = validate(HEADER + ",101,999,0,hotel\n");

    assertThat(result.errors())
        .extracting(RowError::line, RowError::column)
        .containsExactly(tuple(2, "unit"), tuple(2, "floor"), tuple(2, "area"), tuple(2, "type"));
  }

  @Test
  void aRoomListedTwiceInTheFileIsReportedWhereItRepeats() {
    RoomRowValidator.Result result =
        validate(
            HEADER
                + "1,101,1,50,residential\n"
                + "2,101,1,50,residential\n"
                + "1,101,1,60,residential\n"
                + "1,101,2,70,residential\n");

    assertThat(result.rows()).extracting(RoomRow::line).containsExactly(2, 3);
    assertThat(result.errors())
        .extracting(RowError::line, RowError::column, RowError::message)
        .containsExactly(
            tuple(4, "number", "room 101 of unit 1 is already on line 2"),
            tuple(5, "number", "room 101 of unit 1 is already on line 2"));
  }

  @Test
  void checksTheWholeFileBeforeAnswering() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 300; i++) {
      csv.append("1,")
          .append(i)
          .append(",1,")
          .append(i % 100 == 0 ? "0" : "50")
          .append(",residential\n");
    }

    RoomRowValidator.Result result = validate(csv.toString());

    assertThat(result.rows()).hasSize(297);
    assertThat(result.errors()).extracting(RowError::line).containsExactly(101, 201, 301);
  }

  @Test
  void headerProblemsAreAllReportedOnLineOne() {
    RoomRowValidator.Result result = validate("Unit,Room,floor,floor,area\n1,101,1,1,50\n");

    assertThat(result.rows()).isEmpty();
    assertThat(result.errors())
        .extracting(RowError::line, RowError::column)
        .containsExactly(tuple(1, "Room"), tuple(1, "floor"), tuple(1, "number"), tuple(1, "type"));
    assertThat(result.errors().get(0).message())
        .contains("not a known column")
        .contains("unit, number, floor, area, type and optionally status");
  }

  @Test
  void anEmptyFileAndAFileWithOnlyAHeaderAreRejected() {
    RowError empty = only(validate("\uFEFF\r\n\r\n").errors());
    assertThat(empty.line()).isEqualTo(1);
    assertThat(empty.message()).contains("empty");

    RowError headerOnly = only(validate(HEADER + "\n").errors());
    assertThat(headerOnly.line()).isEqualTo(2);
    assertThat(headerOnly.message()).contains("no rooms");
  }

  @Test
  void valuesUnderAColumnWithoutNameAreRefusedButEmptyOnesAreFine() {
    RoomRowValidator.Result result =
        validate(
            "unit,number,floor,area,type,\n"
                + "1,101,1,50,residential,\n"
                + "1,102,1,50,residential,,oops\n");

    assertThat(result.rows()).extracting(RoomRow::line).containsExactly(2);
    RowError error = only(result.errors());
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.column()).isEqualTo("G");
    assertThat(error.message()).contains("no column name");
  }

  @Test
  void aBrokenQuoteStopsTheCheckButKeepsWhatWasFoundBefore() {
    RoomRowValidator.Result result =
        validate(
            HEADER + "1,101,1,x,residential\n1,\"102,1,50,residential\n1,103,1,50,residential\n");

    assertThat(result.errors())
        .extracting(RowError::line, RowError::column)
        .containsExactly(tuple(2, "area"), tuple(3, null));
    assertThat(result.errors().get(1).message()).contains("never closed");
  }

  @Test
  void moreThanTheRowLimitIsRefusedAsTooLarge() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i <= RoomRowValidator.MAX_ROWS; i++) {
      csv.append("1,").append(i).append(",1,50,residential\n");
    }

    assertThatThrownBy(() -> validate(csv.toString()))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.type()).isEqualTo("too-large");
            });
  }

  @Test
  void exactlyTheRowLimitIsAccepted() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= RoomRowValidator.MAX_ROWS; i++) {
      csv.append("1,").append(i).append(",1,50,residential\n");
    }

    assertThat(validate(csv.toString()).rows()).hasSize(RoomRowValidator.MAX_ROWS);
  }

  @Test
  void rejectionListsTheFirstProblemsByLineAndCountsAll() {
    List<RowError> errors = new ArrayList<>();
    for (int line = 250; line >= 2; line--) {
      errors.add(new RowError(line, "area", "must be more than 0"));
    }
    errors.add(new RowError(7, "number", "room 5 already exists in unit 1"));

    ProblemException problem = RoomRowValidator.rejection(errors);

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.type()).isEqualTo("import-rejected");
    assertThat(problem.extensions()).containsEntry("errorCount", 250);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> shown =
        (List<Map<String, Object>>) problem.extensions().get("errors");
    assertThat(shown).hasSize(CsvTable.MAX_REPORTED_ERRORS);
    assertThat(shown.get(0)).containsEntry("line", 2).containsEntry("column", "area");
    assertThat(shown.get(5)).containsEntry("line", 7).containsEntry("column", "area");
    assertThat(shown.get(6)).containsEntry("line", 7).containsEntry("column", "number");
    assertThat(shown.get(6)).containsOnlyKeys("line", "column", "message");
    assertThat(problem.detail()).contains("Nothing was imported").contains("250 problems");
  }
}
