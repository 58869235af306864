package org.courtyard.admin.api;

import java.time.Instant;
import java.util.List;

/** A property company (物业公司) as {@code GET /operator/tenants} shows it. */
public record Tenant(
    String slug,
    String name,
    String status,
    String statusReason,
    String schema,
    Instant createdAt,
    List<String> modules) {

  public Tenant {
    modules = modules == null ? List.of() : List.copyOf(modules);
  }

  public boolean suspended() {
    return "suspended".equals(status);
  }
}
