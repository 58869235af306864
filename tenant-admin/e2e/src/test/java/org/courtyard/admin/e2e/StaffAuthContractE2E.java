package org.courtyard.admin.e2e;

import org.courtyard.admin.contract.StaffAuthContract;
import org.courtyard.admin.contract.TenantTarget;

/** The staff sign-in contract the property console relies on, against the real platform. */
public class StaffAuthContractE2E extends StaffAuthContract {

  @Override
  protected TenantTarget target() {
    return RealTenantTarget.shared();
  }
}
