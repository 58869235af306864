package org.courtyard.billing.internal;

import java.util.Map;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;

/** The billing module's problem types, in one place so that README.md can list them all. */
final class Errors {

  static final String VALIDATION = "validation-failed";

  private static final Texts TEXTS = Texts.of(Errors.class);

  private Errors() {}

  static ProblemException invalidParameter(Text detail) {
    return new ProblemException(
        400, "invalid-parameter", TEXTS.title("invalid-parameter"), detail, Map.of());
  }

  static ProblemException missingBody() {
    return TEXTS.problem(400, "missing-body", "request.missing-body");
  }

  static ProblemException invalidPeriod(String value) {
    return value == null
        ? TEXTS.problem(400, "invalid-period", "period.invalid-none")
        : TEXTS.problem(400, "invalid-period", "period.invalid", TextRules.quote(value));
  }

  static ProblemException invalid(String field, Text message) {
    return FieldErrors.single(VALIDATION, TEXTS.title(VALIDATION), field, message);
  }
}
