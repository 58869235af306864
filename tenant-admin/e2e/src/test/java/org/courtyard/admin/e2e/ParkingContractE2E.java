package org.courtyard.admin.e2e;

import org.courtyard.admin.contract.ParkingContract;
import org.courtyard.admin.contract.TenantTarget;

/**
 * The console's parking screens run against {@code FakeParkingArea}; this runs the same contract
 * against the real platform, started from the built distribution, so the fake cannot drift from it
 * unnoticed.
 */
public class ParkingContractE2E extends ParkingContract {

  @Override
  protected TenantTarget target() {
    return RealTenantTarget.shared();
  }
}
