package org.courtyard.billing.internal;

import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;

/** The billing module's problem types, in one place so that README.md can list them all. */
final class Errors {

  static final String VALIDATION = "validation-failed";

  private Errors() {}

  static ProblemException invalidParameter(String detail) {
    return ProblemException.badRequest("invalid-parameter", "Invalid query parameter", detail);
  }

  static ProblemException missingBody() {
    return ProblemException.badRequest(
        "missing-body", "Missing body", "Send the request as a JSON object in the body.");
  }

  static ProblemException invalidPeriod(String value) {
    return ProblemException.badRequest(
        "invalid-period",
        "Invalid period",
        "A period is a month written YYYY-MM, e.g. 2026-11 (got "
            + (value == null ? "nothing" : TextRules.quote(value))
            + ").");
  }

  static ProblemException invalid(String field, String message) {
    return FieldErrors.single(VALIDATION, FieldErrors.TITLE, field, message);
  }
}
