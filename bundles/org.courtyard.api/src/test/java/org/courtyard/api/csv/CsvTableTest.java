package org.courtyard.api.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  enum Col implements CsvColumn {
    CODE,
    NAME,
    NOTE {
      @Override
      public boolean required() {
        return false;
      }
    }
  }

  private static final ProblemException TOO_MANY =
      new ProblemException(413, "too-large", "Import too large", "more than 3 things");

  private final List<Map<Col, String>> accepted = new ArrayList<>();

  private List<RowError> read(boolean headerOptional, String text) {
    CsvTable<Col> table =
        new CsvTable<>(Col.class, "things", "empty!", headerOptional, 3, TOO_MANY);
    return table.read(
        text,
        (line, cells, report) -> {
          if (cells.getOrDefault(Col.CODE, "").isBlank()) {
            report.accept("code", "is required");
          }
          if (!report.any()) {
            accepted.add(cells);
          }
        });
  }

  @Test
  void readsColumnsByHeaderInAnyOrderAndCaseSkippingBlankRows() {
    assertThat(read(false, "\uFEFFName,CODE\n\nAcme,a1\n,\nZen,z2\n")).isEmpty();
    assertThat(accepted)
        .containsExactly(
            Map.of(Col.NAME, "Acme", Col.CODE, "a1"), Map.of(Col.NAME, "Zen", Col.CODE, "z2"));
  }

  @Test
  void aFileWithoutHeaderTakesTheDeclaredOrderWhenAllowed() {
    assertThat(read(true, "a1,Acme,first\n")).isEmpty();
    assertThat(accepted)
        .containsExactly(Map.of(Col.CODE, "a1", Col.NAME, "Acme", Col.NOTE, "first"));
    assertThat(read(false, "a1,Acme\n"))
        .extracting(RowError::line, RowError::column)
        .containsExactly(tuple(1, "a1"), tuple(1, "Acme"), tuple(1, "code"), tuple(1, "name"));
  }

  @Test
  void headerProblemsAreReportedAloneAndNameTheColumns() {
    List<RowError> errors = read(false, "code,code,colour\nx,y,z\n");
    assertThat(errors)
        .extracting(RowError::column, RowError::message)
        .containsExactly(
            tuple("code", "appears twice in the header row"),
            tuple(
                "colour", "is not a known column; the columns are code, name and optionally note"),
            tuple("name", "is missing from the header row"));
  }

  @Test
  void aValueUnderANamelessColumnIsARowProblemAndKeepsTheRowOut() {
    List<RowError> errors = read(false, "code,name,\na1,Acme,stray\n");
    assertThat(errors)
        .containsExactly(new RowError(2, "C", "has a value but no column name in the header row"));
    assertThat(accepted).isEmpty();
  }

  @Test
  void emptyFilesHeaderOnlyFilesBrokenQuotesAndTooManyRows() {
    assertThat(read(false, "\r\n\r\n")).containsExactly(new RowError(1, null, "empty!"));
    assertThat(read(false, "code,name\n"))
        .containsExactly(new RowError(2, null, "the file has no things below the header row"));
    assertThat(read(false, "code,name\n\"a1,Acme\n")).extracting(RowError::line).containsExactly(2);
    assertThatThrownBy(() -> read(false, "code,name\na,1\nb,2\nc,3\nd,4\n")).isSameAs(TOO_MANY);
  }

  @Test
  void aRejectionListsTheFirstProblemsByLineAndCountsThemAll() {
    List<RowError> errors = new ArrayList<>();
    for (int line = CsvTable.MAX_REPORTED_ERRORS + 10; line >= 2; line--) {
      errors.add(new RowError(line, "code", "bad"));
    }
    ProblemException problem = CsvTable.rejection(errors);
    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.type()).isEqualTo("import-rejected");
    assertThat(problem.extensions().get("errorCount")).isEqualTo(errors.size());
    List<?> shown = (List<?>) problem.extensions().get("errors");
    assertThat(shown).hasSize(CsvTable.MAX_REPORTED_ERRORS);
    assertThat(((Map<?, ?>) shown.get(0)).get("line")).isEqualTo(2);
    assertThat(problem.detail()).contains("(the first 200 are listed)");
  }

  @Test
  void columnLettersFollowSpreadsheetNaming() {
    assertThat(CsvTable.columnLetter(0)).isEqualTo("A");
    assertThat(CsvTable.columnLetter(26)).isEqualTo("AA");
    assertThat(CsvTable.columnLetter(702)).isEqualTo("AAA");
  }
}
