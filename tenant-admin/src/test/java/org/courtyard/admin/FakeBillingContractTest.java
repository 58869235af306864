package org.courtyard.admin;

import java.util.concurrent.atomic.AtomicLong;
import org.courtyard.admin.contract.BillingContract;
import org.courtyard.admin.contract.FakeBillingArea;
import org.courtyard.admin.contract.FakeTarget;
import org.courtyard.admin.contract.TenantTarget;

/** The fake's billing keeps the contract the billing screens rely on. */
public class FakeBillingContractTest extends BillingContract {

  private static final AtomicLong NEXT_ROOM = new AtomicLong(5000);

  @Override
  protected TenantTarget target() {
    return FakeTarget.shared();
  }

  @Override
  protected long roomWithOpenBill() {
    FakeBillingArea billing = FakeTarget.shared().fake().area(FakeBillingArea.class);
    long room = NEXT_ROOM.incrementAndGet();
    billing.room(room, 1, 11, "Contract " + room);
    billing.bill(room, "2030-01", "300.00");
    billing.bill(room, "2030-02", "300.00");
    return room;
  }
}
