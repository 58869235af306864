/**
 * Plain JDBC for modules' bulk and hot paths (billing runs, device ingest), on a tenant's
 * schema-bound DataSource: transactions, and the array helpers {@code INSERT … SELECT FROM
 * unnest(…)} needs.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.courtyard.api.jdbc;
