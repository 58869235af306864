/**
 * What other modules may know of a tenant's estate base data: its rooms, read-only. Modules such as
 * residents and billing call this service instead of touching the estate tables, and tell estate
 * through {@link org.courtyard.estate.RoomReferences} what of theirs refers to a room, building or
 * estate it is about to delete.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.courtyard.estate;
