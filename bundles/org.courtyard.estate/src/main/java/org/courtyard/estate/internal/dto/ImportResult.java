package org.courtyard.estate.internal.dto;

/** Answer to a successful room import: every row of the file was written. */
public record ImportResult(long buildingId, int roomsImported, int unitsCreated) {}
