package org.courtyard.admin.e2e;

import org.courtyard.admin.contract.DevicesContract;
import org.courtyard.admin.contract.TenantTarget;

/**
 * The console's devices screens run against {@code FakeDevicesArea}; this runs the same contract
 * against the real platform, started from the built distribution, so the fake cannot drift from it
 * unnoticed.
 */
public class DevicesContractE2E extends DevicesContract {

  @Override
  protected TenantTarget target() {
    return RealTenantTarget.shared();
  }
}
