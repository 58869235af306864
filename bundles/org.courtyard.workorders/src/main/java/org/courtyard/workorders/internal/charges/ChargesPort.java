package org.courtyard.workorders.internal.charges;

import java.math.BigDecimal;
import java.util.Optional;
import org.courtyard.api.TenantSlug;

/**
 * Billing as work orders need it; implemented over billing's {@code RoomCharges} while the billing
 * bundle is installed, so this module names billing's package in one class only.
 */
public interface ChargesPort {

  /** A charge as billing holds it: its bill, what is settled on it, open, paid or cancelled. */
  record Billed(long billId, BigDecimal paid, String status) {}

  /** Whether the tenant has billing enabled right now. */
  boolean enabled(TenantSlug tenant);

  /** Posts the charge once per reference; the same reference again answers the first. */
  Billed post(TenantSlug tenant, String reference, long roomId, BigDecimal amount);

  /**
   * Voids the charge; empty when billing never recorded the reference.
   *
   * @throws org.courtyard.api.ProblemException 409 {@code charge-paid} when a payment settled it
   */
  Optional<Billed> cancel(TenantSlug tenant, String reference);

  /** The charge billing holds under the reference. */
  Optional<Billed> find(TenantSlug tenant, String reference);
}
