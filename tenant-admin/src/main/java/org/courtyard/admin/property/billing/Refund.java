package org.courtyard.admin.property.billing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** Money paid back out of a room's prepayment ({@code POST /billing/refunds}). */
public record Refund(
    long id,
    long roomId,
    BigDecimal amount,
    String method,
    String status,
    BigDecimal prepaymentBalance,
    String currency,
    Instant createdAt)
    implements Serializable {}
