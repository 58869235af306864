package org.courtyard.admin.e2e;

import org.courtyard.admin.contract.ResidentsContract;
import org.courtyard.admin.contract.TenantTarget;

/**
 * The residents screens' contract, which the console's tests run against {@code FakeResidentsArea},
 * run against the real platform started from the built distribution.
 */
public class ResidentsContractE2E extends ResidentsContract {

  @Override
  protected TenantTarget target() {
    return RealTenantTarget.shared();
  }
}
