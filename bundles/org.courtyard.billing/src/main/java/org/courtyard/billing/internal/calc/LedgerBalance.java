package org.courtyard.billing.internal.calc;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rule every ledger transaction obeys before it is written: at least two entries, each with
 * exactly one positive side in whole cents, and debits equal to credits.
 */
public final class LedgerBalance {

  private LedgerBalance() {}

  /**
   * @throws IllegalStateException naming the problem; a caller that gets it has a bug, so it is
   *     never shown to users as anything but an internal error
   */
  public static void check(List<Posting> postings) {
    if (postings.size() < 2) {
      throw new IllegalStateException("a transaction needs at least two entries: " + postings);
    }
    BigDecimal debits = BigDecimal.ZERO;
    BigDecimal credits = BigDecimal.ZERO;
    for (Posting p : postings) {
      if (p.account() == null || p.account().isEmpty()) {
        throw new IllegalStateException("entry without account: " + p);
      }
      if (p.debit().signum() < 0 || p.credit().signum() < 0) {
        throw new IllegalStateException("negative amount: " + p);
      }
      if ((p.debit().signum() > 0) == (p.credit().signum() > 0)) {
        throw new IllegalStateException("an entry needs exactly one positive side: " + p);
      }
      if (p.debit().stripTrailingZeros().scale() > 2
          || p.credit().stripTrailingZeros().scale() > 2) {
        throw new IllegalStateException("amount finer than a cent: " + p);
      }
      debits = debits.add(p.debit());
      credits = credits.add(p.credit());
    }
    if (debits.compareTo(credits) != 0) {
      throw new IllegalStateException(
          "unbalanced transaction: debits " + debits + " ≠ credits " + credits + " in " + postings);
    }
  }

  public static boolean balanced(List<Posting> postings) {
    try {
      check(postings);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }
}
