package org.courtyard.security.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.courtyard.api.ProblemException;

/** The field errors of a 422 a rule threw, as "field message". */
final class RuleProblems {

  private RuleProblems() {}

  static ProblemException thrown(ThrowingCallable call) {
    ProblemException[] caught = new ProblemException[1];
    assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> caught[0] = e);
    return caught[0];
  }

  @SuppressWarnings("unchecked")
  static List<String> fieldErrors(ThrowingCallable call) {
    ProblemException e = thrown(call);
    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(422);
    org.assertj.core.api.Assertions.assertThat(e.type()).isEqualTo("validation-failed");
    return ((List<Map<String, Object>>) e.extensions().get("errors"))
        .stream().map(m -> m.get("field") + " " + m.get("message")).toList();
  }
}
