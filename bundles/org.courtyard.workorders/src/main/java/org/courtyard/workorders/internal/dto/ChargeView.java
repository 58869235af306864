package org.courtyard.workorders.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A paid repair's charge: {@code state} pending (waiting for billing), posted (a bill of the room),
 * void_pending, voided, or void_refused (paid: refund the room through billing); {@code paid} and
 * {@code billStatus} (open, paid, cancelled) as billing holds them, when it is enabled.
 */
public record ChargeView(
    int seq,
    BigDecimal amount,
    String state,
    Long billId,
    BigDecimal paid,
    String billStatus,
    String note,
    Instant createdAt) {

  public ChargeView withBill(BigDecimal paid, String billStatus) {
    return new ChargeView(seq, amount, state, billId, paid, billStatus, note, createdAt);
  }
}
