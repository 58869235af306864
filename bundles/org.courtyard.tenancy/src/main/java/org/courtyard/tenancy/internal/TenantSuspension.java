package org.courtyard.tenancy.internal;

import java.sql.SQLException;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suspending and resuming a tenant: only its status changes (its tokens are refused with 403 while
 * suspended); data, modules and devices stay as they are.
 */
final class TenantSuspension {

  private static final Logger LOG = LoggerFactory.getLogger(TenantSuspension.class);

  private static final Texts TEXTS = Texts.of(TenantSuspension.class);

  private final Registry registry;
  private final Tenants tenants;
  private final Credentials credentials;

  TenantSuspension(Registry registry, Tenants tenants, Credentials credentials) {
    this.registry = registry;
    this.tenants = tenants;
    this.credentials = credentials;
  }

  Tenant suspend(String slug, String reason) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > 500) {
      throw TEXTS.problem(400, "invalid-reason", "tenant.invalid-reason");
    }
    return setStatus(slug, Tenant.SUSPENDED, why);
  }

  Tenant resume(String slug) {
    return setStatus(slug, Tenant.ACTIVE, null);
  }

  private Tenant setStatus(String slug, String status, String reason) {
    if (!TenantSlug.isValid(slug)) {
      tenants.require(slug); // 404, and no lock kept for a name that cannot be a tenant
    }
    synchronized (tenants.lock(slug)) {
      try {
        if (!registry.setStatus(slug, status, reason)) {
          tenants.require(slug); // no such tenant: 404
        }
      } catch (SQLException e) {
        throw new IllegalStateException("changing the status of " + slug + " failed", e);
      }
      // a cached credential must not outlive the suspension
      credentials.forgetTenant(slug);
    }
    LOG.info("Tenant {} is now {}{}", slug, status, reason == null ? "" : " (" + reason + ")");
    return tenants.require(slug);
  }
}
