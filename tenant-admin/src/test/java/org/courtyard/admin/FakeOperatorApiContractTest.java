package org.courtyard.admin;

import org.courtyard.admin.contract.FakeOperatorApi;
import org.courtyard.admin.contract.OperatorApiContract;
import org.junit.AfterClass;
import org.junit.BeforeClass;

/** The fake operator API keeps the contract the real platform keeps. */
public class FakeOperatorApiContractTest extends OperatorApiContract {

  private static FakeOperatorApi fake;

  @BeforeClass
  public static void startFake() {
    fake = FakeOperatorApi.start("s3cret-operator");
  }

  @AfterClass
  public static void stopFake() {
    fake.close();
  }

  @Override
  protected String baseUrl() {
    return fake.baseUrl();
  }

  @Override
  protected String password() {
    return fake.password();
  }
}
