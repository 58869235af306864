package org.courtyard.billing;

import java.math.BigDecimal;

/**
 * Income asked of billing.
 *
 * @param source the asking module's id, e.g. {@code parking}
 * @param reference the module's key for this income, unique within the source (at most 100
 *     characters)
 * @param estateId the estate it was taken in (staff scoped to that estate see it), or null
 * @param feeCode the fee item it is booked to (its income account); billing creates a one-off item
 *     of that code with no price of its own when the tenant has none
 * @param feeName the item's name when billing creates it
 * @param amount in the tenant's currency, positive, at most two places
 * @param method {@code cash}, {@code bank}, {@code wechat} or {@code alipay}, as for payments
 * @param payer who paid, as the receipt names them (a plate, a name), at most 100 characters, or
 *     null
 */
public record IncomeOrder(
    String source,
    String reference,
    Long estateId,
    String feeCode,
    String feeName,
    BigDecimal amount,
    String method,
    String payer) {}
