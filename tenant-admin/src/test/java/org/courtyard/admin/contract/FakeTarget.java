package org.courtyard.admin.contract;

import java.util.concurrent.atomic.AtomicInteger;

/** The contracts' target in tenant-admin's own tests: one {@link FakeTenantApi} for the JVM. */
public final class FakeTarget implements TenantTarget {

  public static final String COMPANY = "contract_co";
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static FakeTarget shared;

  private final FakeTenantApi fake;

  private FakeTarget(FakeTenantApi fake) {
    this.fake = fake;
    fake.company(COMPANY, "Contract Property Co.");
  }

  public static synchronized FakeTarget shared() {
    if (shared == null) {
      shared = new FakeTarget(FakeTenantApi.start());
      Runtime.getRuntime().addShutdownHook(new Thread(shared.fake::close));
    }
    return shared;
  }

  public FakeTenantApi fake() {
    return fake;
  }

  @Override
  public String baseUrl() {
    return fake.baseUrl();
  }

  @Override
  public StaffAccount newStaff(String role) {
    String name = "staff" + NEXT.incrementAndGet();
    String password = "pw-" + name + "-Secret1";
    fake.staff(COMPANY, name, password).grant(role);
    return new StaffAccount(COMPANY, name, password);
  }
}
