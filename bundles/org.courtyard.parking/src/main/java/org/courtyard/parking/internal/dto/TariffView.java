package org.courtyard.parking.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/** A lot's temporary-parking tariff; night times {@code HH:mm} or null. */
public record TariffView(
    long lotId,
    int freeMinutes,
    int firstMinutes,
    BigDecimal firstPrice,
    int unitMinutes,
    BigDecimal unitPrice,
    String nightFrom,
    String nightTo,
    BigDecimal nightUnitPrice,
    BigDecimal capPer24h,
    Instant updatedAt,
    int version) {}
