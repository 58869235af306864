package org.courtyard.parking.internal.dto;

/** A body that is a note and nothing else, such as why a vehicle was let out by hand. */
public record NoteInput(String note) {}
