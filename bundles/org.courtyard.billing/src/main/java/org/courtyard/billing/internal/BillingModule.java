package org.courtyard.billing.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ModuleDescriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Announces the billing module to the platform, which runs the migrations under {@code db/billing/}
 * for a tenant before creating that tenant's {@link BillingTenant}.
 */
@Component(
    service = ModuleDescriptor.class,
    property = CourtyardConstants.MODULE + "=" + BillingModule.ID)
public final class BillingModule implements ModuleDescriptor {

  public static final String ID = "billing";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Fees and billing";
  }

  @Override
  public String description() {
    return "Fee items, monthly bills, payments, prepayment, arrears and collection statistics (费用管理)";
  }

  @Override
  public List<String> requires() {
    return List.of("estate");
  }
}
