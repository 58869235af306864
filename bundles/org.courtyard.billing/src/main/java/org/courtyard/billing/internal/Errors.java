package org.courtyard.billing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;

/** The billing module's problem types, in one place so that README.md can list them all. */
final class Errors {

  static final String VALIDATION = "validation-failed";

  private Errors() {}

  static ProblemException notFound(String what, Object id) {
    return ProblemException.notFound(
        "not-found", "Not found", what + " " + id + " does not exist.");
  }

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
            + (value == null ? "nothing" : "\"" + clip(value) + "\"")
            + ").");
  }

  static ProblemException invalid(String field, String message) {
    FieldErrors errors = new FieldErrors();
    errors.add(field, message);
    return errors.problem();
  }

  static String clip(String value) {
    String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return v.replaceAll("\\p{Cntrl}", "?");
  }

  /** Collects every field problem of a request before answering 422 {@code validation-failed}. */
  static final class FieldErrors {
    private final List<Map<String, Object>> errors = new ArrayList<>();

    void add(String field, String message) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("field", field);
      e.put("message", message);
      errors.add(e);
    }

    boolean isEmpty() {
      return errors.isEmpty();
    }

    ProblemException problem() {
      String detail =
          errors.size() == 1
              ? errors.get(0).get("field") + ": " + errors.get(0).get("message") + "."
              : errors.size() + " fields are invalid; see errors.";
      return new ProblemException(
          422, VALIDATION, "Validation failed", detail, Map.of("errors", List.copyOf(errors)));
    }

    void throwIfAny() {
      if (!errors.isEmpty()) {
        throw problem();
      }
    }
  }
}
