package org.courtyard.api;

import java.sql.Connection;
import java.sql.SQLException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point called while a tenant is onboarded, inside the onboarding transaction, after the
 * tenant's schema exists (throwing aborts the onboarding: the schema and the registry entry are
 * rolled back together), and once it has been offboarded.
 */
@ConsumerType
public interface OnboardingListener {

  void tenantCreated(TenantSlug tenant, Connection transaction) throws SQLException;

  /**
   * Called once an offboarded tenant's schema and registry entry are gone, outside any transaction:
   * for what lives elsewhere, such as the tenant's accounts on an external MQTT broker. An
   * exception is logged; the offboarding stands.
   */
  default void tenantRemoved(TenantSlug tenant) {}
}
