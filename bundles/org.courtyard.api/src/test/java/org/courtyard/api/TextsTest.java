package org.courtyard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.courtyard.api.csv.CsvTable;
import org.courtyard.api.csv.RowError;
import org.junit.jupiter.api.Test;

class TextsTest {

  private static final Texts CSV = Texts.of(CsvTable.class);

  @Test
  void saysAProblemInEnglishForLogsAndInTheLanguageAskedFor() {
    Text room = Text.of(locale -> locale.equals(Languages.CHINESE) ? "房间" : "Room");
    ProblemException p = Problems.notFound(room, 12);

    assertThat(p.getMessage()).isEqualTo("Room 12 not found.");
    assertThat(p.detail()).isEqualTo("Room 12 not found.");
    assertThat(p.title()).isEqualTo("Not found");
    assertThat(p.title(Languages.CHINESE)).isEqualTo("未找到");
    assertThat(p.detail(Languages.CHINESE)).isEqualTo("找不到房间 12。");
    assertThat(p.type()).isEqualTo("not-found");
    assertThat(p.status()).isEqualTo(404);
  }

  @Test
  void keepsArgumentsAsTheirStringsInEveryLanguage() {
    // MessageFormat would group 12345 and drop the zero of 12.50; amounts must read as sent
    Text text = Texts.api().text("rules.out-of-range", 12345, new BigDecimal("12.50"), "x");

    assertThat(text.toString()).isEqualTo("must be between 12345 and 12.50 (got x)");
    assertThat(text.in(Languages.CHINESE)).isEqualTo("必须在 12345 到 12.50 之间（实际为 x）");
  }

  @Test
  void writesApostrophesAndQuotesAsTheCatalogueHasThem() {
    ProblemException p =
        Texts.api().problem(404, "module-not-enabled", "tenant-instances.not-enabled", "b", "t");

    assertThat(p.detail()).isEqualTo("Module 'b' is not enabled for tenant 't'.");
    assertThat(p.detail(Languages.CHINESE)).isEqualTo("物业公司“t”未启用模块“b”。");
  }

  @Test
  void readsAUnknownLanguageAsEnglishAndAMissingKeyAsTheKey() {
    Text text = Texts.api().text("rules.required");

    assertThat(text.in(java.util.Locale.FRENCH)).isEqualTo("is required");
    assertThat(text.in(java.util.Locale.TRADITIONAL_CHINESE)).isEqualTo("is required");
    assertThat(text.in(java.util.Locale.CHINESE)).isEqualTo("必填");
    assertThat(Texts.api().text("no.such-key").in(Languages.CHINESE)).isEqualTo("no.such-key");
    assertThat(Texts.api().has("no.such-key")).isFalse();
  }

  @Test
  void refusesAPackageWithoutCatalogue() {
    assertThatThrownBy(() -> Texts.of(Test.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org.junit.jupiter.api");
  }

  @Test
  void aProblemBuiltFromStringsStaysEnglishInEveryLanguage() {
    ProblemException p =
        new ProblemException(409, "custom", "Custom", "A driver said so.", Map.of("n", 1));

    assertThat(p.title(Languages.CHINESE)).isEqualTo("Custom");
    assertThat(p.detail(Languages.CHINESE)).isEqualTo("A driver said so.");
    assertThat(p.extensions(Languages.CHINESE)).isEqualTo(Map.of("n", 1));
    assertThat(new ProblemException(400, "t", "T", null).detail(Languages.CHINESE)).isNull();
  }

  @Test
  void saysFieldErrorsInTheLanguageAskedForAndKeepsTheFieldNames() {
    FieldErrors errors = new FieldErrors();
    TextRules.requiredLine(null, "name", 10, errors);
    TextRules.requiredLine("x".repeat(11), "code", 10, errors::add);
    errors.add("note", "is odd");

    ProblemException p = errors.toProblem(FieldErrors.TYPE, Texts.api().title(FieldErrors.TYPE));

    assertThat(p.detail())
        .isEqualTo("name is required; code must be at most 10 characters (got 11); note is odd.");
    assertThat(p.detail(Languages.CHINESE))
        .isEqualTo("name：必填；code：最多 10 个字符（实际 11 个）；note：is odd。");
    assertThat(p.title(Languages.CHINESE)).isEqualTo("输入有误");
    assertThat(p.extensions())
        .isEqualTo(
            Map.of(
                "errors",
                List.of(
                    Map.of("field", "name", "message", "is required"),
                    Map.of("field", "code", "message", "must be at most 10 characters (got 11)"),
                    Map.of("field", "note", "message", "is odd"))));
    assertThat(p.extensions(Languages.CHINESE))
        .isEqualTo(
            Map.of(
                "errors",
                List.of(
                    Map.of("field", "name", "message", "必填"),
                    Map.of("field", "code", "message", "最多 10 个字符（实际 11 个）"),
                    Map.of("field", "note", "message", "is odd"))));
    assertThat(errors.errors()).extracting(e -> e.get("message")).first().isEqualTo("is required");
  }

  @Test
  void aStringRuleReportStillGetsEnglishStrings() {
    StringBuilder said = new StringBuilder();
    java.util.function.BiConsumer<String, String> report = (f, m) -> said.append(f).append(m);

    TextRules.requiredLine(" ", "name", 10, report);

    assertThat(said).hasToString("nameis required");
  }

  @Test
  void saysAnImportRejectionAndItsRowsInTheLanguageAskedFor() {
    List<RowError> rows =
        List.of(
            new RowError(3, "area", CSV.text("csv.column-twice")),
            new RowError(2, null, "a driver's English"));

    ProblemException p = CsvTable.rejection(rows);

    assertThat(p.detail())
        .isEqualTo(
            "Nothing was imported: the file has 2 problems. Correct the file and upload it again.");
    assertThat(p.detail(Languages.CHINESE)).isEqualTo("未导入任何数据：文件中有 2 处问题。请修改文件后重新上传。");
    assertThat(p.title(Languages.CHINESE)).isEqualTo("导入被拒绝");
    assertThat(p.extensions(Languages.CHINESE).get("errors"))
        .isEqualTo(List.of(map(2, null, "a driver's English"), map(3, "area", "在标题行中出现了两次")));
    assertThat(p.extensions().get("errors"))
        .isEqualTo(
            List.of(
                map(2, null, "a driver's English"),
                map(3, "area", "appears twice in the header row")));
    assertThat(p.extensions().get("errorCount")).isEqualTo(2);
    assertThat(rows.get(0)).isEqualTo(new RowError(3, "area", "appears twice in the header row"));
  }

  @Test
  void aRetryLaterProblemKeepsItsWaitAndTexts() {
    RetryLaterException e = org.courtyard.api.jdbc.TransientFailures.statementTimeout(1500);

    assertThat(e.retryAfterSeconds()).isEqualTo(2);
    assertThat(e.detail()).contains("statement limit of 1.5 s");
    assertThat(e.detail(Languages.CHINESE)).contains("1.5 s 的查询时限");
    assertThat(e.title(Languages.CHINESE)).isEqualTo("查询超时");
  }

  private static Map<String, Object> map(int line, String column, String message) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("line", line);
    m.put("column", column);
    m.put("message", message);
    return m;
  }
}
