package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.HasValidation;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;

/**
 * The field errors of a 422 {@code validation-failed} ({@code errors: [{field, message}]}) put on
 * the form's fields, so that each refusal shows where it belongs; the problem itself is still shown
 * whole (a field the form does not have, say).
 */
final class FieldProblems {

  private FieldProblems() {}

  /** Marks the named fields invalid with the API's message; answers how many were marked. */
  static int mark(ApiProblem problem, Map<String, ? extends HasValidation> fields) {
    int marked = 0;
    if (problem.extensions().get("errors") instanceof List<?> errors) {
      for (Object o : errors) {
        if (o instanceof Map<?, ?> e && e.get("field") != null) {
          HasValidation field = fields.get(e.get("field").toString());
          if (field != null) {
            field.setErrorMessage(String.valueOf(e.get("message")));
            field.setInvalid(true);
            marked++;
          }
        }
      }
    }
    return marked;
  }
}
