package org.courtyard.billing;

import java.util.Optional;
import org.courtyard.api.TenantSlug;

/**
 * Money another module takes over a counter or at a gate for something that belongs to no room: a
 * visitor's temporary parking at the exit, paid in cash or by a QR code. Billing books it as income
 * in its double-entry ledger (cash or bank against the fee item's income account) and gives it a
 * receipt. Each income is known by its module and that module's reference and exists at most once:
 * asking again with the same reference answers the income recorded the first time, so a caller can
 * retry after any failure without taking the money twice.
 */
public interface CounterIncome {

  /** Whether the tenant has billing enabled right now. */
  boolean enabled(TenantSlug tenant);

  /**
   * Records the income unless its reference is recorded already, in one transaction with its ledger
   * transaction.
   *
   * @return the receipt, {@link IncomeReceipt#created()} when this call recorded it
   * @throws org.courtyard.api.ProblemException 404 {@code module-not-enabled} without billing; 422
   *     {@code validation-failed} (amount not positive or with more than two places, an unknown
   *     method, a text too long); 409 {@code income-differs} when the reference holds another
   *     amount or method
   */
  IncomeReceipt record(TenantSlug tenant, IncomeOrder order);

  /** The income recorded under the reference, if any. */
  Optional<IncomeReceipt> find(TenantSlug tenant, String source, String reference);
}
