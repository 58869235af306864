package org.courtyard.parking.internal.pay;

import java.math.BigDecimal;
import org.courtyard.api.TenantSlug;

/**
 * Where a temporary stay's payment is booked: billing's ledger, while the billing bundle is
 * installed ({@link BillingIncome}). Parking holds it through an optional dynamic reference, so the
 * module installs and works without billing; a payment then answers that billing is needed.
 */
public interface IncomePort {

  /** Billing's receipt of a payment. */
  record Receipt(long incomeId, String receiptNo) {}

  /** Whether the tenant has billing enabled right now. */
  boolean enabled(TenantSlug tenant);

  /**
   * Books the payment once per {@code reference}: asking again answers the first booking.
   *
   * @throws org.courtyard.api.ProblemException as billing refuses
   */
  Receipt book(
      TenantSlug tenant,
      String reference,
      long estateId,
      BigDecimal amount,
      String method,
      String plate);
}
