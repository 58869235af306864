/** The platform's database: the shared pool, the platform schema and per-schema migrations. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.courtyard.persistence;
