package org.courtyard.parking.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A temporary stay's payment: at its exit ({@code exitId}, the passage the guard held for it) or
 * ahead of it; {@code state} {@code pending} until billing booked it, then {@code posted} with
 * billing's income id and receipt number.
 */
public record PaymentView(
    long id,
    long lotId,
    long estateId,
    long entryId,
    Long exitId,
    String plate,
    BigDecimal amount,
    String method,
    String state,
    Long incomeId,
    String receiptNo,
    Long paidBy,
    Instant createdAt,
    Instant postedAt,
    Instant leaveBy) {}
