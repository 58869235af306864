package org.courtyard.admin.property.workorders;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A paid repair's charge ({@code GET /orders/{id}/charges}): {@code state} pending (waiting for
 * billing), posted (a bill of the room), refused (billing refused it for good: note says why),
 * void_pending, voided or void_refused (paid: refund through billing); {@code paid} and {@code
 * billStatus} as billing holds them, when the company has it.
 */
public record Charge(
    int seq,
    BigDecimal amount,
    String state,
    Long billId,
    BigDecimal paid,
    String billStatus,
    String note,
    Instant createdAt)
    implements Serializable {}
