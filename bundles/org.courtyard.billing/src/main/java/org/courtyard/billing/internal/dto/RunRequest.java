package org.courtyard.billing.internal.dto;

/** Body of {@code POST /runs}: the month to bill, {@code YYYY-MM}. */
public record RunRequest(String period) {}
