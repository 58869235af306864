package org.courtyard.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's JAX-RS root resource, registered as a service. The platform publishes it under {@code
 * /api/v1/<moduleId>}, authenticates the caller with a tenant token and answers {@code 404
 * module-not-enabled} for tenants that have not enabled the module, before the resource is called.
 * A module may register several, one per aggregate, each with its own {@code @Path}: they are
 * served together under the module's address and listed in the OpenAPI document under its tag.
 * Inside the resource, the caller's tenant is {@link
 * TenantPrincipal#of(javax.ws.rs.core.SecurityContext)}.
 */
@ConsumerType
public interface ModuleResource {

  String moduleId();
}
