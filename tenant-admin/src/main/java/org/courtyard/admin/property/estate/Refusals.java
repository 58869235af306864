package org.courtyard.admin.property.estate;

import com.vaadin.flow.component.Component;
import java.util.Set;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.ui.Errors;

/**
 * Shows the API's refusal with {@link Errors#show}, headed in the user's language for the problem
 * types the estate and residents screens meet (the API words its titles and details in English):
 * "已被他人修改: Estate 2 is at version 3, ..." rather than "Stale version: ...".
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
