package org.courtyard.admin.e2e;

import org.courtyard.admin.contract.TenantTarget;
import org.courtyard.admin.contract.UsersContract;

/**
 * The console's users-and-roles screens run against {@code FakeIdentityArea}; this runs the same
 * contract against the real platform, started from the built distribution, so the fake cannot drift
 * from it unnoticed.
 */
public class UsersContractE2E extends UsersContract {

  @Override
  protected TenantTarget target() {
    return RealTenantTarget.shared();
  }
}
