package org.courtyard.workorders.internal.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;

/** The refusal of an edit: its status and the fields it names. */
final class RefusedFields {

  private RefusedFields() {}

  static ProblemException refusal(Runnable edit, int status) {
    ProblemException p = catchThrowableOfType(edit::run, ProblemException.class);
    assertThat(p).as("refused").isNotNull();
    assertThat(p.status()).as(p.getMessage()).isEqualTo(status);
    return p;
  }

  /** The fields a 422 validation-failed names, in order. */
  @SuppressWarnings("unchecked")
  static List<String> fields(Runnable edit) {
    ProblemException p = refusal(edit, 422);
    assertThat(p.type()).isEqualTo("validation-failed");
    return ((List<Map<String, Object>>) p.extensions().get("errors"))
        .stream().map(e -> (String) e.get("field")).toList();
  }
}
