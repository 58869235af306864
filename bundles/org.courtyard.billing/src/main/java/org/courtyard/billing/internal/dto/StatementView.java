package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A room's account statement (对账单). {@code balance} = prepayment − outstanding: negative means the
 * room owes money.
 */
public record StatementView(
    long roomId,
    String label,
    String currency,
    List<BillView> bills,
    List<PaymentView> payments,
    List<RefundView> refunds,
    BigDecimal billed,
    BigDecimal paid,
    BigDecimal outstanding,
    BigDecimal prepaymentBalance,
    BigDecimal balance,
    Instant generatedAt) {}
