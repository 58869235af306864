package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
    int version) {}
