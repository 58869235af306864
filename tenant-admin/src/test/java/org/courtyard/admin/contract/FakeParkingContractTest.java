package org.courtyard.admin.contract;

/** The fake parking area keeps the parking contract the real platform keeps. */
public class FakeParkingContractTest extends ParkingContract {

  @Override
  protected TenantTarget target() {
    return FakeTarget.shared();
  }
}
