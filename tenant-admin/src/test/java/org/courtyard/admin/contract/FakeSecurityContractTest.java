package org.courtyard.admin.contract;

/** The fake security area keeps the security contract the real platform keeps. */
public class FakeSecurityContractTest extends SecurityContract {

  @Override
  protected TenantTarget target() {
    return FakeTarget.shared();
  }
}
