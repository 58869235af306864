package org.courtyard.parking.internal.dto;

import java.time.LocalDate;

/** Body of {@code POST /parking/spaces/{id}/owners}: the new owner, theirs from {@code since}. */
public record OwnerInput(String holderName, String holderPhone, LocalDate since, String note) {}
