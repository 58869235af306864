package org.courtyard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

  private final FieldErrors errors = new FieldErrors();

  @Test
  void stripsTheIdeographicSpaceOfChineseInputAndTurnsBlankIntoAbsent() {
    assertThat(TextRules.trimToNull("\u3000翠湖花园 ")).isEqualTo("翠湖花园");
    assertThat(TextRules.trimToNull(" \u3000 ")).isNull();
    assertThat(TextRules.optionalLine("  ", "address", 200, errors::add)).isNull();
    assertThat(errors.isEmpty()).isTrue();
  }

  @Test
  void countsLengthInCodePointsAsPostgresqlDoes() {
    String emoji = "🏠".repeat(100); // 200 chars, 100 code points
    assertThat(TextRules.requiredLine(emoji, "name", 100, errors::add)).isEqualTo(emoji);
    assertThat(TextRules.requiredLine(emoji + "x", "name", 100, errors::add)).isNull();
    assertThat(errors.errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.get("message")).isEqualTo("must be at most 100 characters (got 101)"));
  }

  @Test
  void refusesControlCharactersAndMissingValuesNamingTheField() {
    assertThat(TextRules.requiredLine("Road 1\t2", "address", 200, errors::add)).isNull();
    assertThat(TextRules.requiredLine(null, "name", 100, errors::add)).isNull();
    assertThat(TextRules.<Long>required(null, "version", errors::add)).isNull();
    assertThat(TextRules.requiredInRange(201, "floor", -10, 200, errors::add)).isNull();
    assertThat(errors.errors())
        .extracting(e -> e.get("field") + " " + e.get("message"))
        .containsExactly(
            "address must not contain line breaks, tabs or other control characters",
            "name is required",
            "version is required",
            "floor must be between -10 and 200 (got 201)");
  }

  @Test
  void quotesAUsersValueShortAndPrintableWithoutSplittingACharacter() {
    assertThat(TextRules.quote("a\u0000b")).isEqualTo("\"a?b\"");
    String long39 = "x".repeat(39) + "🏠" + "tail";
    assertThat(TextRules.shorten(long39)).isEqualTo("x".repeat(39) + "…");
    assertThat(TextRules.clip(null, 5)).isNull();
    assertThat(TextRules.clip("abcdef", 5)).isEqualTo("abcde");
  }
}
