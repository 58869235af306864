package org.courtyard.parking.internal.dto;

import java.time.LocalDate;

/**
 * Body of {@code POST /parking/leases}: the space, from {@code startDate} for {@code terms} months,
 * quarters or years ({@code term}), to a holder (a name, and a phone to reach them).
 */
public record LeaseInput(
    Long spaceId,
    LocalDate startDate,
    String term,
    Integer terms,
    String holderName,
    String holderPhone,
    String note) {}
