package org.courtyard.admin.e2e;

import org.courtyard.admin.contract.EstateContract;
import org.courtyard.admin.contract.TenantTarget;

/**
 * The estate screen's contract, which the console's tests run against {@code FakeEstateArea}, run
 * against the real platform started from the built distribution, so the fake cannot drift from it
 * unnoticed.
 */
public class EstateContractE2E extends EstateContract {

  @Override
  protected TenantTarget target() {
    return RealTenantTarget.shared();
  }
}
