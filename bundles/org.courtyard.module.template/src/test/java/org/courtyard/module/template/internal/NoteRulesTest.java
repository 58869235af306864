package org.courtyard.module.template.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.junit.jupiter.api.Test;

class NoteRulesTest {

  @Test
  void storesStrippedValuesAndBlankBodyAsAbsent() {
    NoteRules.Values v = NoteRules.check("\u3000 Boiler check ", "  \n ", 2, new FieldErrors());
    assertThat(v).isEqualTo(new NoteRules.Values("Boiler check", null, 2));
  }

  @Test
  void aBodyMaySpanLinesAndATitleMayNot() {
    assertThat(NoteRules.check("Keys", "line one\nline two", 5, new FieldErrors()).body())
        .isEqualTo("line one\nline two");
    assertThat(errorsOf("two\nlines", null, 1))
        .containsExactly("title must not contain line breaks, tabs or other control characters");
  }

  @Test
  void everyWrongFieldIsReportedAtOnce() {
    assertThat(errorsOf(" ", "x".repeat(NoteRules.BODY_MAX + 1), 0))
        .containsExactly(
            "title is required",
            "body must be at most 2000 characters (got 2001)",
            "priority must be between 1 and 5 (got 0)");
    assertThat(errorsOf("t", null, null)).containsExactly("priority is required");
  }

  @Test
  void lengthsAreCountedInCharactersNotUtf16Units() {
    String hundredEmoji = "\uD83D\uDE00".repeat(NoteRules.TITLE_MAX);
    assertThat(NoteRules.check(hundredEmoji, null, 3, new FieldErrors()).title())
        .isEqualTo(hundredEmoji);
    assertThat(errorsOf(hundredEmoji + "x", null, 3))
        .containsExactly("title must be at most 100 characters (got 101)");
  }

  private static java.util.List<String> errorsOf(String title, String body, Integer priority) {
    FieldErrors errors = new FieldErrors();
    assertThatThrownBy(() -> NoteRules.check(title, body, priority, errors))
        .isInstanceOf(ProblemException.class);
    return errors.errors().stream().map(e -> e.get("field") + " " + e.get("message")).toList();
  }
}
