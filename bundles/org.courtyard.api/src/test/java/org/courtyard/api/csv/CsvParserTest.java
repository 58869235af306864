package org.courtyard.api.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

  private static List<CsvRecord> readAll(String text) {
    return readAll(text, 64);
  }

  private static List<CsvRecord> readAll(String text, int maxValues) {
    CsvParser parser = new CsvParser(text, maxValues);
    List<CsvRecord> records = new ArrayList<>();
    for (CsvRecord r = parser.next(); r != null; r = parser.next()) {
      records.add(r);
    }
    return records;
  }

  private static List<List<String>> values(List<CsvRecord> records) {
    return records.stream().map(CsvRecord::values).toList();
  }

  @Test
  void readsPlainRecordsNumberedFromOne() {
    List<CsvRecord> records = readAll("unit,number\n1,101\n1,102\n");

    assertThat(values(records))
        .containsExactly(List.of("unit", "number"), List.of("1", "101"), List.of("1", "102"));
    assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 3);
  }

  @Test
  void acceptsCrLfLoneCrAndAMissingFinalLineBreak() {
    assertThat(values(readAll("a,b\r\nc,d\re,f")))
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
  }

  @Test
  void skipsTheByteOrderMarkExcelWritesInFrontOfUtf8Files() {
    List<CsvRecord> records = readAll("\uFEFFunit,number\r\n1,101\r\n");

    assertThat(records.get(0).values()).containsExactly("unit", "number");
  }

  @Test
  void aByteOrderMarkAloneIsAnEmptyFile() {
    assertThat(readAll("\uFEFF")).isEmpty();
    assertThat(readAll("")).isEmpty();
  }

  @Test
  void quotedValuesKeepCommasLineBreaksAndDoubledQuotes() {
    List<CsvRecord> records =
        readAll(
            "name,note\n\"Zhang, San\",\"says \"\"hi\"\"\"\n\"two\r\nlines\",\"a\nb\"\nlast,row\n");

    assertThat(values(records))
        .containsExactly(
            List.of("name", "note"),
            List.of("Zhang, San", "says \"hi\""),
            List.of("two\r\nlines", "a\nb"),
            List.of("last", "row"));
  }

  @Test
  void aQuotedLineBreakDoesNotShiftTheRowNumbersASpreadsheetShows() {
    List<CsvRecord> records = readAll("h\n\"multi\nline\ncell\"\nnext\n");

    assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 3);
    assertThat(records.get(2).values()).containsExactly("next");
  }

  @Test
  void emptyValuesAreKeptIncludingATrailingOne() {
    assertThat(values(readAll("a,,c\na,b,\n,,\n")))
        .containsExactly(List.of("a", "", "c"), List.of("a", "b", ""), List.of("", "", ""));
  }

  @Test
  void trailingBlankLinesAreBlankRecordsThatStillCount() {
    List<CsvRecord> records = readAll("h\nv\n\n\r\n,,\n");

    assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 3, 4, 5);
    assertThat(records)
        .extracting(CsvRecord::isBlank)
        .containsExactly(false, false, true, true, true);
  }

  @Test
  void keepsChineseTextAndSurroundingSpacesAsWritten() {
    assertThat(readAll("1单元, 101 ,\"住宅\"").get(0).values()).containsExactly("1单元", " 101 ", "住宅");
  }

  @Test
  void toleratesSpacesAfterAClosingQuote() {
    assertThat(readAll("\"a\"  ,\"b\"\t\n").get(0).values()).containsExactly("a", "b");
  }

  @Test
  void aQuoteInsideAnUnquotedValueIsJustACharacter() {
    assertThat(readAll("12\" pipe,x").get(0).values()).containsExactly("12\" pipe", "x");
  }

  @Test
  void anUnterminatedQuoteIsReportedOnTheRowWhereItStarts() {
    CsvParser parser = new CsvParser("h1,h2\nok,ok\nbad,\"never closed\nmore,text\n", 64);
    parser.next();
    parser.next();

    assertThatThrownBy(parser::next)
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("never closed")
        .hasMessageContaining("line 3 of the file");
  }

  @Test
  void theFileLineOfAnUnterminatedQuoteCountsEarlierQuotedLineBreaks() {
    CsvParser parser = new CsvParser("\"a\nb\"\n\"open\n", 64);
    parser.next();

    assertThatThrownBy(parser::next)
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageContaining("line 3 of the file");
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    assertThatThrownBy(() -> readAll("ok\n\"ab\"c,d\n"))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageContaining("closing quote");
  }

  @Test
  void refusesRowsWithMoreValuesThanTheLimit() {
    assertThat(readAll("a,b,c", 3)).hasSize(1);
    assertThatThrownBy(() -> readAll("ok\na,b,c,d", 3))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageContaining("more than 3 values");
  }

  @Test
  void valueReturnsEmptyForColumnsPastTheEndOfARecord() {
    CsvRecord record = readAll("a,b").get(0);

    assertThat(record.value(1)).isEqualTo("b");
    assertThat(record.value(5)).isEmpty();
  }
}
