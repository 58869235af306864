package org.courtyard.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's instance for one tenant. Registered as a service (with the properties {@link
 * CourtyardConstants#TENANT} and {@link CourtyardConstants#MODULE}) once the instance is ready to
 * serve; the REST layer treats a module as enabled for a tenant exactly while this service exists.
 * Make the component {@code immediate} so that it is registered only after it has activated.
 */
@ConsumerType
public interface TenantModule {

  TenantSlug tenant();

  String moduleId();
}
