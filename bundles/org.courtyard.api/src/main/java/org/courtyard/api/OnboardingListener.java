package org.courtyard.api;

import java.sql.Connection;
import java.sql.SQLException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Extension point called while a tenant is onboarded, inside the onboarding transaction, after the
 * tenant's schema exists. Throwing aborts the onboarding: the schema and the registry entry are
 * rolled back together.
 */
@ConsumerType
public interface OnboardingListener {

  void tenantCreated(TenantSlug tenant, Connection transaction) throws SQLException;
}
