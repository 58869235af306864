package org.courtyard.billing.internal;

import java.util.Optional;
import org.courtyard.api.TenantSlug;
import org.courtyard.billing.CounterIncome;
import org.courtyard.billing.IncomeOrder;
import org.courtyard.billing.IncomeReceipt;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link CounterIncome} for the other modules, served by the tenant's billing instance. */
@Component(service = CounterIncome.class)
public final class BillingCounterIncome implements CounterIncome {

  private final BillingInstances instances;

  @Activate
  public BillingCounterIncome(@Reference BillingInstances instances) {
    this.instances = instances;
  }

  @Override
  public boolean enabled(TenantSlug tenant) {
    return instances.enabled(tenant);
  }

  @Override
  public IncomeReceipt record(TenantSlug tenant, IncomeOrder order) {
    return instances.require(tenant).incomes().record(order);
  }

  @Override
  public Optional<IncomeReceipt> find(TenantSlug tenant, String source, String reference) {
    return instances.require(tenant).incomes().find(source, reference);
  }
}
