package org.courtyard.parking.internal.dto;

import java.math.BigDecimal;

/**
 * Body of {@code PUT /parking/lots/{id}/tariff}; night times are {@code HH:mm}, all three night
 * fields or none; {@code graceMinutes} (0 to 120, 15 when never given) is how long a stay paid
 * ahead has to leave; {@code visitorMinutes} (0 to 1440, 120 when never given) what a resident's
 * visitor grant is worth; {@code version} is the one read, needed once the lot has a tariff.
 */
public record TariffInput(
    Integer freeMinutes,
    Integer firstMinutes,
    BigDecimal firstPrice,
    Integer unitMinutes,
    BigDecimal unitPrice,
    String nightFrom,
    String nightTo,
    BigDecimal nightUnitPrice,
    BigDecimal capPer24h,
    Integer graceMinutes,
    Integer visitorMinutes,
    Integer version) {}
