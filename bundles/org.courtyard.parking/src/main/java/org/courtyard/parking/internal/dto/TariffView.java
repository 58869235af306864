package org.courtyard.parking.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lot's temporary-parking tariff; night times {@code HH:mm} or null; {@code graceMinutes} after a
 * payment ahead before the time since counts again.
 */
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
    int graceMinutes,
    int visitorMinutes,
    Instant updatedAt,
    int version) {}
