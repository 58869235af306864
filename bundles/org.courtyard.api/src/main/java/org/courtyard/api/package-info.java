/**
 * The platform's public contract: tenants, modules, the tenant context of a request, per-tenant
 * persistence and the problem type every error is reported with.
 */
@org.osgi.annotation.versioning.Version("1.14.0")
package org.courtyard.api;
