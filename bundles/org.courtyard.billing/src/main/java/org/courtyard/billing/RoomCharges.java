package org.courtyard.billing;

import java.util.Optional;
import org.courtyard.api.TenantSlug;

/**
 * Charges another module asks billing to put on a room: a bill of one line, in the current period,
 * shown on the room's statement and payable like any bill. Each charge is known by its module and
 * that module's reference for it ({@code workorders}, {@code order-42-0}), and exists at most once:
 * asking again with the same reference answers the charge recorded the first time, so a caller can
 * retry after any failure without charging twice.
 */
public interface RoomCharges {

  /** Whether the tenant has billing enabled right now. */
  boolean enabled(TenantSlug tenant);

  /**
   * Records the charge unless its reference is recorded already, in one transaction.
   *
   * @return the charge, {@link RoomCharge#created()} when this call recorded it
   * @throws org.courtyard.api.ProblemException 404 {@code module-not-enabled} without billing; 422
   *     {@code validation-failed} (unknown room, amount not positive or with more than two places);
   *     409 {@code charge-differs} when the reference holds another room or amount
   */
  RoomCharge charge(TenantSlug tenant, ChargeOrder order);

  /** The charge recorded under the reference, if any. */
  Optional<RoomCharge> find(TenantSlug tenant, String source, String reference);

  /**
   * Voids the charge the way billing voids a bill: the amount taken from the room's prepayment is
   * given back, the bill is cancelled and its ledger transaction reversed, in one transaction.
   * Voiding a voided charge answers it unchanged; voiding an unknown reference answers empty.
   *
   * @throws org.courtyard.api.ProblemException 409 {@code charge-paid} when a payment was allocated
   *     to it (the room must be refunded through billing instead)
   */
  Optional<RoomCharge> cancel(TenantSlug tenant, String source, String reference);
}
