package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.csv.RowError;
import org.courtyard.billing.internal.ReadingRows.Result;
import org.junit.jupiter.api.Test;

class ReadingRowsTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

  private static Result validate(String text) {
    return ReadingRows.validate(text, SHANGHAI, NOW);
  }

  @Test
  void readsAFileWithAHeaderInAnyOrderAndCase() {
    Result r =
        validate(
            "\uFEFFValue,Serial,READ_AT,replacement\r\n"
                + "123.4,WM-001,2026-11-30,\r\n"
                + "\r\n"
                + "\"5\",EM/7,2026-11-30 20:15,yes\r\n");

    assertThat(r.errors()).isEmpty();
    assertThat(r.rows())
        .containsExactly(
            new ReadingRows.Row(
                2,
                "WM-001",
                Instant.parse("2026-11-29T16:00:00Z"),
                new BigDecimal("123.400"),
                false),
            new ReadingRows.Row(
                4, "EM/7", Instant.parse("2026-11-30T12:15:00Z"), new BigDecimal("5.000"), true));
  }

  @Test
  void aFileWithoutHeaderTakesTheColumnsInTheirOrder() {
    Result r = validate("WM-001,2026-11-30T09:00:00+08:00,10\nWM-001,2026-12-01,11.5,0\n");

    assertThat(r.errors()).isEmpty();
    assertThat(r.rows()).extracting(ReadingRows.Row::line).containsExactly(1, 2);
    assertThat(r.rows().get(0).readAt()).isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
  }

  @Test
  void everyBadValueIsReportedWithItsLineAndColumn() {
    Result r =
        validate(
            "serial,read_at,value,replacement\n"
                + "WM 001,2026-11-30,10,\n"
                + "WM-002,30/11/2026,-1,maybe\n"
                + "WM-003,2026-11-30,1.2345,\n"
                + "WM-004,2026-11-30,\"1,000\",\n"
                + ",,,\n"
                + "WM-005,,12,\n"
                + "WM-006,2027-01-01,12,\n"
                + "WM-007,2026-11-30,12,,surplus\n");

    assertThat(r.rows()).isEmpty();
    assertThat(r.errors())
        .extracting(RowError::line, RowError::column)
        .containsExactly(
            tuple(2, "serial"),
            tuple(3, "read_at"),
            tuple(3, "value"),
            tuple(3, "replacement"),
            tuple(4, "value"),
            tuple(5, "value"),
            tuple(7, "read_at"),
            tuple(8, "read_at"),
            tuple(9, "E"));
    assertThat(r.errors().get(7).message()).contains("future");
  }

  @Test
  void aMeterReadTwiceAtTheSameTimeInTheFileIsAnError() {
    Result r =
        validate(
            "serial,read_at,value\n"
                + "WM-001,2026-11-30T09:00,10\n"
                + "WM-002,2026-11-30T09:00,10\n"
                + "WM-001,2026-11-30 09:00:00,11\n");

    assertThat(r.rows()).hasSize(2);
    assertThat(r.errors()).hasSize(1);
    assertThat(r.errors().get(0).line()).isEqualTo(4);
    assertThat(r.errors().get(0).message()).contains("line 2");
  }

  @Test
  void headerProblemsStopTheCheckBeforeTheRows() {
    Result r = validate("serial,value,metre\nWM-001,x,y\n");

    assertThat(r.errors()).extracting(RowError::column).containsExactly("metre", "read_at");
    assertThat(validate("serial,read_at,value,value\n").errors())
        .extracting(RowError::message)
        .containsExactly("appears twice in the header row");
  }

  @Test
  void emptyFilesAndFilesWithOnlyAHeaderAreRejected() {
    assertThat(validate("").errors()).hasSize(1);
    assertThat(validate("\n,,\n").errors()).hasSize(1);
    assertThat(validate("serial,read_at,value\n").errors())
        .singleElement()
        .satisfies(e -> assertThat(e.line()).isEqualTo(2));
  }

  @Test
  void anUnreadableFileIsReportedAtTheLineWhereItBreaks() {
    Result r = validate("serial,read_at,value\nWM-001,2026-11-30,\"10\n");

    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(2));
  }

  @Test
  void tooManyRowsIsTooLarge() {
    StringBuilder csv = new StringBuilder("serial,read_at,value\n");
    for (int i = 0; i <= ReadingRows.MAX_ROWS; i++) {
      csv.append("WM-").append(i).append(",2026-11-30,1\n");
    }
    assertThatThrownBy(() -> validate(csv.toString()))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRejectionListsProblemsByLineLikeTheRoomImport() {
    ProblemException p =
        ReadingRows.rejection(
            List.of(
                new RowError(5, "value", "b"),
                new RowError(2, null, "a"),
                new RowError(5, "serial", "c")));

    assertThat(p.status()).isEqualTo(422);
    assertThat(p.type()).isEqualTo("import-rejected");
    assertThat(p.extensions().get("errorCount")).isEqualTo(3);
    List<Map<String, Object>> errors = (List<Map<String, Object>>) p.extensions().get("errors");
    assertThat(errors).extracting(e -> e.get("message")).containsExactly("a", "b", "c");
    assertThat(errors.get(0)).containsOnlyKeys("line", "column", "message");
  }
}
