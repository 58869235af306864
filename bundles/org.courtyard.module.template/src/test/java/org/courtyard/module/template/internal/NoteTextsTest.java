package org.courtyard.module.template.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.junit.jupiter.api.Test;

/** The module answers in the request's language: English as always, or Simplified Chinese. */
class NoteTextsTest {

  @Test
  void aMissingNoteIsNamedInEitherLanguage() {
    ProblemException missing = Problems.notFound(NoteService.NOTE, 7);
    assertThat(missing.detail()).isEqualTo("Note 7 not found.");
    assertThat(missing.detail(Languages.CHINESE)).isEqualTo("找不到便签 7。");
    assertThat(missing.title(Languages.CHINESE)).isEqualTo("未找到");
  }

  @Test
  void fieldErrorsAreSaidInChinese() {
    ProblemException invalid =
        catchThrowableOfType(
            () -> NoteRules.check(" ", null, 9, new FieldErrors()), ProblemException.class);
    assertThat(invalid.detail())
        .isEqualTo("title is required; priority must be between 1 and 5 (got 9).");
    assertThat(invalid.detail(Languages.CHINESE))
        .isEqualTo("title：必填；priority：必须在 1 到 5 之间（实际为 9）。");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors =
        (List<Map<String, Object>>) invalid.extensions(Languages.CHINESE).get("errors");
    assertThat(errors)
        .extracting(e -> e.get("message"))
        .containsExactly("必填", "必须在 1 到 5 之间（实际为 9）");
  }
}
