package org.courtyard.billing.internal;

import java.util.Optional;
import org.courtyard.api.TenantSlug;
import org.courtyard.billing.ChargeOrder;
import org.courtyard.billing.RoomCharge;
import org.courtyard.billing.RoomCharges;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link RoomCharges} for the other modules, served by the tenant's billing instance. */
@Component(service = RoomCharges.class)
public final class BillingRoomCharges implements RoomCharges {

  private final BillingInstances instances;

  @Activate
  public BillingRoomCharges(@Reference BillingInstances instances) {
    this.instances = instances;
  }

  @Override
  public boolean enabled(TenantSlug tenant) {
    return instances.enabled(tenant);
  }

  @Override
  public RoomCharge charge(TenantSlug tenant, ChargeOrder order) {
    return instances.require(tenant).externalCharges().charge(order);
  }

  @Override
  public Optional<RoomCharge> find(TenantSlug tenant, String source, String reference) {
    return instances.require(tenant).externalCharges().find(source, reference);
  }

  @Override
  public Optional<RoomCharge> cancel(TenantSlug tenant, String source, String reference) {
    return instances.require(tenant).externalCharges().cancel(source, reference);
  }
}
