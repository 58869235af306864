package org.courtyard.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Income as billing holds it.
 *
 * @param id billing's id of the income, for its receipt ({@code GET
 *     /api/v1/billing/income/{id}/receipt.html})
 * @param receiptNo the receipt's number ({@code I42})
 * @param period the billing period it was booked in ({@code 2026-12})
 * @param receivedAt when billing recorded it
 * @param created whether the call that answered it recorded it
 */
public record IncomeReceipt(
    long id,
    String receiptNo,
    BigDecimal amount,
    String method,
    String feeCode,
    String period,
    Instant receivedAt,
    boolean created) {}
