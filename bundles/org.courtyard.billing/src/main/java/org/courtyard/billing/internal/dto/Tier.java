package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;

/**
 * One tier of a metered fee item's tariff (阶梯价格): consumption above the previous tier's {@code
 * upTo} and up to this one's is priced at {@code price}; the last tier has {@code upTo} null.
 */
public record Tier(BigDecimal upTo, BigDecimal price) {}
