package org.courtyard.parking.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /parking/leases}: the space, from {@code startDate} for {@code terms} months,
 * quarters or years ({@code term}), to a holder (a name, and a phone to reach them); with {@code
 * roomId} and {@code rent} (per term) the rent goes on that room's bills in billing's runs, in the
 * month each term begins (both or neither).
 */
public record LeaseInput(
    Long spaceId,
    LocalDate startDate,
    String term,
    Integer terms,
    String holderName,
    String holderPhone,
    String note,
    Long roomId,
    BigDecimal rent) {}
