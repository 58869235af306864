/**
 * Plain JDBC for modules' bulk and hot paths (billing runs, device ingest) and the base of a JDBC
 * module's per-tenant component ({@code JdbcTenantModule}), on a tenant's schema-bound DataSource:
 * transactions, the array helpers {@code INSERT … SELECT FROM unnest(…)} needs, and {@link
 * org.courtyard.api.jdbc.TransientFailures}, the answers to a statement the database cancelled or
 * aborted for reasons of the moment (timeouts, deadlocks).
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.courtyard.api.jdbc;
