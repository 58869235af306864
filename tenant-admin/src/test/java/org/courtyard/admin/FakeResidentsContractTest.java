package org.courtyard.admin;

import org.courtyard.admin.contract.FakeTarget;
import org.courtyard.admin.contract.ResidentsContract;
import org.courtyard.admin.contract.TenantTarget;

/** The fake residents API keeps the contract the residents screens rely on. */
public class FakeResidentsContractTest extends ResidentsContract {

  @Override
  protected TenantTarget target() {
    return FakeTarget.shared();
  }
}
