package org.courtyard.admin.property.modules;

import java.io.Serializable;
import java.util.List;

/**
 * A module as {@code GET /tenant/modules} shows it to the company: whether it is enabled, whether
 * the plan allows it, what it requires and which enabled modules require it.
 */
public record CompanyModule(
    String id,
    String title,
    String description,
    String version,
    List<String> requires,
    List<String> requiredBy,
    boolean enabled,
    boolean inPlan)
    implements Serializable {

  public CompanyModule {
    requires = requires == null ? List.of() : List.copyOf(requires);
    requiredBy = requiredBy == null ? List.of() : List.copyOf(requiredBy);
  }

  /** The required modules that are not enabled, looked up in {@code all}. */
  public List<String> missing(List<CompanyModule> all) {
    return requires.stream()
        .filter(r -> all.stream().noneMatch(m -> m.id().equals(r) && m.enabled()))
        .toList();
  }
}
