package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/** Debits and credits, overall (or of the one period asked for) and per period. */
public record LedgerCheck(
    String period,
    BigDecimal debits,
    BigDecimal credits,
    boolean balanced,
    List<PeriodBalance> periods) {

  public record PeriodBalance(
      String period, BigDecimal debits, BigDecimal credits, boolean balanced) {}
}
