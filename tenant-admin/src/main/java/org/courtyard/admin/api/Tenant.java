package org.courtyard.admin.api;

import java.time.Instant;
import java.util.List;

/**
 * A property company (物业公司) as {@code GET /operator/tenants} shows it; {@code plan} is null when it
 * may enable every module.
 */
public record Tenant(
    String slug,
    String name,
    String status,
    String statusReason,
    String schema,
    Instant createdAt,
    List<String> modules,
    List<String> plan) {

  public Tenant {
    modules = modules == null ? List.of() : List.copyOf(modules);
    plan = plan == null ? null : List.copyOf(plan);
  }

  /** Whether the tenant's plan (the modules it may enable) includes {@code module}. */
  public boolean planAllows(String module) {
    return plan == null || plan.contains(module);
  }

  public boolean suspended() {
    return "suspended".equals(status);
  }
}
