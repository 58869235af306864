/**
 * Transactions for module code over its tenant's EntityManagerFactory: all or nothing, with
 * database constraint violations answered as problems instead of 500s.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.courtyard.api.jpa;
