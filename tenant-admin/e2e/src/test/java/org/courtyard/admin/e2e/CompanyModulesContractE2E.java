package org.courtyard.admin.e2e;

import org.courtyard.admin.contract.CompanyModulesContract;
import org.courtyard.admin.contract.TenantTarget;

/** The Modules screen's contract against the real platform. */
public class CompanyModulesContractE2E extends CompanyModulesContract {

  @Override
  protected TenantTarget target() {
    return RealTenantTarget.shared();
  }
}
