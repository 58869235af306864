package org.courtyard.admin.e2e;

import org.courtyard.admin.contract.TenantTarget;
import org.courtyard.admin.contract.WorkOrdersContract;

/**
 * The console's work-order screens run against {@code FakeWorkOrdersArea}; this runs the same
 * contract against the real platform, started from the built distribution, so the fake cannot drift
 * from it unnoticed.
 */
public class WorkOrdersContractE2E extends WorkOrdersContract {

  @Override
  protected TenantTarget target() {
    return RealTenantTarget.shared();
  }
}
