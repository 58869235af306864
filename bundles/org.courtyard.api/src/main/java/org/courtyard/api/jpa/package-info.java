/**
 * A module's JPA side: the base of its per-tenant component ({@code JpaTenantModule}) and
 * transactions over its tenant's EntityManagerFactory, all or nothing, with database constraint
 * violations answered as problems instead of 500s.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.courtyard.api.jpa;
