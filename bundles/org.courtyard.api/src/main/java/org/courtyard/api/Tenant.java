package org.courtyard.api;

import java.time.Instant;
import java.util.List;

/** A property company as the platform registry knows it. */
public final class Tenant {

  public static final String ACTIVE = "active";
  public static final String SUSPENDED = "suspended";

  public final String slug;
  public final String name;

  /** {@value #ACTIVE} or {@value #SUSPENDED}: a suspended tenant's API tokens are refused. */
  public final String status;

  /** Why an operator suspended the tenant; null while it is active. */
  public final String statusReason;

  /** When the status last changed; null when it never did. */
  public final Instant statusChangedAt;

  public final String schema;
  public final Instant createdAt;
  public final List<String> modules;

  /**
   * The modules the tenant's plan lets it enable itself (套餐), in id order; null when the plan
   * allows every module. Enabled modules are always within it.
   */
  public final List<String> plan;

  public Tenant(
      String slug,
      String name,
      String status,
      String schema,
      Instant createdAt,
      List<String> modules) {
    this(slug, name, status, null, null, schema, createdAt, modules);
  }

  public Tenant(
      String slug,
      String name,
      String status,
      String statusReason,
      Instant statusChangedAt,
      String schema,
      Instant createdAt,
      List<String> modules) {
    this(slug, name, status, statusReason, statusChangedAt, schema, createdAt, modules, null);
  }

  public Tenant(
      String slug,
      String name,
      String status,
      String statusReason,
      Instant statusChangedAt,
      String schema,
      Instant createdAt,
      List<String> modules,
      List<String> plan) {
    this.slug = slug;
    this.name = name;
    this.status = status;
    this.statusReason = statusReason;
    this.statusChangedAt = statusChangedAt;
    this.schema = schema;
    this.createdAt = createdAt;
    this.modules = List.copyOf(modules);
    this.plan = plan == null ? null : List.copyOf(plan);
  }

  /** Whether the plan lets the tenant enable {@code module}. */
  public boolean planAllows(String module) {
    return plan == null || plan.contains(module);
  }
}
