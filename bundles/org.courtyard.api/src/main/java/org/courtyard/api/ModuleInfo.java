package org.courtyard.api;

import java.util.List;

/** A module the container can offer to tenants. */
public final class ModuleInfo {
  public final String id;
  public final String title;
  public final String description;
  public final String version;
  public final List<String> requires;

  /**
   * Whether the module's bundles are installed in the container (they are after the first enable).
   */
  public final boolean installed;

  public ModuleInfo(
      String id,
      String title,
      String description,
      String version,
      List<String> requires,
      boolean installed) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.version = version;
    this.requires = List.copyOf(requires);
    this.installed = installed;
  }
}
