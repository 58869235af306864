package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A payment as booked: what went to which bill and what went to prepayment. */
public record PaymentView(
    long id,
    long roomId,
    BigDecimal amount,
    String method,
    String status,
    List<Applied> applied,
    BigDecimal toPrepayment,
    BigDecimal prepaymentBalance,
    String currency,
    UUID txId,
    Instant createdAt) {

  /** Money applied to one bill, and what the bill still owes afterwards. */
  public record Applied(
      long billId, String period, BigDecimal amount, BigDecimal billOutstanding) {}
}
