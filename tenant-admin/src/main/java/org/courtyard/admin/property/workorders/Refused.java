package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.ui.Errors;

/**
 * Shows a refusal of the work-order API. The detail is the API's, in the user's language (the
 * client asks for it); the problem types a step meets are headed with the console's own words ("Not
 * possible in this state" rather than "Conflict"), and a 422's field errors are put on the form's
 * fields as well.
 */
final class Refused {

  /** The problem types with a title of their own under {@code workorders.problem.}. */
  static final Set<String> KNOWN =
      Set.of(
          "wrong-state",
          "out-of-time",
          "stale-version",
          "not-yours",
          "incomplete",
          "permission-denied",
          "not-found");

  private Refused() {}

  /** Shows the failure ({@link ApiProblem} or the API unreachable); answers the text shown. */
  static String show(RuntimeException failure) {
    UI ui = UI.getCurrent();
    if (ui != null && failure instanceof ApiProblem p && KNOWN.contains(p.shortType())) {
      return Errors.show(
          new ApiProblem(
              p.status(),
              p.type(),
              ui.getTranslation("workorders.problem." + p.shortType()),
              p.detail(),
              p.extensions()));
    }
    return Errors.show(failure);
  }

  /** Marks the fields a 422's {@code errors: [{field, message}]} names; answers how many. */
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
