package org.courtyard.billing;

import java.math.BigDecimal;

/**
 * A charge asked of billing.
 *
 * @param source the asking module's id, e.g. {@code workorders}
 * @param reference the module's key for this charge, unique within the source (at most 100
 *     characters)
 * @param roomId the room charged
 * @param feeCode the fee item the line is booked to (its income account); billing creates a one-off
 *     item of that code with no price of its own when the tenant has none
 * @param feeName the item's name when billing creates it, and the line's text
 * @param amount in the tenant's currency, positive, at most two places
 */
public record ChargeOrder(
    String source,
    String reference,
    long roomId,
    String feeCode,
    String feeName,
    BigDecimal amount) {}
