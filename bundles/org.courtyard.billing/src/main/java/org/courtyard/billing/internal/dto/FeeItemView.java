package org.courtyard.billing.internal.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A fee item. {@code meterType} and {@code tiers} belong to metered items and are left out of the
 * JSON of the other kinds, which therefore look exactly as they did before metered items existed.
 */
public record FeeItemView(
    long id,
    String code,
    String name,
    String kind,
    BigDecimal unitPrice,
    List<String> appliesToTypes,
    String cycle,
    int roundingScale,
    String roundingMode,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    Instant createdAt,
    Instant updatedAt,
    int version,
    @JsonInclude(JsonInclude.Include.NON_NULL) String meterType,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Tier> tiers) {}
