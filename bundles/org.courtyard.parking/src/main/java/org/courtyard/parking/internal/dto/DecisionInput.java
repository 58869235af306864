package org.courtyard.parking.internal.dto;

/** Body of {@code POST /parking/passages/{id}/decide}: {@code open} or {@code refuse}, and why. */
public record DecisionInput(String decision, String note) {}
