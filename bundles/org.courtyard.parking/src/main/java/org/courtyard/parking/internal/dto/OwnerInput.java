package org.courtyard.parking.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /parking/spaces/{id}/owners}: the new owner, theirs from {@code since}; with
 * {@code roomId} and {@code monthlyFee} the space's management fee goes on that room's monthly
 * bills (both or neither).
 */
public record OwnerInput(
    String holderName,
    String holderPhone,
    LocalDate since,
    String note,
    Long roomId,
    BigDecimal monthlyFee) {}
