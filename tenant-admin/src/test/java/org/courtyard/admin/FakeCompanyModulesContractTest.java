package org.courtyard.admin;

import org.courtyard.admin.contract.CompanyModulesContract;
import org.courtyard.admin.contract.FakeTarget;
import org.courtyard.admin.contract.TenantTarget;

/** The fake's company modules keep the contract the real platform keeps. */
public class FakeCompanyModulesContractTest extends CompanyModulesContract {

  @Override
  protected TenantTarget target() {
    return FakeTarget.shared();
  }
}
