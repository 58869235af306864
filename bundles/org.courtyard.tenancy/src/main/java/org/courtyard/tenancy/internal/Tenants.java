package org.courtyard.tenancy.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;

/**
 * The tenants as the registry knows them, and one lock per tenant: every change to a tenant
 * (onboarding, status, modules, reconciliation) runs under it, so changes to one tenant run one at
 * a time while different tenants do not wait for each other.
 */
final class Tenants {

  private static final Texts TEXTS = Texts.of(Tenants.class);

  private final Registry registry;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  Tenants(Registry registry) {
    this.registry = registry;
  }

  List<Tenant> list() {
    try {
      return registry.list();
    } catch (SQLException e) {
      throw new IllegalStateException("listing tenants failed", e);
    }
  }

  Optional<Tenant> find(String slug) {
    if (!TenantSlug.isValid(slug)) {
      return Optional.empty();
    }
    try {
      return registry.find(slug);
    } catch (SQLException e) {
      throw new IllegalStateException("reading tenant failed", e);
    }
  }

  /** The tenant, or a 404 problem. */
  Tenant require(String slug) {
    return find(slug)
        .orElseThrow(() -> TEXTS.problem(404, "tenant-not-found", "tenant.not-found", slug));
  }

  Object lock(String slug) {
    return locks.computeIfAbsent(slug, k -> new Object());
  }
}
