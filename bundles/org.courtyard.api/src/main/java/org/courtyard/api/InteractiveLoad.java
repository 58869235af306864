package org.courtyard.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether other people are waiting for answers from this node right now, so that a tenant's work
 * nobody is waiting for (a billing run, a rebuild) can give way to them. The REST platform
 * registers it and notes every request to {@code /api}; background work asks before each unit of
 * work and takes less of the machine while others are being served. A tenant's own requests (its
 * staff watching the run's progress) do not slow its own work.
 */
@ProviderType
public interface InteractiveLoad {

  /**
   * @param tenant whose work asks
   * @return true when a request of anyone but {@code tenant} (another tenant, an operator, a
   *     request not yet authenticated) started or was answered less than {@code millis} ago
   */
  boolean othersServedWithin(TenantSlug tenant, long millis);
}
