package org.courtyard.admin.property.estate;

import com.vaadin.flow.component.HasValidation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;

/**
 * The field errors of a 422 answer ({@code errors: [{field, message}]}) put next to the fields they
 * name, as a form shows them: every write of the estate and residents screens sends its form to the
 * API, which keeps the rules; this shows what it said by the field it said it of.
 */
public final class ProblemFields implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One field's problem as the API words it. */
  public record FieldError(String field, String message) implements Serializable {}

  private final Map<String, HasValidation> fields = new LinkedHashMap<>();

  /** The form field that shows the API's errors of {@code field} (the JSON member's name). */
  public ProblemFields bind(String field, HasValidation component) {
    fields.put(field, component);
    return this;
  }

  /** Clears every field's error, before sending the form again. */
  public void clear() {
    fields
        .values()
        .forEach(
            f -> {
              f.setInvalid(false);
              f.setErrorMessage(null);
            });
  }

  /**
   * Marks the fields the problem names. Answers the errors that belong to no field of this form
   * (empty when every one was shown by its field); the caller shows those, or the whole problem
   * when it carried no field errors at all ({@link #of} empty).
   */
  public List<FieldError> show(ApiProblem problem) {
    List<FieldError> left = new ArrayList<>();
    Map<String, String> byField = new LinkedHashMap<>();
    for (FieldError e : of(problem)) {
      if (fields.containsKey(e.field())) {
        byField.merge(e.field(), e.message(), (a, b) -> a + "; " + b);
      } else {
        left.add(e);
      }
    }
    byField.forEach(
        (field, message) -> {
          HasValidation f = fields.get(field);
          f.setErrorMessage(message);
          f.setInvalid(true);
        });
    return left;
  }

  /** Marks one field, e.g. the code a 409 {@code duplicate} is about. */
  public void mark(String field, String message) {
    HasValidation f = fields.get(field);
    if (f != null) {
      f.setErrorMessage(message);
      f.setInvalid(true);
    }
  }

  /** The field errors a problem carries; empty for any other problem. */
  public static List<FieldError> of(ApiProblem problem) {
    List<FieldError> errors = new ArrayList<>();
    if (problem.extensions().get("errors") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("field") != null) {
          Object message = m.get("message");
          errors.add(
              new FieldError(m.get("field").toString(), message == null ? "" : message.toString()));
        }
      }
    }
    return errors;
  }
}
