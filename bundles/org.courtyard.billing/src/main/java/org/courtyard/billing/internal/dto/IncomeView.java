package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Income another module took for no room (a visitor's parking at the exit), with its receipt
 * number; {@code status} is {@code posted}, or {@code reversed} once its ledger transaction was.
 */
public record IncomeView(
    long id,
    String receiptNo,
    String source,
    String reference,
    Long estateId,
    String feeCode,
    BigDecimal amount,
    String method,
    String payer,
    String period,
    String status,
    String currency,
    UUID txId,
    Instant receivedAt) {}
