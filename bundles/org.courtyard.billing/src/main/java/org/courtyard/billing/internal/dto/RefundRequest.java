package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;

/** Body of {@code POST /refunds}: pay back part of a room's prepayment; method cash or bank. */
public record RefundRequest(Long roomId, BigDecimal amount, String method) {}
