package org.courtyard.admin.property.billing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A payment as booked ({@code POST /billing/payments}, {@code GET /billing/payments/{id}}): what
 * went to which bill and what became prepayment. {@code prepaymentBalance} is only in the answer of
 * the payment itself.
 */
public record Payment(
    long id,
    long roomId,
    BigDecimal amount,
    String method,
    String status,
    List<Applied> applied,
    BigDecimal toPrepayment,
    BigDecimal prepaymentBalance,
    String currency,
    Instant createdAt)
    implements Serializable {

  public Payment {
    applied = applied == null ? List.of() : List.copyOf(applied);
  }

  /** Money applied to one bill, and what the bill still owes afterwards. */
  public record Applied(long billId, String period, BigDecimal amount, BigDecimal billOutstanding)
      implements Serializable {}
}
