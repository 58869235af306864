package org.courtyard.billing.internal.calc;

import java.math.BigDecimal;

/** One side of a ledger entry: exactly one of {@code debit} and {@code credit} is above zero. */
public record Posting(String account, BigDecimal debit, BigDecimal credit) {

  public static Posting debit(String account, BigDecimal amount) {
    return new Posting(account, amount, BigDecimal.ZERO.setScale(2));
  }

  public static Posting credit(String account, BigDecimal amount) {
    return new Posting(account, BigDecimal.ZERO.setScale(2), amount);
  }

  /** The same amount on the other side, for a reversal. */
  public Posting mirrored() {
    return new Posting(account, credit, debit);
  }
}
