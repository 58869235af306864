package org.courtyard.admin.api;

import java.util.List;

/** A module the container offers; {@code installed} once its bundles are in the container. */
public record ModuleInfo(
    String id,
    String title,
    String description,
    String version,
    List<String> requires,
    boolean installed) {

  public ModuleInfo {
    requires = requires == null ? List.of() : List.copyOf(requires);
  }
}
