package org.courtyard.admin.contract;

/** The fake devices area keeps the devices contract the real platform keeps. */
public class FakeDevicesContractTest extends DevicesContract {

  @Override
  protected TenantTarget target() {
    return FakeTarget.shared();
  }
}
