package org.courtyard.billing;

import java.math.BigDecimal;

/**
 * A charge as billing holds it.
 *
 * @param billId the bill that carries it
 * @param period the billing period it was charged in ({@code 2026-12})
 * @param paid what has been settled on it, by payments or the room's prepayment
 * @param status {@code open}, {@code paid} or {@code cancelled} (voided)
 * @param created whether the call that answered it recorded it
 */
public record RoomCharge(
    long billId,
    long roomId,
    String period,
    BigDecimal amount,
    BigDecimal paid,
    String status,
    boolean created) {}
