package org.courtyard.admin.e2e;

import org.courtyard.admin.contract.SecurityContract;
import org.courtyard.admin.contract.TenantTarget;

/**
 * The console's security screens run against {@code FakeSecurityArea}; this runs the same contract
 * against the real platform, started from the built distribution, so the fake cannot drift from it
 * unnoticed.
 */
public class SecurityContractE2E extends SecurityContract {

  @Override
  protected TenantTarget target() {
    return RealTenantTarget.shared();
  }
}
