package org.courtyard.api;

import java.time.Instant;
import java.util.List;

/** A property company as the platform registry knows it. */
public final class Tenant {
  public final String slug;
  public final String name;
  public final String status;
  public final String schema;
  public final Instant createdAt;
  public final List<String> modules;

  public Tenant(
      String slug,
      String name,
      String status,
      String schema,
      Instant createdAt,
      List<String> modules) {
    this.slug = slug;
    this.name = name;
    this.status = status;
    this.schema = schema;
    this.createdAt = createdAt;
    this.modules = List.copyOf(modules);
  }
}
