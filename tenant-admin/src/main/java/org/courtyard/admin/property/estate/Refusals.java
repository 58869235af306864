package org.courtyard.admin.property.estate;

import com.vaadin.flow.component.Component;
import java.util.Set;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.ui.Errors;

/**
 * Shows the API's refusal with {@link Errors#show}. The detail is the API's, as received (the
 * clients ask for the user's language, so it reads "找不到房间 12。" in a Chinese console); the problem
 * types the estate and residents screens meet are headed with the console's own words, which say
 * more than the API's title: "未找到（或不在您的管辖范围内）" rather than "未找到".
 */
public final class Refusals {

  /** The problem types with a title of their own under {@code estate.problem.}. */
  static final Set<String> KNOWN =
      Set.of(
          "stale-version",
          "outside-scope",
          "not-found",
          "duplicate",
          "already-ended",
          "share-exceeded",
          "permission-denied",
          "too-large",
          "module-not-enabled");

  private Refusals() {}

  /** Shows the failure (an {@link ApiProblem} or the API being unreachable); answers the text. */
  public static String show(Component in, RuntimeException failure) {
    if (failure instanceof ApiProblem p && KNOWN.contains(p.shortType())) {
      return Errors.show(
          new ApiProblem(
              p.status(),
              p.type(),
              in.getTranslation("estate.problem." + p.shortType()),
              p.detail(),
              p.extensions()));
    }
    return Errors.show(failure);
  }
}
