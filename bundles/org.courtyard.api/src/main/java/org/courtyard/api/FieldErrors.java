package org.courtyard.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects every field problem of one request, so that the caller gets all of them in one answer:
 * {@code 422 validation-failed} with {@code errors: [{field, message}, …]}.
 */
public final class FieldErrors {

  public static final String TYPE = "validation-failed";
  public static final String TITLE = "Invalid input";

  private final List<Map<String, Object>> errors = new ArrayList<>();

  /** Usable as a method reference where validation reports a field: {@code errors::add}. */
  public void add(String field, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", message);
    errors.add(error);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** The collected errors, in the order they were found. */
  public List<Map<String, Object>> errors() {
    return List.copyOf(errors);
  }

  /**
   * @throws ProblemException 422 {@code validation-failed} when any error was collected
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw toProblem(TYPE, TITLE);
    }
  }

  /** The collected errors as a 422 problem of the given type, e.g. {@code parent-immutable}. */
  public ProblemException toProblem(String type, String title) {
    String detail =
        errors.stream()
                .map(e -> e.get("field") + " " + e.get("message"))
                .collect(Collectors.joining("; "))
            + ".";
    return new ProblemException(422, type, title, detail, Map.of("errors", errors()));
  }

  /** A 422 problem about one field. */
  public static ProblemException single(String type, String title, String field, String message) {
    FieldErrors errors = new FieldErrors();
    errors.add(field, message);
    return errors.toProblem(type, title);
  }
}
