/**
 * What other modules may know of a tenant's residents: persons by id, their current rooms and the
 * current vehicles per room, read-only. Modules such as billing call this service instead of
 * touching the residents tables.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.courtyard.residents;
