package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record RefundView(
    long id,
    long roomId,
    BigDecimal amount,
    String method,
    String status,
    BigDecimal prepaymentBalance,
    String currency,
    UUID txId,
    Instant createdAt) {}
