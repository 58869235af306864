package org.courtyard.admin.property.security;

import com.vaadin.flow.component.HasValidation;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;

/** Puts each field error of a 422 on the security dialog's field it names, with the API's words. */
final class FieldMarks {

  private FieldMarks() {}

  static void mark(ApiProblem problem, Map<String, ? extends HasValidation> fields) {
    if (problem.extensions().get("errors") instanceof List<?> errors) {
      for (Object o : errors) {
        if (o instanceof Map<?, ?> e && e.get("field") != null) {
          HasValidation field = fields.get(e.get("field").toString());
          if (field != null) {
            field.setErrorMessage(String.valueOf(e.get("message")));
            field.setInvalid(true);
          }
        }
      }
    }
  }
}
