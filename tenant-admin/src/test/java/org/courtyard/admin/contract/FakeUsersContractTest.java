package org.courtyard.admin.contract;

/** The fake identity area keeps the users-and-roles contract the real platform keeps. */
public class FakeUsersContractTest extends UsersContract {

  @Override
  protected TenantTarget target() {
    return FakeTarget.shared();
  }
}
