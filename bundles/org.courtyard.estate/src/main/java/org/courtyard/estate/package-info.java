/**
 * What other modules may know of a tenant's estate base data: its rooms, read-only. Modules such as
 * residents and billing call this service instead of touching the estate tables.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.courtyard.estate;
