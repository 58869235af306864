package org.courtyard.parking.internal.pay;

import java.math.BigDecimal;
import org.courtyard.api.TenantSlug;
import org.courtyard.billing.CounterIncome;
import org.courtyard.billing.IncomeOrder;
import org.courtyard.billing.IncomeReceipt;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link IncomePort} over billing's {@link CounterIncome}: DS creates it only while that service
 * exists, so the billing package is loaded only when the module is there.
 */
@Component(service = IncomePort.class)
public final class BillingIncome implements IncomePort {

  static final String SOURCE = "parking";
  static final String FEE_CODE = "PARKING-TEMP";
  static final String FEE_NAME = "临时停车费 Temporary parking";

  private final CounterIncome income;

  @Activate
  public BillingIncome(@Reference CounterIncome income) {
    this.income = income;
  }

  @Override
  public boolean enabled(TenantSlug tenant) {
    return income.enabled(tenant);
  }

  @Override
  public Receipt book(
      TenantSlug tenant,
      String reference,
      long estateId,
      BigDecimal amount,
      String method,
      String plate) {
    IncomeReceipt r =
        income.record(
            tenant,
            new IncomeOrder(
                SOURCE, reference, estateId, FEE_CODE, FEE_NAME, amount, method, plate));
    return new Receipt(r.id(), r.receiptNo());
  }
}
