package org.courtyard.admin.contract;

/** The fake work-orders area keeps the work-orders contract the real platform is to keep. */
public class FakeWorkOrdersContractTest extends WorkOrdersContract {

  @Override
  protected TenantTarget target() {
    return FakeTarget.shared();
  }
}
