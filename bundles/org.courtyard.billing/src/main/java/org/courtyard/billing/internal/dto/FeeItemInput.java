package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /fee-items} and (with {@code version}) {@code PUT /fee-items/{id}}; {@code
 * kind} cannot change on PUT. Defaults: cycle monthly, roundingScale 2, roundingMode half_up,
 * appliesToTypes empty (every room type).
 *
 * <p>Metered items ({@code kind} metered) also take {@code meterType} (water, electricity or gas;
 * cannot change on PUT) and {@code tiers}; their {@code unitPrice} is optional (default: the first
 * tier's price) and for reference only. Other kinds must leave both out.
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
    Integer version,
    String meterType,
    List<Tier> tiers) {}
