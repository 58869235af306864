package org.courtyard.billing.internal.calc;

import java.math.BigDecimal;

/**
 * One fee charged to one room, with how it was calculated.
 *
 * @param quantity area in m² for area fees, 1 otherwise
 * @param months months charged at once (1, 3 or 12)
 * @param daysEffective days of the cycle the fee was in effect
 * @param daysInCycle days of the cycle
 * @param calculated quantity × unit price × months × daysEffective / daysInCycle, rounded with the
 *     fee's scale and mode
 * @param amount {@code calculated} in the currency's two places, rounded with the same mode
 */
public record LineAmount(
    BigDecimal quantity,
    BigDecimal unitPrice,
    int months,
    int daysEffective,
    int daysInCycle,
    BigDecimal calculated,
    BigDecimal amount) {}
