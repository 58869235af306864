package org.courtyard.admin;

import org.courtyard.admin.contract.EstateContract;
import org.courtyard.admin.contract.FakeTarget;
import org.courtyard.admin.contract.TenantTarget;

/** The fake estate API keeps the contract the estate screen relies on. */
public class FakeEstateContractTest extends EstateContract {

  @Override
  protected TenantTarget target() {
    return FakeTarget.shared();
  }
}
