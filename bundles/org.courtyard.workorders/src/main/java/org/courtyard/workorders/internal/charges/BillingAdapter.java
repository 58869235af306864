package org.courtyard.workorders.internal.charges;

import java.math.BigDecimal;
import java.util.Optional;
import org.courtyard.api.TenantSlug;
import org.courtyard.billing.ChargeOrder;
import org.courtyard.billing.RoomCharge;
import org.courtyard.billing.RoomCharges;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ChargesPort} over billing's {@link RoomCharges}: DS creates it only while that service
 * exists, so the billing package is loaded only when the module is there.
 */
@Component(service = ChargesPort.class)
public final class BillingAdapter implements ChargesPort {

  static final String SOURCE = "workorders";
  static final String FEE_CODE = "REPAIR";
  static final String FEE_NAME = "有偿维修 Paid repair";

  private final RoomCharges charges;

  @Activate
  public BillingAdapter(@Reference RoomCharges charges) {
    this.charges = charges;
  }

  @Override
  public boolean enabled(TenantSlug tenant) {
    return charges.enabled(tenant);
  }

  @Override
  public Billed post(TenantSlug tenant, String reference, long roomId, BigDecimal amount) {
    return billed(
        charges.charge(
            tenant, new ChargeOrder(SOURCE, reference, roomId, FEE_CODE, FEE_NAME, amount)));
  }

  @Override
  public Optional<Billed> cancel(TenantSlug tenant, String reference) {
    return charges.cancel(tenant, SOURCE, reference).map(BillingAdapter::billed);
  }

  @Override
  public Optional<Billed> find(TenantSlug tenant, String reference) {
    return charges.find(tenant, SOURCE, reference).map(BillingAdapter::billed);
  }

  private static Billed billed(RoomCharge c) {
    return new Billed(c.billId(), c.paid(), c.status());
  }
}
