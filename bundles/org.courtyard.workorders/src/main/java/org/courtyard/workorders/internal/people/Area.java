package org.courtyard.workorders.internal.people;

/** Where a technician works: a whole estate ({@code buildingId} null) or one building of it. */
public record Area(Long estateId, Long buildingId) {}
