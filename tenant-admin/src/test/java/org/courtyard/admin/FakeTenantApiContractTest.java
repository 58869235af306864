package org.courtyard.admin;

import org.courtyard.admin.contract.FakeTarget;
import org.courtyard.admin.contract.StaffAuthContract;
import org.courtyard.admin.contract.TenantTarget;

/** The fake tenant API keeps the staff sign-in contract the real platform keeps. */
public class FakeTenantApiContractTest extends StaffAuthContract {

  @Override
  protected TenantTarget target() {
    return FakeTarget.shared();
  }
}
