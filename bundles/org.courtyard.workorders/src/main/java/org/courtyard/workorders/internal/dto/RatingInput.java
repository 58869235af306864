package org.courtyard.workorders.internal.dto;

/** A resident's rating of a finished order: 1 to 5 and an optional comment. */
public record RatingInput(Integer score, String comment) {}
