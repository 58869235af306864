package org.courtyard.api.rest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the REST layer, with the service property {@code courtyard.module}, once a module's
 * API answers under {@code /api/v1/<module>}. The platform reports a module enabled only after this
 * service exists, so a tenant's first request after an enable never meets a missing endpoint.
 */
@ProviderType
public interface PublishedApi {

  String moduleId();
}
