package org.courtyard.parking.internal.dto;

/** Answer to a space import: every row of the file became a space of the lot. */
public record SpacesImported(long lotId, int spacesCreated) {}
