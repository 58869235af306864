package org.courtyard.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The tenants' audit logs, for the REST layer: ready before a request's first write, and the row of
 * a request that committed nothing written on its own.
 */
@ProviderType
public interface AuditTrail {

  /** Makes sure {@code tenant}'s audit log exists before a request of it writes. */
  void prepare(TenantSlug tenant);

  /** Writes {@code audit}'s row in a transaction of its own, with the request's outcome. */
  void record(RequestAudit audit, String outcome);
}
