package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /fee-items} and (with {@code version}) {@code PUT /fee-items/{id}}; {@code
 * kind} cannot change on PUT. Defaults: cycle monthly, roundingScale 2, roundingMode half_up,
 * appliesToTypes empty (every room type).
 */
public record FeeItemInput(
    String code,
    String name,
    String kind,
    BigDecimal unitPrice,
    List<String> appliesToTypes,
    String cycle,
    Integer roundingScale,
    String roundingMode,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    Integer version) {}
